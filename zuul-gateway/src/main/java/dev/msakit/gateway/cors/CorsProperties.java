package dev.msakit.gateway.cors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;
import java.util.List;

/**
 * gateway.cors.*: which browser origins may call the API. None by default (same-origin only); set
 * CORS_ALLOWED_ORIGINS to a comma-separated list of exact origins, e.g. https://shop.example.com.
 */
@ConfigurationProperties("gateway.cors")
@ConstructorBinding
public class CorsProperties {

    private final List<String> allowedOrigins;
    private final Duration maxAge;

    public CorsProperties(List<String> allowedOrigins, Duration maxAge) {
        // CORS_ALLOWED_ORIGINS unset binds as one empty entry: no origin at all.
        this.allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::trim)
                .filter(origin -> !origin.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableList());
        this.maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public Duration getMaxAge() {
        return maxAge;
    }
}
