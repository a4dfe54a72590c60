package dev.msakit.gateway.docs;

import dev.msakit.gateway.config.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.netflix.zuul.filters.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class DocsConfig {

    /** The public services whose documents the portal shows (the legacy shop serves the same contract). */
    @Bean
    public ApiDocs apiDocs(@Value("${gateway.docs.services}") List<String> services, GatewayProperties properties,
                           LoadBalancerClient loadBalancer, RestTemplateBuilder http, RouteLocator routes) {
        return new ApiDocs(services, properties.getRoutePrefix(), loadBalancer,
                http.setConnectTimeout(Duration.ofSeconds(2)).setReadTimeout(Duration.ofSeconds(5)).build(),
                routes, Clock.systemUTC());
    }
}
