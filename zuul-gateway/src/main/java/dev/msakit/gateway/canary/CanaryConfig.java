package dev.msakit.gateway.canary;

import dev.msakit.gateway.migration.MigrationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.netflix.ribbon.RibbonClients;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Canary releases judged and weighted by the gateway (see {@link CanaryRelease}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CanaryProperties.class)
@RibbonClients(defaultConfiguration = CanaryRibbonClientConfiguration.class)
public class CanaryConfig {

    /** With the actuator account every process of the suite shares (as Spring Boot Admin reads them). */
    @Bean
    public InstanceMetrics canaryInstanceMetrics(RestTemplateBuilder builder,
                                                 @Value("${platform.actuator.user}") String user,
                                                 @Value("${platform.actuator.password}") String password) {
        return new InstanceMetrics(builder, user, password);
    }

    @Bean
    public CanaryReleases canaryReleases(SpringClientFactory balancers, CanaryProperties properties,
                                         InstanceMetrics canaryInstanceMetrics) {
        return new CanaryReleases(balancers, properties, Clock.systemUTC(), canaryInstanceMetrics);
    }

    /** What the weighted routing costs the gateway per request (both filters). */
    @Bean
    public Timer canaryRoutingOverhead(MeterRegistry meters) {
        return Timer.builder("gateway.canary.overhead")
                .description("Time the canary filters add to a request of a service under release")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Bean
    public CanaryRoutingFilter canaryRoutingFilter(CanaryReleases releases, MigrationProperties migration,
                                                   Timer canaryRoutingOverhead) {
        return new CanaryRoutingFilter(releases, migration.getCookie(), canaryRoutingOverhead);
    }

    @Bean
    public CanaryOutcomeFilter canaryOutcomeFilter(Timer canaryRoutingOverhead) {
        return new CanaryOutcomeFilter(canaryRoutingOverhead);
    }

    @Bean
    public CanaryEndpoint canaryEndpoint(CanaryReleases releases) {
        return new CanaryEndpoint(releases);
    }
}
