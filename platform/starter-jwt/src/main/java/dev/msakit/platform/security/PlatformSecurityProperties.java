package dev.msakit.platform.security;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of JWT verification, shared by the gateway and every service ({@code platform.security.*}). */
@ConfigurationProperties("platform.security")
public class PlatformSecurityProperties {

    /**
     * Requests that need no token, each "METHOD /ant/pattern" or "/ant/pattern" for every method. Empty (the
     * default): the service's entries in the shared contract, {@code PublicApi.atService(spring.application.name)}.
     */
    private List<String> publicPaths = new ArrayList<>();

    /** Where the issuer publishes its keys. A service id as host is resolved through Eureka and Ribbon. */
    private String jwkSetUri = "http://" + ServiceIds.MEMBER + "/.well-known/jwks.json";

    /** Whether the JWK set URI's host is a service id to balance over (false for a plain URL). */
    private boolean jwkSetLoadBalanced = true;

    /**
     * The JWK set is downloaded at most once per this interval (a token with an unknown key id asks for a download);
     * a key newly published by the issuer is used at most this much later.
     */
    private Duration jwkSetMinRefetchInterval = Duration.ofSeconds(5);

    /** Expected "iss" claim; tokens from any other issuer are rejected. */
    private String issuer = TokenClaims.ISSUER;

    /** Audiences accepted: a token must name at least one (the gateway accepts the public API's only). */
    private List<String> audiences = new ArrayList<>(List.of(TokenClaims.AUDIENCE_API, TokenClaims.AUDIENCE_SERVICES));

    /**
     * How many verified tokens to remember (token to claims, until the token expires): a repeated token then costs a
     * lookup instead of a signature check. 0 switches the cache off.
     */
    private int verifiedTokenCacheSize = 2048;

    /**
     * The longest a verified token is remembered: a key the issuer withdraws stops verifying remembered tokens
     * within this time.
     */
    private Duration verifiedTokenCacheMaxAge = Duration.ofSeconds(60);

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public boolean isJwkSetLoadBalanced() {
        return jwkSetLoadBalanced;
    }

    public void setJwkSetLoadBalanced(boolean jwkSetLoadBalanced) {
        this.jwkSetLoadBalanced = jwkSetLoadBalanced;
    }

    public Duration getJwkSetMinRefetchInterval() {
        return jwkSetMinRefetchInterval;
    }

    public void setJwkSetMinRefetchInterval(Duration jwkSetMinRefetchInterval) {
        this.jwkSetMinRefetchInterval = jwkSetMinRefetchInterval;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public int getVerifiedTokenCacheSize() {
        return verifiedTokenCacheSize;
    }

    public void setVerifiedTokenCacheSize(int verifiedTokenCacheSize) {
        this.verifiedTokenCacheSize = verifiedTokenCacheSize;
    }

    public Duration getVerifiedTokenCacheMaxAge() {
        return verifiedTokenCacheMaxAge;
    }

    public void setVerifiedTokenCacheMaxAge(Duration verifiedTokenCacheMaxAge) {
        this.verifiedTokenCacheMaxAge = verifiedTokenCacheMaxAge;
    }

    /**
     * Wraps a decoder in the verified-token cache these settings describe (or returns it as is when off); entries
     * age and tokens expire by the given clock.
     */
    public JwtDecoder remembering(JwtDecoder verifier, Clock clock) {
        return VerifiedTokenCache.around(verifier, verifiedTokenCacheSize, verifiedTokenCacheMaxAge, clock);
    }
}
