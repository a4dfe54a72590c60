package dev.msakit.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.util.List;

@ConfigurationProperties("gateway")
@ConstructorBinding
public class GatewayProperties {

    /** Requests allowed without a token, "METHOD /pattern" as the client sends them. */
    private final List<String> publicPaths;

    public GatewayProperties(List<String> publicPaths) {
        this.publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }
}
