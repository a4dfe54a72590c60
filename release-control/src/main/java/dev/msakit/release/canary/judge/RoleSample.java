package dev.msakit.release.canary.judge;

import java.util.Arrays;

/**
 * What the gateway saw of one role (baseline or canary) over a span of time: requests answered, 5xx answers, and
 * attempts that never got an answer (connection refused, connect or read timeouts, which the instance itself never
 * counts), with the latency of each answer in milliseconds.
 */
public final class RoleSample {

    private final long requests;
    private final long serverErrors;
    private final long failedAttempts;
    private final double[] latenciesMs;

    public RoleSample(long requests, long serverErrors, long failedAttempts, double[] latenciesMs) {
        this.requests = requests;
        this.serverErrors = serverErrors;
        this.failedAttempts = failedAttempts;
        this.latenciesMs = latenciesMs.clone();
        Arrays.sort(this.latenciesMs);
    }

    public static RoleSample empty() {
        return new RoleSample(0, 0, 0, new double[0]);
    }

    /** Answers plus failed attempts: every time the gateway sent a request to this role. */
    public long getRequests() {
        return requests + failedAttempts;
    }

    public long getServerErrors() {
        return serverErrors;
    }

    public long getFailedAttempts() {
        return failedAttempts;
    }

    /** 5xx answers and attempts without an answer. */
    public long getErrors() {
        return serverErrors + failedAttempts;
    }

    public double getErrorRate() {
        return getRequests() == 0 ? 0 : (double) getErrors() / getRequests();
    }

    /** Sorted. */
    public double[] getLatenciesMs() {
        return latenciesMs.clone();
    }

    public int latencyCount() {
        return latenciesMs.length;
    }

    /** The q-quantile (nearest rank) of the latencies, or NaN without any. */
    public double quantile(double q) {
        if (latenciesMs.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * latenciesMs.length) - 1;
        return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, index))];
    }
}
