package dev.msakit.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

/**
 * JWT decoders that accept only RS256 signatures from our issuer, unexpired. Pinning the algorithm is what rejects
 * {@code alg: none} and HMAC tokens signed with the public key as secret.
 */
public final class PlatformJwtDecoders {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /**
     * Longer bearer tokens are refused before anything parses them: the suite's tokens are under 1 KB, and a parser
     * fed megabytes of nested JSON is an attack surface (json-smart's CVE-2023-1370 was reached that way).
     */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private PlatformJwtDecoders() {
    }

    /**
     * Verifies against a remote JWK set. Nimbus caches the set and fetches it again when a token names a key id it
     * has not seen, so a key rotation at the issuer needs no restart here.
     */
    public static JwtDecoder fromJwkSetUri(String jwkSetUri, RestOperations restOperations, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(restOperations)
                .build();
        decoder.setJwtValidator(validator(issuer));
        return lengthCapped(decoder);
    }

    public static JwtDecoder fromPublicKey(RSAPublicKey publicKey, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuer));
        return lengthCapped(decoder);
    }

    private static JwtDecoder lengthCapped(JwtDecoder decoder) {
        return token -> {
            if (token != null && token.length() > MAX_TOKEN_LENGTH) {
                throw new BadJwtException("The token is longer than " + MAX_TOKEN_LENGTH + " characters");
            }
            return decoder.decode(token);
        };
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(issuer));
    }
}
