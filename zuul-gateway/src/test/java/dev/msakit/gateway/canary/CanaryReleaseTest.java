package dev.msakit.gateway.canary;

import dev.msakit.gateway.canary.judge.CanaryJudge;
import dev.msakit.gateway.canary.judge.JudgeSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The release's state machine, driven by a fake clock and recorded outcomes (no gateway, no instances). */
class CanaryReleaseTest {

    private static final String BASELINE = "product-service:localhost:8582";
    private static final String CANARY = "product-service:localhost:8682";
    private static final Set<String> BOTH = Set.of(BASELINE, CANARY);
    private static final long INTERVAL = 10_000;

    private long now = 1_000_000;
    private final Random random = new Random(42);
    private final CanaryRelease release = new CanaryRelease(1, "product-service", BASELINE, CANARY,
            List.of(10, 50), INTERVAL, 60_000, 3, 3, new CanaryJudge(new JudgeSettings()), 10_000, "admin", now);

    private void traffic(Role role, int requests, double medianMs, double errorRate) {
        for (int i = 0; i < requests; i++) {
            int status = random.nextDouble() < errorRate ? 500 : 200;
            release.answered(role, status, Math.round(medianMs * Math.exp(0.2 * random.nextGaussian())));
        }
    }

    private void interval(int perRole, double canaryMs, double canaryErrors) {
        traffic(Role.BASELINE, perRole, 20, 0);
        traffic(Role.CANARY, perRole, canaryMs, canaryErrors);
        now += INTERVAL;
        release.tick(now, BOTH);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows() {
        return (List<Map<String, Object>>) release.view().get("intervals");
    }

    @Test
    void waitsForBothInstancesAndSendsNobodyToThemMeanwhile() {
        release.tick(now, Set.of(CANARY));
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.WAITING);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> release.roleFor("member:" + i)))
                .containsOnly(Role.PROD);
        assertThat(release.servesProd(CANARY)).isFalse();
        assertThat(release.servesProd(BASELINE)).isFalse();
        release.tick(now + 1, BOTH);
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.RUNNING);
    }

    @Test
    void givesUpWhenTheInstancesNeverAppear() {
        release.tick(now + 61_000, Set.of(BASELINE));
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains(CANARY).doesNotContain(BASELINE);
    }

    @Test
    void equalStickySharesThatOnlyGrow() {
        release.tick(now, BOTH);
        long canary = IntStream.range(0, 20_000).filter(i -> release.roleFor("m" + i) == Role.CANARY).count();
        long baseline = IntStream.range(0, 20_000).filter(i -> release.roleFor("m" + i) == Role.BASELINE).count();
        assertThat(canary).isBetween(1_800L, 2_200L);
        assertThat(baseline).isBetween(1_800L, 2_200L);
        List<String> canaryAt10 = IntStream.range(0, 2000).mapToObj(i -> "m" + i)
                .filter(m -> release.roleFor(m) == Role.CANARY).collect(java.util.stream.Collectors.toList());
        interval(200, 20, 0);
        assertThat(release.view().get("share")).isEqualTo(50);
        assertThat(canaryAt10).allMatch(m -> release.roleFor(m) == Role.CANARY);
    }

    @Test
    void cleanCanaryIsPromotedStepByStepAndThenServesEveryone() {
        release.tick(now, BOTH);
        interval(200, 20, 0);
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.RUNNING);
        interval(200, 20, 0);
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.PROMOTED);
        assertThat(rows()).extracting(r -> r.get("decision")).containsExactly("advance to 50 %", "promote");
        assertThat(release.roleFor("anyone")).isEqualTo(Role.CANARY);
        assertThat(release.servesProd(CANARY)).isTrue();
        assertThat(release.servesProd(BASELINE)).isFalse();
    }

    @Test
    void errorsRollBackAtTheFirstStep() {
        release.tick(now, BOTH);
        interval(200, 20, 0.05);
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains("errors");
        assertThat(release.roleFor("anyone")).isEqualTo(Role.PROD);
        assertThat(release.servesProd(CANARY)).isFalse();
    }

    @Test
    void slowCanaryRollsBack() {
        release.tick(now, BOTH);
        interval(100, 220, 0);
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains("latency").contains("slower");
    }

    @Test
    void noTrafficEndsInconclusiveNeverPromoted() {
        release.tick(now, BOTH);
        for (int i = 0; i < 3; i++) {
            now += INTERVAL;
            release.tick(now, BOTH);
        }
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.INCONCLUSIVE);
        assertThat(rows()).hasSize(3);
        assertThat(release.roleFor("anyone")).isEqualTo(Role.PROD);
    }

    @Test
    void twoIntervalsOverAGuardRailRollBackEvenWithoutAComparison() {
        release.tick(now, BOTH);
        // The baseline gets too little to compare with, the canary fails 4 % each time.
        for (int i = 0; i < 2; i++) {
            traffic(Role.CANARY, 40, 20, 0);
            for (int e = 0; e < 2; e++) {
                release.answered(Role.CANARY, 503, 20);
            }
            now += INTERVAL;
            release.tick(now, BOTH);
        }
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains("guard rail crossed in two intervals");
    }

    @Test
    void aCanaryThatDisappearsIsRolledBackAtOnce() {
        release.tick(now, BOTH);
        traffic(Role.CANARY, 10, 20, 0);
        release.tick(now + 1000, Set.of(BASELINE));
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains("unreachable");
    }

    @Test
    void failedAttemptsCountForTheRoleThatFailed() {
        release.tick(now, BOTH);
        release.attemptFailed(Role.CANARY);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> totals = (Map<String, Map<String, Object>>) release.view().get("totals");
        assertThat(totals.get("canary").get("failedAttempts")).isEqualTo(1L);
        assertThat(totals.get("canary").get("errors")).isEqualTo(1L);
        assertThat(totals.get("baseline").get("errors")).isEqualTo(0L);
    }

    @Test
    void reportsAsTerminalRowsAndAnSvgPlot() {
        release.tick(now, BOTH);
        interval(200, 20, 0);
        interval(100, 220, 0);
        String rows = CanaryRows.text(release.view());
        assertThat(rows.lines()).hasSize(4);
        assertThat(rows.lines().skip(1).findFirst().orElseThrow()).contains("10%").contains("PASS 100")
                .contains("advance to 50 %");
        assertThat(rows.lines().skip(2).findFirst().orElseThrow()).contains("50%").contains("FAIL")
                .contains("roll back").containsPattern("\\(\\+[12]\\d\\d\\.\\d ms");
        assertThat(rows).contains("status ROLLED_BACK");
        String svg = CanaryPlot.svg(release.view());
        assertThat(svg).startsWith("<svg").contains("</svg>").contains("ROLLED_BACK");
        assertThat(svg.split("<polyline", -1)).hasSizeGreaterThan(6);
    }

    /**
     * The case that once promoted: the last step passes the comparison (3 vs 1 errors in 50 is no significant
     * difference) but its 6 % is over the 2 % guard rail. It holds; a second such interval rolls back.
     */
    @Test
    void aPassingLastStepOverAGuardRailHoldsInsteadOfPromoting() {
        release.tick(now, BOTH);
        interval(200, 20, 0);
        assertThat(release.view().get("share")).isEqualTo(50);
        for (int i = 0; i < 2; i++) {
            traffic(Role.BASELINE, 49, 20, 0);
            release.answered(Role.BASELINE, 500, 20);
            traffic(Role.CANARY, 47, 20, 0);
            for (int e = 0; e < 3; e++) {
                release.answered(Role.CANARY, 500, 20);
            }
            now += INTERVAL;
            release.tick(now, BOTH);
            if (i == 0) {
                assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.RUNNING);
                assertThat(rows().get(rows().size() - 1).get("decision")).isEqualTo("hold at 50 % (guard rail)");
            }
        }
        assertThat(release.getStatus()).isEqualTo(CanaryRelease.Status.ROLLED_BACK);
        assertThat(release.view().get("reason").toString()).contains("guard rail crossed in two intervals");
    }

    /** A canary failing fast must not look quicker: the latencies compared are of successful answers only. */
    @Test
    void fastServerErrorsAreNotPartOfTheLatencyCompared() {
        release.tick(now, BOTH);
        traffic(Role.BASELINE, 200, 20, 0);
        traffic(Role.CANARY, 200, 20, 0);
        for (int e = 0; e < 100; e++) {
            release.answered(Role.CANARY, 503, 1);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> totals = (Map<String, Map<String, Object>>) release.view().get("totals");
        assertThat(totals.get("canary").get("errors")).isEqualTo(100L);
        assertThat((Double) totals.get("canary").get("p50Ms")).isGreaterThan(15.0);
    }
}
