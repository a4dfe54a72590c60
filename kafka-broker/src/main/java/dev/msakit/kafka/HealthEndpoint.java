package dev.msakit.kafka;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GET /health: {"status":"UP"} once the broker answers a client's metadata request (it has a controller and
 * serves), 503 {"status":"DOWN"} otherwise; the same contract as every other process's health URL.
 */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer http;
    private final Admin admin;

    private HealthEndpoint(HttpServer http, Admin admin) {
        this.http = http;
        this.admin = admin;
    }

    static HealthEndpoint start(KafkaBrokerSettings settings) throws IOException {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-health"));
        HttpServer http = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.healthPort()), 8);
        HealthEndpoint endpoint = new HealthEndpoint(http, admin);
        http.createContext("/health", endpoint::answer);
        http.start();
        return endpoint;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean up = serves();
            byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(method);
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

    private boolean serves() {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).controller()
                    .get(3, TimeUnit.SECONDS) != null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Override
    public void close() {
        http.stop(0);
        admin.close();
    }
}
