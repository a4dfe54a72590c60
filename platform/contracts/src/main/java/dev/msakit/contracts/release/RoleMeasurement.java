package dev.msakit.contracts.release;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * What one gateway saw of one role of a release since its last report: answers, 5xx answers, attempts that got no
 * answer (refused, timed out), and the latencies of the successful answers in milliseconds, as a histogram that
 * release-control adds to the other gateways'. Gateways before the histogram sent the latencies as values
 * ({@code latenciesMs}, a uniform sample when there were more than a report carries); they are still taken.
 */
public class RoleMeasurement {

    /** The most latencies one report of an older gateway carries per role. */
    public static final int MAX_LATENCIES = 20_000;

    @Min(0)
    private long answers;
    @Min(0)
    private long serverErrors;
    @Min(0)
    private long failedAttempts;
    @NotNull
    @Size(max = MAX_LATENCIES)
    private double[] latenciesMs = new double[0];
    @NotNull
    private LatencyHistogram latencyHistogram = new LatencyHistogram();

    public RoleMeasurement() {
    }

    public RoleMeasurement(long answers, long serverErrors, long failedAttempts, LatencyHistogram latencyHistogram) {
        this.answers = answers;
        this.serverErrors = serverErrors;
        this.failedAttempts = failedAttempts;
        this.latencyHistogram = latencyHistogram;
    }

    /** Both ways of sending latencies as one histogram. */
    public LatencyHistogram latencies() {
        if (latenciesMs.length == 0) {
            return latencyHistogram;
        }
        long[] perBucket = new long[LatencyHistogram.MAX_BUCKET + 1];
        latencyHistogram.addTo(perBucket);
        LatencyHistogram.of(latenciesMs).addTo(perBucket);
        return LatencyHistogram.fromCounts(perBucket);
    }

    /** What is wrong with it as received (more latencies than successful answers, a malformed histogram), or null. */
    public String problem() {
        String histogram = latencyHistogram.problem();
        if (histogram != null) {
            return "latencyHistogram: " + histogram;
        }
        long latencies = latencyHistogram.total() + latenciesMs.length;
        if (latencies > answers - serverErrors) {
            return "more latencies (" + latencies + ") than successful answers (" + (answers - serverErrors) + ")";
        }
        return null;
    }

    public boolean isEmpty() {
        return answers == 0 && failedAttempts == 0;
    }

    public long getAnswers() {
        return answers;
    }

    public void setAnswers(long answers) {
        this.answers = answers;
    }

    public long getServerErrors() {
        return serverErrors;
    }

    public void setServerErrors(long serverErrors) {
        this.serverErrors = serverErrors;
    }

    public long getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(long failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public double[] getLatenciesMs() {
        return latenciesMs;
    }

    public void setLatenciesMs(double[] latenciesMs) {
        this.latenciesMs = latenciesMs;
    }

    public LatencyHistogram getLatencyHistogram() {
        return latencyHistogram;
    }

    public void setLatencyHistogram(LatencyHistogram latencyHistogram) {
        this.latencyHistogram = latencyHistogram;
    }
}
