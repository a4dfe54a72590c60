package dev.msakit.release.canary.judge;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryJudgeTest {

    private final CanaryJudge judge = new CanaryJudge(new JudgeSettings());

    /** n answers of about medianMs (log-normal spread, seeded), errors of them 5xx. */
    private static RoleSample sample(int n, double medianMs, int errors, long seed) {
        Random random = new Random(seed);
        double[] latencies = new double[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = Math.round(medianMs * Math.exp(0.3 * random.nextGaussian()) * 10) / 10.0;
        }
        return new RoleSample(n, errors, 0, latencies);
    }

    private static MetricResult metric(Judgement judgement, String name) {
        return judgement.getMetrics().stream().filter(m -> m.getMetric().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sameVersionPasses() {
        Judgement verdict = judge.judge(sample(1000, 20, 0, 1), sample(1000, 20, 0, 2), sample(300, 20, 0, 3));
        assertThat(verdict.getClassification()).isEqualTo(Classification.PASS);
        assertThat(verdict.getScore()).isEqualTo(100);
        assertThat(verdict.getGuardRailBreaches()).isEmpty();
    }

    /** Kayenta's blind spot (kayenta#426): 0 vs 8 errors in 1,000 is "equal" to a rank test. Not here. */
    @Test
    void sparseErrorsOnlyInTheCanaryFail() {
        Judgement verdict = judge.judge(sample(1000, 20, 0, 1), sample(1000, 20, 8, 2), sample(300, 20, 2, 3));
        assertThat(verdict.getClassification()).isEqualTo(Classification.FAIL);
        assertThat(verdict.getScore()).isZero();
        assertThat(metric(verdict, CanaryJudge.ERRORS).getReason()).contains("errors only the canary makes")
                .contains("8/1000");
    }

    /**
     * 0 vs 3 in 1,000 happens to identical versions one time in eight (Fisher p = 0.125): watched, never a veto (as a
     * fixed "3 errors only in the canary" rule was, rolling identical versions back).
     */
    @Test
    void aFewErrorsOnlyInTheCanaryAreWatchedNotVetoed() {
        Judgement verdict = judge.judge(sample(1000, 20, 0, 1), sample(1000, 20, 3, 2), sample(300, 20, 1, 3));
        assertThat(metric(verdict, CanaryJudge.ERRORS).getClassification()).isEqualTo(Classification.MARGINAL);
        assertThat(verdict.getClassification()).isEqualTo(Classification.MARGINAL);
    }

    /** The error test's significance is the release's false-rollback rate split over its looks. */
    @Test
    void moreLooksMakeEachErrorTestStricter() {
        JudgeSettings manyLooks = new JudgeSettings();
        manyLooks.setLooks(30);
        RoleSample baseline = sample(1000, 20, 0, 1);
        RoleSample canary = sample(1000, 20, 8, 2);
        assertThat(metric(judge.judge(baseline, canary, sample(300, 20, 2, 3)), CanaryJudge.ERRORS)
                .getClassification()).isEqualTo(Classification.FAIL);
        MetricResult strict = metric(new CanaryJudge(manyLooks).judge(baseline, canary, sample(300, 20, 2, 3)),
                CanaryJudge.ERRORS);
        assertThat(strict.getClassification()).isEqualTo(Classification.MARGINAL);
        assertThat((double) strict.getNumbers().get("alpha")).isEqualTo(0.01 / 30);
    }

    /** Below 200 answers per role a p99 is one of the few slowest values: not judged, and no part of the score. */
    @Test
    void aTailOfTooFewAnswersIsNotJudgedAndAddsNothing() {
        Judgement verdict = judge.judge(sample(100, 20, 0, 1), sample(100, 20, 0, 2), sample(100, 20, 0, 3));
        assertThat(metric(verdict, CanaryJudge.TAIL).getClassification()).isEqualTo(Classification.NOT_JUDGED);
        assertThat(metric(verdict, CanaryJudge.TAIL).getReason()).contains("not judged");
        assertThat(verdict.getClassification()).isEqualTo(Classification.PASS);
        assertThat(verdict.getScore()).isEqualTo(100);
    }

    @Test
    void errorsAtTheBaselinesRateDoNotFail() {
        Judgement verdict = judge.judge(sample(1000, 20, 3, 1), sample(1000, 20, 3, 2), sample(300, 20, 1, 3));
        assertThat(metric(verdict, CanaryJudge.ERRORS).getClassification()).isEqualTo(Classification.PASS);
    }

    @Test
    void significantlyMoreErrorsFailEvenWhenTheBaselineHasSome() {
        Judgement verdict = judge.judge(sample(1000, 20, 10, 1), sample(1000, 20, 30, 2), sample(300, 20, 9, 3));
        assertThat(metric(verdict, CanaryJudge.ERRORS).getClassification()).isEqualTo(Classification.FAIL);
        assertThat(metric(verdict, CanaryJudge.ERRORS).getReason()).contains("Fisher p=0.0010");
    }

    /** kayenta#799, #377: an empty baseline must not pass. */
    @Test
    void emptyBaselineIsInconclusiveNotAPass() {
        Judgement verdict = judge.judge(RoleSample.empty(), sample(1000, 20, 0, 2), sample(300, 20, 0, 3));
        assertThat(verdict.getClassification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.getScore()).as("nothing judged, nothing scored").isZero();
        assertThat(verdict.getMetrics()).allMatch(m -> m.getClassification() == Classification.NOT_JUDGED);
    }

    @Test
    void tooLittleTrafficIsInconclusive() {
        Judgement verdict = judge.judge(sample(20, 20, 0, 1), sample(20, 20, 0, 2), sample(20, 20, 0, 3));
        assertThat(verdict.getClassification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.summary()).contains("needs 50");
    }

    @Test
    void twoHundredMillisecondsSlowerFailsWithTheShiftInTheReason() {
        Judgement verdict = judge.judge(sample(200, 20, 0, 1), sample(200, 220, 0, 2), sample(60, 220, 0, 3));
        MetricResult latency = metric(verdict, CanaryJudge.LATENCY);
        assertThat(verdict.getClassification()).isEqualTo(Classification.FAIL);
        assertThat(latency.getClassification()).isEqualTo(Classification.FAIL);
        assertThat((double) latency.getNumbers().get("shiftLowMs")).isGreaterThan(100);
        assertThat(latency.getReason()).contains("slower beyond the tolerated");
    }

    /** Significant but tiny (1 ms on 20 ms, below 5 ms and 20 %): not a regression worth a rollback. */
    @Test
    void aSignificantButTinyShiftPasses() {
        RoleSample baseline = sample(5000, 20, 0, 1);
        RoleSample canary = sample(5000, 21, 0, 2);
        MetricResult latency = metric(judge.judge(baseline, canary, sample(300, 21, 0, 3)), CanaryJudge.LATENCY);
        assertThat((double) latency.getNumbers().get("shiftLowMs")).isGreaterThan(0);
        assertThat(latency.getClassification()).isEqualTo(Classification.PASS);
    }

    /** kayenta#780: same median, much wider spread: the rank test is blind, the p99 comparison is not. */
    @Test
    void aWiderTailIsCaughtWhenTheMedianIsUnchanged() {
        double[] wide = new double[1000];
        double[] narrow = new double[1000];
        for (int i = 0; i < 1000; i++) {
            narrow[i] = 20 + (i % 10) * 0.1;
            wide[i] = i % 50 == 0 ? 400 : 20 + (i % 10) * 0.1;
        }
        Judgement verdict = judge.judge(new RoleSample(1000, 0, 0, narrow), new RoleSample(1000, 0, 0, wide),
                new RoleSample(300, 0, 0, narrow));
        assertThat(metric(verdict, CanaryJudge.LATENCY).getClassification()).isEqualTo(Classification.PASS);
        assertThat(metric(verdict, CanaryJudge.TAIL).getClassification()).isEqualTo(Classification.FAIL);
        assertThat(verdict.getClassification()).isEqualTo(Classification.FAIL);
    }

    @Test
    void guardRailsJudgeTheIntervalWhateverTheBaselineDid() {
        RoleSample interval = new RoleSample(100, 5, 0, new double[]{10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
            10, 10, 10, 10, 10, 10, 10, 3000});
        assertThat(judge.judge(sample(1000, 20, 0, 1), sample(1000, 20, 0, 2), interval).getGuardRailBreaches())
                .hasSize(2).anyMatch(b -> b.contains("error rate 5.00%")).anyMatch(b -> b.contains("p99 3000 ms"));
    }

    @Test
    void connectionFailuresCountAsErrors() {
        RoleSample canary = new RoleSample(990, 0, 10, sample(990, 20, 0, 2).getLatenciesMs());
        assertThat(canary.getRequests()).isEqualTo(1000);
        Judgement verdict = judge.judge(sample(1000, 20, 0, 1), canary, sample(300, 20, 0, 3));
        assertThat(metric(verdict, CanaryJudge.ERRORS).getClassification()).isEqualTo(Classification.FAIL);
    }
}
