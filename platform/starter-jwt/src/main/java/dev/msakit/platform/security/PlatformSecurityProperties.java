package dev.msakit.platform.security;

import dev.msakit.contracts.ServiceIds;
import dev.msakit.contracts.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
}
