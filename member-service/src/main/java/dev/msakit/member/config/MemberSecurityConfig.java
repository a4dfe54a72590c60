package dev.msakit.member.config;

import com.nimbusds.jose.JOSEException;
import dev.msakit.member.token.SigningKeys;
import dev.msakit.member.token.TokenProperties;
import dev.msakit.platform.security.PlatformJwtDecoders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
public class MemberSecurityConfig {

    /** The issuer verifies its own tokens with its own public key instead of fetching its JWK set over HTTP. */
    @Bean
    public JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties) throws JOSEException {
        return PlatformJwtDecoders.fromPublicKey(keys.current().toRSAPublicKey(), properties.getIssuer());
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
