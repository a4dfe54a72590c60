package dev.msakit.release.reconcile;

import dev.msakit.platform.client.RenewingServiceToken;
import dev.msakit.release.switches.FeatureSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;

import java.time.Clock;
import java.time.Duration;

/** Reconciliation of the migration's two sides, and the flip gate built on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
public class ReconciliationConfig {

    @Bean
    public SyncSides syncSides(RestTemplateBuilder builder, LoadBalancerClient loadBalancer,
                               ReconciliationProperties properties) {
        // Through Ribbon (the sides and member-service found in Eureka); a bucket of rows is small.
        RestTemplate loadBalanced = builder.setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(Duration.ofSeconds(30))
                .additionalInterceptors(new LoadBalancerInterceptor(loadBalancer)).build();
        return new SyncSides(loadBalanced, RenewingServiceToken.loggingInThrough(loadBalanced,
                properties.getClientId(), properties.getClientSecret()));
    }

    @Bean
    public Reconciler reconciler(FeatureSwitches switches, SyncSides sides, ReconciliationStore store,
                                 ReconciliationProperties properties, MeterRegistry meters) {
        return new Reconciler(switches, sides, store, properties, meters, Clock.systemUTC());
    }

    @Bean
    public FlipGate flipGate(Reconciler reconciler, ReconciliationStore store, ReconciliationProperties properties) {
        return new FlipGate(reconciler, store, properties);
    }

    @Bean
    public ReconciliationSchedule reconciliationSchedule(Reconciler reconciler, ReconciliationProperties properties) {
        return new ReconciliationSchedule(reconciler, properties);
    }
}
