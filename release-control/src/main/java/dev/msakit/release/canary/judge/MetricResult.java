package dev.msakit.release.canary.judge;

import java.util.Map;

/** One metric's verdict with the numbers behind it and a sentence saying why (kayenta#521: explain verdicts). */
public final class MetricResult {

    private final String metric;
    private final boolean critical;
    private final Classification classification;
    private final String reason;
    private final Map<String, Object> numbers;

    public MetricResult(String metric, boolean critical, Classification classification, String reason,
                        Map<String, Object> numbers) {
        this.metric = metric;
        this.critical = critical;
        this.classification = classification;
        this.reason = reason;
        this.numbers = numbers;
    }

    public String getMetric() {
        return metric;
    }

    public boolean isCritical() {
        return critical;
    }

    public Classification getClassification() {
        return classification;
    }

    public String getReason() {
        return reason;
    }

    public Map<String, Object> getNumbers() {
        return numbers;
    }
}
