package dev.msakit.member.config;

import dev.msakit.member.token.SigningKeys;
import dev.msakit.member.token.TokenProperties;
import dev.msakit.platform.security.PlatformJwtDecoders;
import dev.msakit.platform.security.PlatformSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;

/** Passwords, and tokens verified with the issuer's own keys; the signing keys' rotation runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MemberSecurityConfig {

    /** The issuer verifies its own tokens with the keys it publishes instead of fetching its JWK set over HTTP. */
    @Bean
    public JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties, PlatformSecurityProperties security,
                                 Clock clock) {
        return security.remembering(PlatformJwtDecoders.fromKeySource(keys.verificationKeys(),
                properties.getIssuer(), security.getAudiences()), clock);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
