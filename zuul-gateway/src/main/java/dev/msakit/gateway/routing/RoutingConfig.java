package dev.msakit.gateway.routing;

import dev.msakit.gateway.ribbon.LookupCachingClientConfig;
import dev.msakit.gateway.ribbon.RibbonClientConfigDefaults;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.netflix.ribbon.RibbonClients;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.cloud.netflix.zuul.filters.ZuulProperties;
import org.springframework.cloud.netflix.zuul.filters.route.FallbackProvider;
import org.springframework.cloud.netflix.zuul.filters.route.RibbonCommandFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.stream.Collectors;

/**
 * How routed requests reach a service: Ribbon clients whose settings are found once
 * ({@link LookupCachingClientConfig}, in each service's Ribbon context) and commands built from per-service parts
 * found once ({@link ServiceRibbonCommandFactory}).
 */
@Configuration(proxyBeanMethods = false)
@RibbonClients(defaultConfiguration = RibbonClientConfigDefaults.class)
public class RoutingConfig {

    @Bean
    public RibbonCommandFactory<?> serviceRibbonCommandFactory(SpringClientFactory clientFactory,
                                                               ZuulProperties zuulProperties,
                                                               ObjectProvider<FallbackProvider> fallbackProviders) {
        return new ServiceRibbonCommandFactory(clientFactory, zuulProperties,
                fallbackProviders.orderedStream().collect(Collectors.toSet()));
    }
}
