package dev.msakit.gateway.cors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;

/**
 * CORS for browser apps on other origins, at the gateway only (the services are never called from a browser). A
 * servlet filter ahead of Zuul: a preflight is answered here, before the token check and the rate limits, and a
 * disallowed origin's preflight is refused. Bearer tokens, not cookies: credentials are never allowed, so even a
 * "*" origin cannot be used to ride on a user's cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
public class CorsConfig {

    /** What a browser app sends besides the simple headers: the token and the API's own request headers. */
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key",
            "Prefer", "If-None-Match", "If-Match");
    /** What a browser app may read beyond the simple response headers. */
    static final List<String> RESPONSE_HEADERS = List.of("Location", "ETag", "Retry-After", "X-Trace-Id",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Idempotent-Replayed",
            "Preference-Applied", "WWW-Authenticate");

    @Bean
    public FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.getAllowedOrigins().isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(properties.getAllowedOrigins());
            api.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
            api.setAllowedHeaders(REQUEST_HEADERS);
            api.setExposedHeaders(RESPONSE_HEADERS);
            api.setAllowCredentials(false);
            api.setMaxAge(properties.getMaxAge());
            source.registerCorsConfiguration("/api/**", api);
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
