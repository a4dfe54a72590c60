package dev.msakit.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.gateway.fallback.ServiceUnavailableFallback;
import dev.msakit.contracts.PublicApi;
import dev.msakit.gateway.filter.JwtAuthenticationFilter;
import dev.msakit.gateway.filter.PublicOnlyMethodFilter;
import dev.msakit.gateway.filter.ZuulProblemResponse;
import dev.msakit.gateway.retry.DifferentInstanceRetryFactory;
import dev.msakit.gateway.ribbon.RibbonRotationEndpoint;
import dev.msakit.platform.security.PublicPaths;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;


@Configuration(proxyBeanMethods = false)
public class GatewayConfig {

    @Bean
    public ZuulProblemResponse zuulProblemResponse(ObjectMapper objectMapper) {
        return new ZuulProblemResponse(objectMapper);
    }

    @Bean
    public JwtAuthenticationFilter jwtAuthenticationFilter(JwtDecoder jwtDecoder, GatewayProperties properties,
                                                           ZuulProblemResponse problems) {
        return new JwtAuthenticationFilter(jwtDecoder, PublicPaths.parse(properties.getPublicPaths()), problems);
    }

    /** Before Zuul (and its rate limits), after CORS. */
    @Bean
    public FilterRegistrationBean<PublicOnlyMethodFilter> publicOnlyMethodFilter(GatewayProperties properties,
                                                                                  ObjectMapper objectMapper) {
        FilterRegistrationBean<PublicOnlyMethodFilter> registration = new FilterRegistrationBean<>(
                new PublicOnlyMethodFilter(PublicPaths.parse(PublicApi.anonymousOnlyAtGateway(
                        properties.getRoutePrefix())), objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    public RibbonRotationEndpoint ribbonRotationEndpoint(SpringClientFactory clientFactory) {
        return new RibbonRotationEndpoint(clientFactory);
    }

    @Bean
    public LoadBalancedRetryFactory differentInstanceRetryFactory(SpringClientFactory clientFactory) {
        return new DifferentInstanceRetryFactory(clientFactory);
    }

    /** Every routed service's 503 problem (see {@link ServiceUnavailableFallback}). */
    @Bean
    public FallbackProvider serviceUnavailableFallback(ObjectMapper objectMapper) {
        return new ServiceUnavailableFallback(objectMapper);
    }
}
