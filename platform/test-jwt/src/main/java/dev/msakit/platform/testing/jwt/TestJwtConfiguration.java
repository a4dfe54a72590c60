package dev.msakit.platform.testing.jwt;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** For a service's tests: verify tokens minted by {@link #TOKENS} instead of fetching member-service's keys. */
@TestConfiguration
public class TestJwtConfiguration {

    public static final TestTokens TOKENS = new TestTokens();

    @Bean
    public JwtDecoder jwtDecoder() {
        return TOKENS.decoder();
    }
}
