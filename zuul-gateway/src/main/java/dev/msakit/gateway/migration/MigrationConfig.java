package dev.msakit.gateway.migration;

import brave.Tracer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.gateway.control.ReleaseControlClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;


/** The per-feature switches between the legacy shop and the new services (see {@link MigrationRoutingFilter}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MigrationProperties.class)
public class MigrationConfig {

    /** Filled by the control plane's poller (RoutingTablePoller); the gateway is ready once it has a table. */
    @Bean
    public SwitchTable switchTable() {
        return new SwitchTable();
    }

    @Bean
    public MigrationCounters migrationCounters(MeterRegistry meters) {
        return new MigrationCounters(meters);
    }

    @Bean
    public MigrationRoutingFilter migrationRoutingFilter(SwitchTable table, MigrationCounters counters,
                                                         MigrationProperties properties) {
        return new MigrationRoutingFilter(table, counters, properties);
    }

    @Bean(destroyMethod = "close")
    public ShadowReplayer shadowReplayer(RestTemplateBuilder builder, LoadBalancerClient loadBalancer,
                                         ObjectMapper json, SwitchTable table,
                                         ReleaseControlClient releaseControl, MigrationCounters counters,
                                         ShadowStatsTable stats, MigrationProperties properties) {
        // Through Ribbon, like the routes, but not through Zuul: a replay is never seen by the client or counted
        // as one of its requests.
        return new ShadowReplayer(builder.setConnectTimeout(properties.getShadowTimeout())
                .setReadTimeout(properties.getShadowTimeout())
                .additionalInterceptors(new LoadBalancerInterceptor(loadBalancer)).build(), json, table,
                releaseControl, counters, stats, properties);
    }

    @Bean
    public ShadowStatsTable shadowStatsTable() {
        return new ShadowStatsTable();
    }

    @Bean
    public ShadowFilter shadowFilter(ShadowReplayer replayer, MigrationCounters counters,
                                     MigrationProperties properties, ObjectProvider<Tracer> tracer) {
        return new ShadowFilter(replayer, counters, properties, tracer.getIfAvailable());
    }
}
