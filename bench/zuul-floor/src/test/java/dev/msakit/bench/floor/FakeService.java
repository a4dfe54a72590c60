package dev.msakit.bench.floor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** Stands in for product-service: answers {"id":7} and remembers the last request's path and Authorization. */
final class FakeService {

    static final String ANSWER = "{\"id\":7}";

    private final AtomicReference<String> seen = new AtomicReference<>();
    private final HttpServer server;

    FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** "path Authorization" of the last request it answered. */
    String lastRequest() {
        return seen.get();
    }

    void stop() {
        server.stop(0);
    }

    /** What a client gets for a GET through the floor listening on the port (with "Bearer abc" when asked). */
    static HttpResponse<String> get(int floorPort, String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + floorPort + path));
        if (withToken) {
            request.header("Authorization", "Bearer abc");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
