package dev.msakit.gateway.canary;

import com.netflix.client.config.IClientConfig;
import com.netflix.loadbalancer.IRule;
import org.springframework.context.annotation.Bean;

/**
 * The rule of every Ribbon client in the gateway (its child context per service). Deliberately not a
 * {@code @Configuration}: component scanning must not put it into the main context, where it would apply to no client
 * and miss its IClientConfig.
 */
public class CanaryRibbonClientConfiguration {

    @Bean
    public IRule ribbonRule(IClientConfig config, ReleaseRouting releases) {
        CanaryAwareRule rule = new CanaryAwareRule(config.getClientName(), releases);
        rule.initWithNiwsConfig(config);
        return rule;
    }
}
