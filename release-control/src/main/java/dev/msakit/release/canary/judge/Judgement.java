package dev.msakit.release.canary.judge;

import java.util.List;

/** An interval's verdict: the class, a 0-100 score, each metric's result, and whether a guard rail was crossed. */
public final class Judgement {

    private final Classification classification;
    private final int score;
    private final List<MetricResult> metrics;
    private final List<String> guardRailBreaches;

    public Judgement(Classification classification, int score, List<MetricResult> metrics,
                     List<String> guardRailBreaches) {
        this.classification = classification;
        this.score = score;
        this.metrics = List.copyOf(metrics);
        this.guardRailBreaches = List.copyOf(guardRailBreaches);
    }

    public Classification getClassification() {
        return classification;
    }

    public int getScore() {
        return score;
    }

    public List<MetricResult> getMetrics() {
        return metrics;
    }

    /** The interval's own numbers beyond an absolute limit (empty: none). */
    public List<String> getGuardRailBreaches() {
        return guardRailBreaches;
    }

    /** The reasons of every metric that did not pass, or of all when all passed. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (MetricResult metric : metrics) {
            if (metric.getClassification() != Classification.PASS || classification == Classification.PASS) {
                text.append(text.length() == 0 ? "" : "; ").append(metric.getReason());
            }
        }
        for (String breach : guardRailBreaches) {
            text.append(text.length() == 0 ? "" : "; ").append(breach);
        }
        return text.toString();
    }
}
