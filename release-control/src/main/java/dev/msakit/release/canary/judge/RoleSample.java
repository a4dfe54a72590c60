package dev.msakit.release.canary.judge;

/**
 * What the gateway saw of one role (baseline or canary) over a span of time: requests answered, 5xx answers, and
 * attempts that never got an answer (connection refused, connect or read timeouts, which the instance itself never
 * counts), with the latencies of its successful answers in milliseconds.
 */
public final class RoleSample {

    private final long requests;
    private final long serverErrors;
    private final long failedAttempts;
    private final Latencies latencies;

    public RoleSample(long requests, long serverErrors, long failedAttempts, double[] latenciesMs) {
        this(requests, serverErrors, failedAttempts, Latencies.of(latenciesMs));
    }

    public RoleSample(long requests, long serverErrors, long failedAttempts, Latencies latencies) {
        this.requests = requests;
        this.serverErrors = serverErrors;
        this.failedAttempts = failedAttempts;
        this.latencies = latencies;
    }

    public static RoleSample empty() {
        return new RoleSample(0, 0, 0, Latencies.none());
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

    public Latencies getLatencies() {
        return latencies;
    }

    /** Every latency, rising. */
    public double[] getLatenciesMs() {
        return latencies.toArray();
    }

    public long latencyCount() {
        return latencies.count();
    }

    /** The q-quantile (nearest rank) of the latencies, or NaN without any. */
    public double quantile(double q) {
        return latencies.quantile(q);
    }
}
