package dev.msakit.gateway.canary;

import com.netflix.loadbalancer.AbstractLoadBalancer;
import com.netflix.loadbalancer.ILoadBalancer;
import com.netflix.loadbalancer.Server;
import com.netflix.loadbalancer.ZoneAvoidanceRule;
import com.netflix.niws.loadbalancer.DiscoveryEnabledServer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ribbon's rule in the gateway: Ribbon's default (zone avoidance, round robin over available instances) while a
 * service has no release; during one, the caller's role picks the instance: the canary or the baseline by Eureka
 * instance id, everyone else one of the other instances, never the release's own. The shares come with
 * release-control's routing table (within milliseconds of a change), not through the registry, whose changes take
 * many seconds to reach every cache.
 *
 * <p>Within a request the same instance is chosen again until an attempt at it fails (Spring Cloud's retrying
 * client asks the balancer twice for the first attempt); after a failure the retry goes to a prod instance.
 */
public class CanaryAwareRule extends ZoneAvoidanceRule {

    private final String service;
    private final ReleaseRouting releases;

    /**
     * For Ribbon's ZoneAwareLoadBalancer, which clones its rule by class name for a balancer per zone; those are
     * asked only when instances span several zones, and then weigh nothing (plain zone avoidance).
     */
    public CanaryAwareRule() {
        this(null, null);
    }

    public CanaryAwareRule(String service, ReleaseRouting releases) {
        this.service = service;
        this.releases = releases;
    }

    @Override
    public Server choose(Object key) {
        Optional<RoutedRelease> underRelease = releases == null ? Optional.empty() : releases.routing(service);
        if (underRelease.isEmpty()) {
            return super.choose(key);
        }
        RoutedRelease release = underRelease.get();
        Optional<CanaryAttempt> attempt = CanaryAttempt.current().filter(a -> a.release == release);
        Role role = attempt.map(CanaryAttempt::roleToChoose).orElse(Role.PROD);
        if (attempt.isPresent() && attempt.get().chosen() != null) {
            role = attempt.get().chosen();
        }
        ILoadBalancer balancer = getLoadBalancer();
        List<Server> all = balancer.getAllServers();
        Server chosen = null;
        if (role != Role.PROD) {
            String instance = release.instanceOf(role);
            chosen = all.stream().filter(s -> instance.equals(s.getMetaInfo().getInstanceId()))
                    .filter(this::usable).findFirst().orElse(null);
        }
        if (chosen == null) {
            List<Server> prod = all.stream().filter(s -> release.servesProd(s.getMetaInfo().getInstanceId()))
                    .filter(s -> !labelledForAnotherRelease(s, release)).collect(Collectors.toList());
            chosen = getPredicate().chooseRoundRobinAfterFiltering(prod, key).orNull();
        }
        if (chosen != null) {
            Server picked = chosen;
            attempt.ifPresent(a -> a.chose(release.roleOf(picked.getMetaInfo().getInstanceId())));
        }
        return chosen;
    }

    /**
     * Registered with the role baseline or canary (INSTANCE_ROLE, a pod's label) but not this release's own: an
     * instance a release by labels has not taken yet (release-control finds it within a tick), or one left from an
     * earlier release. Ordinary traffic never reaches it while the service is under release.
     */
    static boolean labelledForAnotherRelease(Server server, RoutedRelease release) {
        if (!(server instanceof DiscoveryEnabledServer)
                || release.roleOf(server.getMetaInfo().getInstanceId()) != Role.PROD) {
            return false;
        }
        String role = ((DiscoveryEnabledServer) server).getInstanceInfo().getMetadata().get("role");
        return Role.BASELINE.label().equals(role) || Role.CANARY.label().equals(role);
    }

    /** Listed, up, and not tripped by Ribbon after successive connection failures. */
    boolean usable(Server server) {
        if (!server.isAlive()) {
            return false;
        }
        ILoadBalancer balancer = getLoadBalancer();
        return !(balancer instanceof AbstractLoadBalancer) || !((AbstractLoadBalancer) balancer)
                .getLoadBalancerStats().getSingleServerStat(server).isCircuitBreakerTripped();
    }
}
