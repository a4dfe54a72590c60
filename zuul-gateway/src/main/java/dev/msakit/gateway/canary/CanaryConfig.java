package dev.msakit.gateway.canary;

import dev.msakit.gateway.control.ReleaseControlClient;
import dev.msakit.gateway.migration.MigrationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.netflix.ribbon.RibbonClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Canary releases as this gateway routes and measures them: weights from release-control's routing table, every
 * request of a service under release given a role and its outcome reported back (release-control judges).
 */
@Configuration(proxyBeanMethods = false)
@RibbonClients(defaultConfiguration = CanaryRibbonClientConfiguration.class)
public class CanaryConfig {

    @Bean
    public ReleaseRouting releaseRouting() {
        return new ReleaseRouting();
    }

    /** What the weighted routing costs the gateway per request (both filters). */
    @Bean
    public Timer canaryRoutingOverhead(MeterRegistry meters) {
        return Timer.builder("gateway.canary.overhead")
                .description("Time the canary filters add to a request of a service under release")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Bean
    public CanaryRoutingFilter canaryRoutingFilter(ReleaseRouting releases, MigrationProperties migration,
                                                   Timer canaryRoutingOverhead) {
        return new CanaryRoutingFilter(releases, migration.getCookie(), canaryRoutingOverhead);
    }

    @Bean
    public CanaryOutcomeFilter canaryOutcomeFilter(Timer canaryRoutingOverhead) {
        return new CanaryOutcomeFilter(canaryRoutingOverhead);
    }

    @Bean
    public CanaryEndpoint canaryEndpoint(ReleaseRouting releases) {
        return new CanaryEndpoint(releases);
    }

    @Bean
    public ReleaseReporter releaseReporter(ReleaseRouting releases, ReleaseControlClient releaseControl,
                                           @Value("${eureka.instance.instance-id}") String instanceId) {
        return new ReleaseReporter(releases, releaseControl, instanceId);
    }
}
