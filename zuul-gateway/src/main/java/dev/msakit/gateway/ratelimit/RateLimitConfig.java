package dev.msakit.gateway.ratelimit;

import dev.msakit.gateway.filter.ZuulProblemResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limits (gateway.rate-limit in application.yml); RATE_LIMIT_ENABLED=false turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(prefix = "gateway.rate-limit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfig {

    @Bean
    public RateLimitFilter rateLimitFilter(RateLimitProperties properties, ZuulProblemResponse problems,
                                           MeterRegistry meters,
                                           @Value("${gateway.trusted-proxy-hops:1}") int trustedProxyHops) {
        return new RateLimitFilter(properties, new Callers(properties.isBehindProxy(), trustedProxyHops), problems,
                meters, System::nanoTime);
    }
}
