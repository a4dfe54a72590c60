package dev.msakit.postgres;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * GET /health: {"status":"UP"} once a login and a query succeed, 503 {"status":"DOWN"} otherwise; the same contract
 * as the Spring services' health URLs, so the launcher, the tests and an orchestrator probe it like any other.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer http;

    private HealthEndpoint(HttpServer http) {
        this.http = http;
    }

    static HealthEndpoint start(String bindAddress, int port, PostgresServer server) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, port), 8);
        http.createContext("/health", exchange -> answer(exchange, server));
        http.start();
        return new HealthEndpoint(http);
    }

    private static void answer(HttpExchange exchange, PostgresServer server) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean up = answersQueries(server);
            byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(up ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static boolean answersQueries(PostgresServer server) {
        if (!server.isRunning()) {
            return false;
        }
        try (Connection connection = server.superuserConnection("postgres");
             Statement sql = connection.createStatement()) {
            return sql.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
