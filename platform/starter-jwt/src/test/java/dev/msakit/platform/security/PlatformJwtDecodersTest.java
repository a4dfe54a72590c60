package dev.msakit.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformJwtDecodersTest {

    @Test
    void anOversizedTokenIsRefusedBeforeItIsParsedOrAnyKeyIsFetched() {
        AtomicInteger fetches = new AtomicInteger();
        RestTemplate keys = new RestTemplate();
        keys.getInterceptors().add((request, body, execution) -> {
            fetches.incrementAndGet();
            return execution.execute(request, body);
        });
        JwtDecoder decoder = PlatformJwtDecoders.fromJwkSetUri("http://127.0.0.1:1/jwks.json", keys, "msa-kit",
                java.util.List.of("msa-kit-api"));
        // A header naming a key id, and a payload of 2,500 nested arrays: what reached json-smart's stack overflow.
        String nested = "[".repeat(2_500) + "]".repeat(2_500);
        String token = b64("{\"alg\":\"RS256\",\"kid\":\"unknown\"}") + "." + b64(nested) + ".c2ln";

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("longer than " + PlatformJwtDecoders.MAX_TOKEN_LENGTH);
        org.assertj.core.api.Assertions.assertThat(fetches).hasValue(0);
    }

    @Test
    void tokensWithMadeUpKeyIdsDownloadTheKeySetAtMostOncePerInterval() throws Exception {
        try (IssuerKeySet issuer = new IssuerKeySet()) {
            java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
            RestTemplate http = new RestTemplate();
            http.getInterceptors().add(new ThrottledKeyFetches(java.time.Duration.ofSeconds(5),
                    new java.time.Clock() {
                        @Override
                        public java.time.ZoneId getZone() {
                            return java.time.ZoneOffset.UTC;
                        }

                        @Override
                        public java.time.Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }

                        @Override
                        public java.time.Instant instant() {
                            return now[0];
                        }
                    }));
            JwtDecoder decoder = PlatformJwtDecoders.fromJwkSetUri(
                    issuer.url(), http, "msa-kit",
                    java.util.List.of("msa-kit-api"));

            for (int i = 0; i < 20; i++) {
                String token = b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"made-up-" + i + "\"}") + "."
                        + b64("{\"sub\":\"1\"}") + ".c2ln";
                assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(
                        org.springframework.security.oauth2.jwt.JwtException.class);
            }
            org.assertj.core.api.Assertions.assertThat(issuer.downloads).hasValue(1);

            now[0] = now[0].plusSeconds(6);
            assertThatThrownBy(() -> decoder.decode(b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"later\"}") + "."
                    + b64("{\"sub\":\"1\"}") + ".c2ln")).isInstanceOf(
                    org.springframework.security.oauth2.jwt.JwtException.class);
            org.assertj.core.api.Assertions.assertThat(issuer.downloads).hasValue(2);
        }
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
