package dev.msakit.platform.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
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

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteTokenKeysTest {

    private IssuerKeySet issuer;

    @BeforeEach
    void issuerPublishesOneKey() throws Exception {
        issuer = new IssuerKeySet();
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void keysFetchedAheadAnswerTheFirstTokensKeyIdWithoutAnotherDownload() throws Exception {
        RemoteTokenKeys keys = new RemoteTokenKeys(PlatformJwtDecoders.remoteKeys(issuer.url(), new RestTemplate()),
                Duration.ofMillis(50), 0);

        assertThat(keys.fetch()).isTrue();
        assertThat(issuer.downloads).hasValue(1);
        assertThat(keys.get(new JWKSelector(new JWKMatcher.Builder().keyIDs(Set.of("k1")).build()), null))
                .hasSize(1);
        assertThat(issuer.downloads).as("the first token's key came from the set fetched ahead").hasValue(1);
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
        RemoteTokenKeys keys = new RemoteTokenKeys(PlatformJwtDecoders.remoteKeys(issuer.url(), http),
                Duration.ofMillis(50), 10);

        keys.onApplicationEvent(null);

        assertThat(issuer.downloads).as("not at the start").hasValue(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (issuer.downloads.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(issuer.downloads).as("fetched once the issuer answered").hasValue(1);
        assertThat(refusals).as("and not asked again after that").hasValue(4);
        keys.destroy();
    }

    /** The whole application: started means the keys are there, before anything asked for them. */
    @Test
    void anApplicationHasItsTokenKeysOnceStarted() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(JwtOnly.class)
                .web(WebApplicationType.NONE)
                .run("--platform.security.jwk-set-uri=" + issuer.url(),
                        "--platform.security.jwk-set-load-balanced=false", "--spring.main.banner-mode=off")) {
            assertThat(application.getBean(JwtDecoder.class)).isNotNull();
            assertThat(issuer.downloads).hasValue(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({RestTemplateAutoConfiguration.class, PlatformJwtAutoConfiguration.class})
    static class JwtOnly {
    }
}
