package dev.msakit.gateway.canary;

import com.netflix.appinfo.InstanceInfo;
import com.netflix.loadbalancer.BaseLoadBalancer;
import com.netflix.loadbalancer.Server;
import com.netflix.niws.loadbalancer.DiscoveryEnabledServer;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.contracts.release.ReleaseRoute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule against a real Ribbon balancer with plain servers (instance id = host:port). */
class CanaryAwareRuleTest {

    private static final String PROD_1 = "localhost:8082";
    private static final String PROD_2 = "localhost:8182";
    private static final String BASELINE = "localhost:8582";
    private static final String CANARY = "localhost:8682";

    private final ReleaseRouting releases = new ReleaseRouting();
    private final CanaryAwareRule rule = new CanaryAwareRule("product-service", releases);
    private RoutedRelease release;

    /** A routing table from release-control with the release in this state. */
    private void table(ReleaseRoute.Status status, int share) {
        releases.apply(List.of(new ReleaseRoute(7, "product-service", BASELINE, CANARY, status, share)));
        release = releases.routing("product-service").orElseThrow();
    }

    @BeforeEach
    void balancerWithFourInstances() {
        BaseLoadBalancer balancer = new BaseLoadBalancer();
        balancer.setRule(rule);
        balancer.addServers(List.of(new Server(PROD_1), new Server(PROD_2), new Server(BASELINE),
                new Server(CANARY)));
        balancer.getAllServers().forEach(s -> s.setAlive(true));
        table(ReleaseRoute.Status.WAITING, 0);
        RequestContext.testSetCurrentContext(new RequestContext());
        RequestContext.getCurrentContext().setRequest(new MockHttpServletRequest());
        RequestContext.getCurrentContext().setResponse(new MockHttpServletResponse());
    }

    @AfterEach
    void clear() {
        RequestContext.testSetCurrentContext(null);
    }

    /** The instances chosen for 20 requests, each its own caller with its role (or, without, as the rule sees it). */
    private Set<String> chosenForTwentyCallers(boolean withRoles) {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            if (withRoles) {
                CanaryAttempt.begin(RequestContext.getCurrentContext(), release, release.roleFor("m" + i));
            }
            chosen.add(choose());
        }
        return chosen;
    }

    private String choose() {
        return rule.choose("default").getId();
    }

    @Test
    void beforeTheReleaseRunsNothingReachesItsInstances() {
        Set<String> chosen = chosenForTwentyCallers(true);
        assertThat(chosen).containsExactlyInAnyOrder(PROD_1, PROD_2);
    }

    @Test
    void theCallersRolePicksTheInstanceAndRepeatsItUntilAnAttemptFails() {
        table(ReleaseRoute.Status.RUNNING, 50);
        CanaryAttempt attempt = CanaryAttempt.begin(RequestContext.getCurrentContext(), release, Role.CANARY);
        assertThat(choose()).isEqualTo(CANARY);
        assertThat(choose()).isEqualTo(CANARY); // Spring Cloud's retrying client asks twice for one attempt
        CanaryAttempt.markLastAttemptFailed();
        assertThat(choose()).isIn(PROD_1, PROD_2);
        assertThat(attempt.failed()).containsExactly(Role.CANARY);
        assertThat(attempt.chosen()).isEqualTo(Role.PROD);
    }

    @Test
    void baselineCallersGetTheBaseline() {
        table(ReleaseRoute.Status.RUNNING, 50);
        CanaryAttempt.begin(RequestContext.getCurrentContext(), release, Role.BASELINE);
        assertThat(choose()).isEqualTo(BASELINE);
    }

    @Test
    void afterARollbackTheReleasesInstancesGetNothing() {
        table(ReleaseRoute.Status.RUNNING, 50);
        table(ReleaseRoute.Status.ROLLED_BACK, 0);
        Set<String> chosen = chosenForTwentyCallers(true);
        assertThat(chosen).containsExactlyInAnyOrder(PROD_1, PROD_2);
    }

    @Test
    void withoutARequestContextItStillAvoidsTheReleasesInstances() {
        RequestContext.testSetCurrentContext(new RequestContext());
        Set<String> chosen = chosenForTwentyCallers(false);
        assertThat(chosen).containsExactlyInAnyOrder(PROD_1, PROD_2);
    }

    @Test
    void aServiceWithoutReleaseIsBalancedAsUsual() {
        releases.apply(List.of());
        Set<String> chosen = chosenForTwentyCallers(false);
        assertThat(chosen).containsExactlyInAnyOrder(PROD_1, PROD_2, BASELINE, CANARY);
    }

    /**
     * A release by labels that has not taken its instances yet (ids "" in the table): the pods registered with the
     * role canary or baseline get no ordinary traffic meanwhile; a prod-labelled one does.
     */
    @Test
    void instancesLabelledForAReleaseGetNoOrdinaryTrafficBeforeItTakesThem() {
        BaseLoadBalancer balancer = new BaseLoadBalancer();
        balancer.setRule(rule);
        balancer.addServers(List.of(registered("localhost:9001", "prod"), registered("localhost:9002", "prod"),
                registered("localhost:9003", "canary"), registered("localhost:9004", "baseline")));
        balancer.getAllServers().forEach(s -> s.setAlive(true));
        releases.apply(List.of(new ReleaseRoute(8, "product-service", "", "", ReleaseRoute.Status.WAITING, 0)));
        release = releases.routing("product-service").orElseThrow();

        assertThat(chosenForTwentyCallers(true)).containsExactlyInAnyOrder("localhost:9001", "localhost:9002");

        // Taken: the canary gets its share, the baseline its own; ordinary callers still only the prod ones.
        releases.apply(List.of(new ReleaseRoute(8, "product-service", "product-service:localhost:9004",
                "product-service:localhost:9003", ReleaseRoute.Status.RUNNING, 50)));
        release = releases.routing("product-service").orElseThrow();
        CanaryAttempt.begin(RequestContext.getCurrentContext(), release, Role.CANARY);
        assertThat(choose()).isEqualTo("localhost:9003");
        RequestContext.testSetCurrentContext(new RequestContext());
        assertThat(chosenForTwentyCallers(false)).containsExactlyInAnyOrder("localhost:9001", "localhost:9002");
    }

    private static Server registered(String hostPort, String role) {
        String[] parts = hostPort.split(":");
        return new DiscoveryEnabledServer(InstanceInfo.Builder.newBuilder().setAppName("PRODUCT-SERVICE")
                .setInstanceId("product-service:" + hostPort).setHostName(parts[0])
                .setPort(Integer.parseInt(parts[1])).setMetadata(new java.util.HashMap<>(Map.of("role", role)))
                .build(), false);
    }
}
