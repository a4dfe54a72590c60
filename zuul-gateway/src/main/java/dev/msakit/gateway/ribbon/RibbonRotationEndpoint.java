package dev.msakit.gateway.ribbon;

import com.netflix.appinfo.LeaseInfo;
import com.netflix.niws.loadbalancer.DiscoveryEnabledServer;
import com.netflix.loadbalancer.AbstractLoadBalancer;
import com.netflix.loadbalancer.ILoadBalancer;
import com.netflix.loadbalancer.Server;
import com.netflix.loadbalancer.ServerStats;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.cloud.netflix.ribbon.SpringClientFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/ribbon/{service}}: the instances the gateway's load balancer knows for a service and whether
 * each is in rotation. What Eureka lists and where requests actually go differ for a while after an instance
 * dies: Ribbon stops choosing it after a few failed connections (its circuit is "tripped"), long before the
 * registry evicts it. This is the view to check at 3 a.m.
 * <p>
 * {@code registeredAt} (epoch ms, instances from Eureka) is when the registry accepted the registration the gateway
 * knows: an instance restarted on the same host and port is told from its predecessor by it, which may still be
 * listed (and then evicted) while the new one starts.
 */
@Endpoint(id = "ribbon")
public class RibbonRotationEndpoint {

    private final SpringClientFactory clients;

    public RibbonRotationEndpoint(SpringClientFactory clients) {
        this.clients = clients;
    }

    @ReadOperation
    public Map<String, Object> rotation(@Selector String service) {
        ILoadBalancer balancer = clients.getLoadBalancer(service);
        List<Map<String, Object>> instances = new ArrayList<>();
        if (balancer != null) {
            for (Server server : balancer.getAllServers()) {
                Map<String, Object> instance = new LinkedHashMap<>();
                instance.put("hostPort", server.getHostPort());
                if (server instanceof DiscoveryEnabledServer) {
                    LeaseInfo lease = ((DiscoveryEnabledServer) server).getInstanceInfo().getLeaseInfo();
                    if (lease != null) {
                        instance.put("registeredAt", lease.getRegistrationTimestamp());
                    }
                }
                boolean tripped = false;
                if (balancer instanceof AbstractLoadBalancer) {
                    ServerStats stats = ((AbstractLoadBalancer) balancer).getLoadBalancerStats()
                            .getSingleServerStat(server);
                    tripped = stats.isCircuitBreakerTripped();
                    instance.put("activeRequests", stats.getActiveRequestsCount());
                    instance.put("successiveConnectionFailures", stats.getSuccessiveConnectionFailureCount());
                }
                instance.put("circuitTripped", tripped);
                instance.put("inRotation", server.isAlive() && !tripped);
                instances.add(instance);
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", service);
        view.put("instances", instances);
        return view;
    }
}
