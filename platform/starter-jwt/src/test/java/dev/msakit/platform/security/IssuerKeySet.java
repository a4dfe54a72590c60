package dev.msakit.platform.security;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An issuer's JWK set on a local port, one public key (id k1), counting its downloads. */
final class IssuerKeySet implements AutoCloseable {

    final AtomicInteger downloads = new AtomicInteger();
    private final HttpServer server;

    IssuerKeySet() throws Exception {
        String publicKey = new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK().toJSONString();
        byte[] keys = ("{\"keys\":[" + publicKey + "]}").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            downloads.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
