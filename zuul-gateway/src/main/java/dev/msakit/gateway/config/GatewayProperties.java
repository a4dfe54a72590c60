package dev.msakit.gateway.config;

import dev.msakit.contracts.PublicApi;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

@ConfigurationProperties("gateway")
@ConstructorBinding
public class GatewayProperties {

    /**
     * Requests allowed without a token, "METHOD /pattern" as the client sends them. Unset (the default): every
     * service's anonymous entries of the shared contract under the route prefix, {@code PublicApi.atGateway}.
     */
    private final List<String> publicPaths;
    /** Where the routes start (zuul.prefix). */
    private final String routePrefix;

    public GatewayProperties(List<String> publicPaths, @DefaultValue("/api") String routePrefix) {
        this.publicPaths = publicPaths == null || publicPaths.isEmpty() ? PublicApi.atGateway(routePrefix)
                : List.copyOf(publicPaths);
        this.routePrefix = routePrefix;
    }

    public String getRoutePrefix() {
        return routePrefix;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }
}
