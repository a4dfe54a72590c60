package dev.msakit.release.canary.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges the canary against a freshly started baseline of the old version that got the same share of traffic:
 * <ul>
 *   <li><b>errors</b> (critical): Fisher's exact test on 5xx + failed attempts, exact for the sparse counts Kayenta's
 *   rank test misses (a baseline without any error, a canary with a few), at the release's per-look significance
 *   so that two identical versions are rolled back at most at its stated rate;</li>
 *   <li><b>latency</b>: Mann–Whitney with a confidence interval on the shift; a failure needs the whole interval
 *   above zero <em>and</em> a shift beyond the tolerance (a significant 1 ms is not a regression);</li>
 *   <li><b>tail</b>: p99 against the baseline's, which the rank test does not see grow with the variance
 *   (kayenta#780);</li>
 *   <li><b>guard rails</b>: the interval's own error rate and p99 against absolute limits, whatever the baseline
 *   did.</li>
 * </ul>
 * Latencies are of successful answers only (a fast 5xx must not make a failing canary look quick). A metric with too
 * few samples is NOT_JUDGED and adds nothing to the score; without errors and latency judged the interval is
 * INCONCLUSIVE, never a pass (an empty baseline does not pass: kayenta#799). Pure: no clock, no I/O.
 */
public final class CanaryJudge {

    public static final String ERRORS = "errors";
    static final String LATENCY = "latency";
    static final String TAIL = "p99";
    private static final Map<String, Integer> WEIGHTS = Map.of(ERRORS, 40, LATENCY, 40, TAIL, 20);

    private final JudgeSettings settings;

    public CanaryJudge(JudgeSettings settings) {
        this.settings = settings;
    }

    public JudgeSettings settings() {
        return settings;
    }

    /**
     * @param baseline        the baseline since the current step began
     * @param canary          the canary since the current step began
     * @param canaryInterval  the canary in the interval just ended (for the guard rails)
     */
    public Judgement judge(RoleSample baseline, RoleSample canary, RoleSample canaryInterval) {
        List<MetricResult> metrics = List.of(errors(baseline, canary), latency(baseline, canary),
                tail(baseline, canary));
        List<String> breaches = guardRails(canaryInterval);
        Classification overall = Classification.PASS;
        int score = 0;
        int total = 0;
        boolean criticalFailed = false;
        for (MetricResult metric : metrics) {
            if (metric.getClassification() == Classification.NOT_JUDGED) {
                // The tail alone may go unjudged (it needs more answers); errors and latency may not.
                if (!metric.getMetric().equals(TAIL)) {
                    overall = worse(overall, Classification.INCONCLUSIVE);
                }
                continue;
            }
            int weight = WEIGHTS.get(metric.getMetric());
            total += weight;
            switch (metric.getClassification()) {
                case PASS:
                    score += weight;
                    break;
                case MARGINAL:
                    score += weight / 2;
                    overall = worse(overall, Classification.MARGINAL);
                    break;
                case FAIL:
                    criticalFailed |= metric.isCritical();
                    overall = Classification.FAIL;
                    break;
                default:
                    overall = worse(overall, Classification.INCONCLUSIVE);
            }
        }
        int percent = criticalFailed || total == 0 ? 0 : Math.round(100f * score / total);
        return new Judgement(overall, percent, metrics, breaches);
    }

    /** FAIL beats INCONCLUSIVE (a clear failure needs no more data), which beats MARGINAL and PASS. */
    private static Classification worse(Classification a, Classification b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Classification c) {
        switch (c) {
            case PASS:
                return 0;
            case MARGINAL:
                return 1;
            case INCONCLUSIVE:
                return 2;
            default:
                return 3;
        }
    }

    MetricResult errors(RoleSample baseline, RoleSample canary) {
        double p = ErrorRates.canaryWorseP(canary.getErrors(), canary.getRequests(), baseline.getErrors(),
                baseline.getRequests());
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("canaryErrors", canary.getErrors());
        numbers.put("canaryRequests", canary.getRequests());
        numbers.put("baselineErrors", baseline.getErrors());
        numbers.put("baselineRequests", baseline.getRequests());
        numbers.put("p", p);
        String counts = String.format(Locale.ROOT, "errors: canary %d/%d (%.2f%%), baseline %d/%d (%.2f%%)",
                canary.getErrors(), canary.getRequests(), 100 * canary.getErrorRate(), baseline.getErrors(),
                baseline.getRequests(), 100 * baseline.getErrorRate());
        double alpha = settings.alphaPerLook();
        numbers.put("alpha", alpha);
        if (p < alpha) {
            return new MetricResult(ERRORS, true, Classification.FAIL, counts + String.format(Locale.ROOT,
                    ", Fisher p=%.4f < %.4f", p, alpha) + (baseline.getErrors() == 0 && baseline.getRequests() > 0
                    ? ": errors only the canary makes" : ""), numbers);
        }
        if (baseline.getRequests() < settings.getMinSamples() || canary.getRequests() < settings.getMinSamples()) {
            return new MetricResult(ERRORS, true, Classification.NOT_JUDGED,
                    counts + ": not judged, needs " + settings.getMinSamples() + " requests per role", numbers);
        }
        if (p < settings.getErrorWatchAlpha()) {
            return new MetricResult(ERRORS, true, Classification.MARGINAL,
                    counts + String.format(Locale.ROOT, ", Fisher p=%.3f: watching", p), numbers);
        }
        return new MetricResult(ERRORS, true, Classification.PASS, counts, numbers);
    }

    MetricResult latency(RoleSample baseline, RoleSample canary) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("canaryP50", canary.quantile(0.5));
        numbers.put("baselineP50", baseline.quantile(0.5));
        if (baseline.latencyCount() < settings.getMinSamples() || canary.latencyCount() < settings.getMinSamples()) {
            return new MetricResult(LATENCY, false, Classification.NOT_JUDGED, String.format(Locale.ROOT,
                    "latency: not judged, %d canary and %d successful baseline answers, needs %d each",
                    canary.latencyCount(),
                    baseline.latencyCount(), settings.getMinSamples()), numbers);
        }
        MannWhitney.Result test = MannWhitney.test(canary.getLatencies(), baseline.getLatencies(),
                settings.getConfidence());
        double threshold = Math.max(settings.getMinShiftMs(),
                settings.getLatencyTolerance() * baseline.quantile(0.5));
        numbers.put("shiftMs", test.getShift());
        numbers.put("shiftLowMs", test.getLow());
        numbers.put("shiftHighMs", test.getHigh());
        numbers.put("p", test.getP());
        numbers.put("toleratedShiftMs", threshold);
        String text = String.format(Locale.ROOT,
                "latency: canary p50 %.1f ms, baseline %.1f ms, shift %+.1f ms (%.0f%% interval %+.1f..%+.1f, "
                        + "Mann-Whitney p=%.4f)", canary.quantile(0.5), baseline.quantile(0.5), test.getShift(),
                100 * settings.getConfidence(), test.getLow(), test.getHigh(), test.getP());
        if (test.getLow() > 0 && test.getShift() > threshold) {
            return new MetricResult(LATENCY, false, Classification.FAIL,
                    text + String.format(Locale.ROOT, ": slower beyond the tolerated %.1f ms", threshold), numbers);
        }
        if (test.getLow() > 0 && test.getLow() > threshold / 2) {
            return new MetricResult(LATENCY, false, Classification.MARGINAL,
                    text + ": slower, close to the tolerance", numbers);
        }
        return new MetricResult(LATENCY, false, Classification.PASS, text, numbers);
    }

    MetricResult tail(RoleSample baseline, RoleSample canary) {
        double canaryP99 = canary.quantile(0.99);
        double baselineP99 = baseline.quantile(0.99);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("canaryP99", canaryP99);
        numbers.put("baselineP99", baselineP99);
        if (baseline.latencyCount() < settings.getMinTailSamples()
                || canary.latencyCount() < settings.getMinTailSamples()) {
            return new MetricResult(TAIL, false, Classification.NOT_JUDGED, String.format(Locale.ROOT,
                    "p99: not judged below %d answers per role", settings.getMinTailSamples()), numbers);
        }
        double marginal = baselineP99 * (1 + settings.getTailTolerance()) + settings.getMinShiftMs();
        double failing = baselineP99 * (1 + 2 * settings.getTailTolerance()) + settings.getMinShiftMs();
        String text = String.format(Locale.ROOT, "p99: canary %.1f ms, baseline %.1f ms", canaryP99, baselineP99);
        if (canaryP99 > failing) {
            return new MetricResult(TAIL, false, Classification.FAIL,
                    text + String.format(Locale.ROOT, " (limit %.1f ms)", failing), numbers);
        }
        if (canaryP99 > marginal) {
            return new MetricResult(TAIL, false, Classification.MARGINAL,
                    text + String.format(Locale.ROOT, " (beyond %.1f ms)", marginal), numbers);
        }
        return new MetricResult(TAIL, false, Classification.PASS, text, numbers);
    }

    public List<String> guardRails(RoleSample interval) {
        List<String> breaches = new ArrayList<>();
        if (interval.getRequests() >= settings.getMinGuardRailRequests()
                && interval.getErrorRate() > settings.getMaxErrorRate()) {
            breaches.add(String.format(Locale.ROOT, "guard rail: canary error rate %.2f%% over the limit %.2f%%",
                    100 * interval.getErrorRate(), 100 * settings.getMaxErrorRate()));
        }
        if (interval.latencyCount() >= settings.getMinGuardRailRequests()
                && interval.quantile(0.99) > settings.getMaxP99Ms()) {
            breaches.add(String.format(Locale.ROOT, "guard rail: canary p99 %.0f ms over the limit %.0f ms",
                    interval.quantile(0.99), settings.getMaxP99Ms()));
        }
        return breaches;
    }
}
