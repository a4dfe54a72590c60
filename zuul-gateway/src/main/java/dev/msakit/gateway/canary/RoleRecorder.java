package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.LatencyHistogram;
import dev.msakit.contracts.release.RoleMeasurement;

/**
 * What this gateway sees of one role between two reports, accumulated from request threads. Latencies are of
 * successful answers only (a 5xx answered fast would make a failing canary look quick; errors are counted on their
 * own), counted per histogram bucket: every answer, in a fixed 11 kB however busy the gateway, and release-control
 * adds the gateways' histograms up (a sample of values per gateway could not be merged fairly).
 */
final class RoleRecorder {

    private long answers;
    private long serverErrors;
    private long failedAttempts;
    private long[] latencies = new long[LatencyHistogram.MAX_BUCKET + 1];
    private boolean anyLatency;

    synchronized void answered(int status, double latencyMs) {
        answers++;
        if (status >= 500) {
            serverErrors++;
            return;
        }
        latencies[LatencyHistogram.bucketOf(latencyMs)]++;
        anyLatency = true;
    }

    synchronized void attemptFailed() {
        failedAttempts++;
    }

    /** What was seen since the last call, and a fresh start. */
    synchronized RoleMeasurement drain() {
        RoleMeasurement measured = new RoleMeasurement(answers, serverErrors, failedAttempts,
                LatencyHistogram.fromCounts(latencies));
        answers = 0;
        serverErrors = 0;
        failedAttempts = 0;
        if (anyLatency) {
            latencies = new long[LatencyHistogram.MAX_BUCKET + 1];
            anyLatency = false;
        }
        return measured;
    }
}
