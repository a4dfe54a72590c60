package dev.msakit.gateway.control;

import dev.msakit.gateway.canary.ReleaseRouting;
import dev.msakit.gateway.migration.MigrationCounters;
import dev.msakit.gateway.migration.ShadowStatsTable;
import dev.msakit.gateway.migration.SwitchTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;

/** This gateway's side of the control plane: the routing table it follows and what it reports back. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlPlaneProperties.class)
public class ControlPlaneConfig {

    @Bean
    public ReleaseControlClient releaseControlClient(RestTemplateBuilder builder, LoadBalancerClient loadBalancer,
                                                     ControlPlaneProperties properties) {
        // Through Ribbon (release-control and member-service found in Eureka); reads outlast the long poll's wait.
        RestTemplate loadBalanced = builder.setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(properties.getLongPollWait().plusSeconds(10))
                .additionalInterceptors(new LoadBalancerInterceptor(loadBalancer)).build();
        return new ReleaseControlClient(loadBalanced, new ServiceTokens(loadBalanced, properties), properties);
    }

    @Bean
    public RoutingTablePoller routingTablePoller(ReleaseControlClient client, SwitchTable table,
                                                 ReleaseRouting releases, ControlPlaneProperties properties) {
        return new RoutingTablePoller(client, table, releases, properties);
    }

    @Bean
    public GatewayReporter gatewayReporter(ReleaseControlClient client, SwitchTable table,
                                           MigrationCounters counters, ShadowStatsTable shadowStats,
                                           @Value("${eureka.instance.instance-id}") String instanceId) {
        return new GatewayReporter(client, table, counters, shadowStats, instanceId);
    }

    @Bean
    public AppliedChangeFilter appliedChangeFilter(SwitchTable table) {
        return new AppliedChangeFilter(table, Duration.ofSeconds(2));
    }

    @Bean
    public RoutingTableHealth routingTableHealthIndicator(SwitchTable table, RoutingTablePoller poller) {
        return new RoutingTableHealth(table, poller);
    }
}
