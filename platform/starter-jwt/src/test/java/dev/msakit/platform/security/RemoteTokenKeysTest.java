package dev.msakit.platform.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteTokenKeysTest {

    private HttpServer issuer;
    private final AtomicInteger downloads = new AtomicInteger();

    @BeforeEach
    void issuerPublishesOneKey() throws Exception {
        String publicKey = new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK().toJSONString();
        byte[] keys = ("{\"keys\":[" + publicKey + "]}").getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks.json", exchange -> {
            downloads.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop(0);
    }

    private String keySetUrl() {
        return "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks.json";
    }

    @Test
    void keysFetchedAheadAnswerTheFirstTokensKeyIdWithoutAnotherDownload() throws Exception {
        RemoteTokenKeys keys = new RemoteTokenKeys(PlatformJwtDecoders.remoteKeys(keySetUrl(), new RestTemplate()),
                Duration.ofMillis(50), 0);

        assertThat(keys.fetch()).isTrue();
        assertThat(downloads).hasValue(1);
        assertThat(keys.get(new JWKSelector(new JWKMatcher.Builder().keyIDs(Set.of("k1")).build()), null))
                .hasSize(1);
        assertThat(downloads).as("the first token's key came from the set fetched ahead").hasValue(1);
    }

    /** Not there at the start: no reason not to start, and the keys are fetched in the background once it answers. */
    @Test
    void anIssuerThatAnswersLaterIsAskedAgainInTheBackground() throws InterruptedException {
        AtomicInteger refusals = new AtomicInteger();
        RestTemplate http = new RestTemplate();
        // The issuer "starts" after three refused fetches (what Ribbon says while it is not registered yet).
        http.getInterceptors().add((request, body, execution) -> {
            if (refusals.incrementAndGet() <= 3) {
                throw new IllegalStateException("No instances available for member-service");
            }
            return execution.execute(request, body);
        });
        RemoteTokenKeys keys = new RemoteTokenKeys(PlatformJwtDecoders.remoteKeys(keySetUrl(), http),
                Duration.ofMillis(50), 10);

        keys.onApplicationEvent(null);

        assertThat(downloads).as("not at the start").hasValue(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (downloads.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(downloads).as("fetched once the issuer answered").hasValue(1);
        assertThat(refusals).as("and not asked again after that").hasValue(4);
        keys.destroy();
    }

    /** The whole application: started means the keys are there, before anything asked for them. */
    @Test
    void anApplicationHasItsTokenKeysOnceStarted() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(JwtOnly.class)
                .web(WebApplicationType.NONE)
                .run("--platform.security.jwk-set-uri=" + keySetUrl(),
                        "--platform.security.jwk-set-load-balanced=false", "--spring.main.banner-mode=off")) {
            assertThat(application.getBean(JwtDecoder.class)).isNotNull();
            assertThat(downloads).hasValue(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({RestTemplateAutoConfiguration.class, PlatformJwtAutoConfiguration.class})
    static class JwtOnly {
    }
}
