package dev.msakit.product;

import dev.msakit.platform.testing.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Verifies tokens minted by {@link TestTokens} instead of fetching member-service's keys. */
@TestConfiguration
public class TestSecurityConfig {

    public static final TestTokens TOKENS = new TestTokens();

    @Bean
    public JwtDecoder jwtDecoder() {
        return TOKENS.decoder();
    }
}
