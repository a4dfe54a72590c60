package dev.msakit.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** Settings of JWT verification, shared by the gateway and every service ({@code platform.security.*}). */
@ConfigurationProperties("platform.security")
public class PlatformSecurityProperties {

    /** Requests that need no token, each "METHOD /ant/pattern" or "/ant/pattern" for every method. */
    private List<String> publicPaths = new ArrayList<>();

    /** Where the issuer publishes its keys. A service id as host is resolved through Eureka and Ribbon. */
    private String jwkSetUri = "http://member-service/.well-known/jwks.json";

    /** Whether the JWK set URI's host is a service id to balance over (false for a plain URL). */
    private boolean jwkSetLoadBalanced = true;

    /** Expected "iss" claim; tokens from any other issuer are rejected. */
    private String issuer = "msa-kit";

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

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }
}
