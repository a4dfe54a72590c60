package dev.msakit.platform.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RemoteJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.msakit.contracts.TokenClaims;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * JWT decoders for the suite's access tokens (see {@link TokenClaims}): an RS256 signature by a key of the issuer,
 * header type {@code at+jwt}, our issuer, one of the accepted audiences, unexpired. Pinning the algorithm is what
 * rejects {@code alg: none} and HMAC tokens signed with the public key as secret; the type keeps an ID token or any
 * other JWT signed by the same key from passing as an access token (RFC 9068 §4); the audience keeps a service's
 * token out of the public API.
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
    public static JwtDecoder fromJwkSetUri(String jwkSetUri, RestOperations restOperations, String issuer,
                                           Collection<String> audiences) {
        return fromKeySource(remoteKeys(jwkSetUri, restOperations), issuer, audiences);
    }

    /** The key set at a URL, downloaded with the given RestOperations and cached by Nimbus. */
    public static RemoteJWKSet<SecurityContext> remoteKeys(String jwkSetUri, RestOperations restOperations) {
        URL url;
        try {
            url = new URL(jwkSetUri);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a JWK set URL: " + jwkSetUri, e);
        }
        return new RemoteJWKSet<>(url, new RestOperationsRetriever(restOperations));
    }

    /** Verifies against the keys of a source the caller holds (the issuer itself: current and previous keys). */
    public static JwtDecoder fromKeySource(JWKSource<SecurityContext> keys, String issuer,
                                           Collection<String> audiences) {
        return build(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), issuer, audiences);
    }

    /** Verifies against one public key, whatever key id a token names (tests). */
    public static JwtDecoder fromPublicKey(RSAPublicKey publicKey, String issuer, Collection<String> audiences) {
        JWSKeySelector<SecurityContext> onlyKey = (header, context) ->
                JWSAlgorithm.RS256.equals(header.getAlgorithm()) ? List.<Key>of(publicKey) : List.of();
        return build(onlyKey, issuer, audiences);
    }

    private static JwtDecoder build(JWSKeySelector<SecurityContext> keySelector, String issuer,
                                    Collection<String> audiences) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keySelector);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TokenClaims.TYPE)));
        // Claims are checked by Spring's validators below, with answers a client can read.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(issuer), audienceValidator(audiences)));
        return lengthCapped(decoder);
    }

    static OAuth2TokenValidator<Jwt> audienceValidator(Collection<String> accepted) {
        Set<String> acceptedAudiences = Set.copyOf(accepted);
        if (acceptedAudiences.isEmpty()) {
            throw new IllegalArgumentException("At least one accepted token audience is needed");
        }
        return token -> {
            List<String> audiences = token.getAudience();
            if (audiences != null && audiences.stream().anyMatch(acceptedAudiences::contains)) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token is not meant for this API (audience " + audiences + ")", null));
        };
    }

    private static JwtDecoder lengthCapped(JwtDecoder decoder) {
        return token -> {
            if (token != null && token.length() > MAX_TOKEN_LENGTH) {
                throw new BadJwtException("The token is longer than " + MAX_TOKEN_LENGTH + " characters");
            }
            return decoder.decode(token);
        };
    }

    /** Downloads the key set with the given RestOperations (timeouts, throttling and Ribbon configured there). */
    private static final class RestOperationsRetriever implements ResourceRetriever {

        private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

        private final RestOperations restOperations;

        RestOperationsRetriever(RestOperations restOperations) {
            this.restOperations = restOperations;
        }

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(JWK_SET, MediaType.APPLICATION_JSON));
            try {
                ResponseEntity<String> response = restOperations.exchange(url.toString(), HttpMethod.GET,
                        new HttpEntity<>(headers), String.class);
                if (!response.getStatusCode().is2xxSuccessful() || response.getBody() == null) {
                    throw new IOException("The JWK set answered " + response.getStatusCodeValue());
                }
                MediaType type = response.getHeaders().getContentType();
                return new Resource(response.getBody(), type == null ? null : type.toString());
            } catch (RestClientException e) {
                throw new IOException("Cannot download the JWK set from " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
