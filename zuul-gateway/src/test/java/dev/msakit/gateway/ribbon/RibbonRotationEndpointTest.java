package dev.msakit.gateway.ribbon;

import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.LeaseInfo;
import com.netflix.loadbalancer.BaseLoadBalancer;
import com.netflix.loadbalancer.Server;
import com.netflix.niws.loadbalancer.DiscoveryEnabledServer;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RibbonRotationEndpointTest {

    @Test
    @SuppressWarnings("unchecked")
    void tellsARestartedInstanceFromItsPredecessorOnTheSamePort() {
        InstanceInfo registered = InstanceInfo.Builder.newBuilder().setAppName("ORDER-SERVICE")
                .setInstanceId("order-service:localhost:8083").setHostName("localhost").setPort(8083)
                .setLeaseInfo(LeaseInfo.Builder.newBuilder().setRegistrationTimestamp(1_795_688_000_000L).build())
                .build();
        BaseLoadBalancer balancer = new BaseLoadBalancer();
        balancer.addServers(List.of(new DiscoveryEnabledServer(registered, false), new Server("localhost", 9999)));
        SpringClientFactory clients = mock(SpringClientFactory.class);
        when(clients.getLoadBalancer("order-service")).thenReturn(balancer);

        List<Map<String, Object>> instances = (List<Map<String, Object>>) new RibbonRotationEndpoint(clients)
                .rotation("order-service").get("instances");

        assertThat(instances).hasSize(2);
        assertThat(instances.get(0)).containsEntry("hostPort", "localhost:8083")
                .containsEntry("registeredAt", 1_795_688_000_000L).containsEntry("inRotation", true);
        // A server from a static list has no registration to tell.
        assertThat(instances.get(1)).containsEntry("hostPort", "localhost:9999").doesNotContainKey("registeredAt");
    }
}
