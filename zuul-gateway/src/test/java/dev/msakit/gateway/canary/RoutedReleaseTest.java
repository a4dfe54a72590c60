package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.ReleaseRoute;
import dev.msakit.contracts.release.ReleaseRoute.Status;
import dev.msakit.contracts.release.LatencyHistogram;
import dev.msakit.contracts.release.RoleMeasurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A release as a gateway routes it from the routing table: roles per caller, and what it reports. */
class RoutedReleaseTest {

    private static final String BASELINE = "product-service:localhost:8582";
    private static final String CANARY = "product-service:localhost:8682";

    private final ReleaseRouting routing = new ReleaseRouting();

    private RoutedRelease table(Status status, int share) {
        routing.apply(List.of(new ReleaseRoute(3, "product-service", BASELINE, CANARY, status, share)));
        return routing.routing("product-service").orElseThrow();
    }

    @Test
    void whileWaitingNobodyIsSentToTheReleasesInstances() {
        RoutedRelease release = table(Status.WAITING, 0);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> release.roleFor("member:" + i))).containsOnly(Role.PROD);
        assertThat(release.servesProd(CANARY)).isFalse();
        assertThat(release.servesProd(BASELINE)).isFalse();
    }

    @Test
    void equalStickySharesThatOnlyGrowAndAreTheSameOnEveryGateway() {
        RoutedRelease release = table(Status.RUNNING, 10);
        long canary = IntStream.range(0, 20_000).filter(i -> release.roleFor("m" + i) == Role.CANARY).count();
        long baseline = IntStream.range(0, 20_000).filter(i -> release.roleFor("m" + i) == Role.BASELINE).count();
        assertThat(canary).isBetween(1_800L, 2_200L);
        assertThat(baseline).isBetween(1_800L, 2_200L);
        List<String> canaryAt10 = IntStream.range(0, 2000).mapToObj(i -> "m" + i)
                .filter(m -> release.roleFor(m) == Role.CANARY).collect(Collectors.toList());
        RoutedRelease same = table(Status.RUNNING, 50);
        assertThat(same).as("the same release keeps its object").isSameAs(release);
        assertThat(canaryAt10).allMatch(m -> release.roleFor(m) == Role.CANARY);
        // Another gateway, built from the same table, gives every caller the same role.
        ReleaseRouting other = new ReleaseRouting();
        other.apply(List.of(new ReleaseRoute(3, "product-service", BASELINE, CANARY, Status.RUNNING, 50)));
        RoutedRelease there = other.routing("product-service").orElseThrow();
        assertThat(IntStream.range(0, 2000).mapToObj(i -> "m" + i))
                .allMatch(m -> there.roleFor(m) == release.roleFor(m));
    }

    @Test
    void oncePromotedEveryoneGoesToTheCanaryAndTheOldInstancesStayAFallback() {
        RoutedRelease release = table(Status.PROMOTED, 100);
        assertThat(release.roleFor("anyone")).isEqualTo(Role.CANARY);
        assertThat(release.servesProd(CANARY)).isTrue();
        assertThat(release.servesProd("product-service:localhost:8082")).isTrue();
        assertThat(release.servesProd(BASELINE)).isFalse();
    }

    @Test
    void aFinishedReleaseLeavesTheTable() {
        table(Status.ROLLED_BACK, 0);
        routing.apply(List.of());
        assertThat(routing.routing("product-service")).isEmpty();
    }

    /** A canary failing fast must not look quicker: reported latencies are of successful answers only. */
    @Test
    void reportsEachRoleOnceWithTheLatenciesOfSuccessfulAnswersOnly() {
        RoutedRelease release = table(Status.RUNNING, 50);
        for (int i = 0; i < 10; i++) {
            release.answered(Role.CANARY, 200, 20);
            release.answered(Role.CANARY, 503, 1);
        }
        release.attemptFailed(Role.BASELINE);

        Map<String, RoleMeasurement> report = release.drain();
        assertThat(report).containsOnlyKeys("canary", "baseline");
        assertThat(report.get("canary").getAnswers()).isEqualTo(20);
        assertThat(report.get("canary").getServerErrors()).isEqualTo(10);
        assertThat(report.get("canary").getLatencyHistogram().getBuckets())
                .containsExactly(LatencyHistogram.bucketOf(20));
        assertThat(report.get("canary").getLatencyHistogram().getCounts()).containsExactly(10);
        assertThat(report.get("baseline").getFailedAttempts()).isEqualTo(1);
        assertThat(release.drain()).as("nothing twice").isEmpty();
    }
}
