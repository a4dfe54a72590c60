package dev.msakit.contracts.release;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * What one gateway saw of one role of a release since its last report: answers, 5xx answers, attempts that got no
 * answer (refused, timed out), and the latency of each successful answer in milliseconds (a uniform sample when
 * there were more than a report carries).
 */
public class RoleMeasurement {

    /** The most latencies one report carries per role. */
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

    public RoleMeasurement() {
    }

    public RoleMeasurement(long answers, long serverErrors, long failedAttempts, double[] latenciesMs) {
        this.answers = answers;
        this.serverErrors = serverErrors;
        this.failedAttempts = failedAttempts;
        this.latenciesMs = latenciesMs;
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
}
