package dev.msakit.release.canary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real judge and release state machine over thousands of synthetic releases, at the default steps and judge
 * settings. Traffic: 1,000 requests per 30 s interval, of which the canary and the baseline each get the step's
 * share (50, 250 and 500 at 5, 25 and 50 %); the baseline answers in a log-normal 20 ms (sigma 0.4) and fails 0.5 %
 * of its requests. Prints each scenario's outcomes; asserts the rates the releases promise.
 */
class CanaryReleaseSimulationTest {

    private static final int RELEASES = 2_000;
    private static final int PER_INTERVAL = 1_000;
    private static final long INTERVAL_MS = 30_000;
    private static final String BASELINE = "svc:localhost:1";
    private static final String CANARY = "svc:localhost:2";

    /** How the canary behaves: extra latency (ms) on every answer, and its error rate. */
    private static final class Canary {
        final String name;
        final double extraMs;
        final double errorRate;

        Canary(String name, double extraMs, double errorRate) {
            this.name = name;
            this.extraMs = extraMs;
            this.errorRate = errorRate;
        }
    }

    private final Random random = new Random(2026);
    private int promotedAcrossABreach;

    @Test
    void identicalVersionsAreRarelyRolledBackAndBadOnesAlmostAlwaysAreNeverPromotedAcrossAGuardRail() {
        Map<CanaryRelease.Status, Integer> identical = simulate(new Canary("identical", 0, 0.005), RELEASES);
        Map<CanaryRelease.Status, Integer> errors = simulate(new Canary("5 % errors", 0, 0.05), RELEASES);
        Map<CanaryRelease.Status, Integer> slow = simulate(new Canary("+200 ms", 200, 0.005), RELEASES);
        // Just over the 2 % rail: hard to tell from the baseline statistically, so the rail must hold it back.
        Map<CanaryRelease.Status, Integer> borderline = simulate(new Canary("3 % errors", 0, 0.03), RELEASES);

        double falseRollbacks = rate(identical, CanaryRelease.Status.ROLLED_BACK);
        double errorsCaught = rate(errors, CanaryRelease.Status.ROLLED_BACK);
        double slowCaught = rate(slow, CanaryRelease.Status.ROLLED_BACK);
        System.out.printf(Locale.ROOT, "Simulated %d releases: false rollbacks of identical versions %.2f %%,"
                        + " 5 %% errors rolled back %.2f %%, +200 ms rolled back %.2f %%, promotions across a guard"
                        + " rail %d (3 %% errors promoted %.2f %%)%n", 4 * RELEASES, 100 * falseRollbacks,
                100 * errorsCaught, 100 * slowCaught, promotedAcrossABreach,
                100 * rate(borderline, CanaryRelease.Status.PROMOTED));
        assertThat(falseRollbacks).isLessThanOrEqualTo(0.01);
        assertThat(rate(identical, CanaryRelease.Status.PROMOTED)).isGreaterThanOrEqualTo(0.95);
        assertThat(errorsCaught).isGreaterThanOrEqualTo(0.99);
        assertThat(slowCaught).isGreaterThanOrEqualTo(0.99);
        assertThat(promotedAcrossABreach).isZero();
    }

    private Map<CanaryRelease.Status, Integer> simulate(Canary canary, int releases) {
        Map<CanaryRelease.Status, Integer> outcomes = new EnumMap<>(CanaryRelease.Status.class);
        for (int i = 0; i < releases; i++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            CanaryRelease release = run(canary, rows);
            outcomes.merge(release.getStatus(), 1, Integer::sum);
            if (release.getStatus() == CanaryRelease.Status.PROMOTED && promotingIntervalBreached(rows)) {
                promotedAcrossABreach++;
            }
        }
        System.out.println("  " + canary.name + ": " + outcomes);
        return outcomes;
    }

    private CanaryRelease run(Canary canary, List<Map<String, Object>> rows) {
        CanaryPlan plan = new CanaryPlan();
        plan.setService("svc");
        plan.setBaselineInstance(BASELINE);
        plan.setCanaryInstance(CANARY);
        long now = 0;
        RecordedTraffic traffic = new RecordedTraffic();
        CanaryRelease release = CanaryReleases.create(plan, new CanaryProperties(), "simulation", now);
        rows.addAll(release.tick(now, Set.of(BASELINE, CANARY), traffic));
        while (!release.getStatus().isFinal()) {
            int perRole = PER_INTERVAL * release.getShare() / 100;
            for (int i = 0; i < perRole; i++) {
                answer(traffic, now + 1, Role.BASELINE, 0, 0.005);
                answer(traffic, now + 1, Role.CANARY, canary.extraMs, canary.errorRate);
            }
            now += INTERVAL_MS;
            rows.addAll(release.tick(now, Set.of(BASELINE, CANARY), traffic));
        }
        return release;
    }

    private void answer(RecordedTraffic traffic, long at, Role role, double extraMs, double errorRate) {
        double latency = 20 * Math.exp(0.4 * random.nextGaussian()) + extraMs;
        traffic.answered(at, role, random.nextDouble() < errorRate ? 500 : 200, latency);
    }

    @SuppressWarnings("unchecked")
    private static boolean promotingIntervalBreached(List<Map<String, Object>> rows) {
        Map<String, Object> last = rows.get(rows.size() - 1);
        return !((List<String>) last.get("guardRails")).isEmpty();
    }

    private static double rate(Map<CanaryRelease.Status, Integer> outcomes, CanaryRelease.Status status) {
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        return (double) outcomes.getOrDefault(status, 0) / total;
    }
}
