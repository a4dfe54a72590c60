package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.RoleMeasurement;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What this gateway sees of one role between two reports, accumulated from request threads. Latencies are of
 * successful answers only (a 5xx answered fast would make a failing canary look quick; errors are counted on their
 * own), kept as values (the judge's rank test needs them) up to a report's cap, then as a uniform reservoir sample.
 */
final class RoleRecorder {

    private long answers;
    private long serverErrors;
    private long failedAttempts;
    private long seen;
    private double[] latencies = new double[64];
    private int size;

    synchronized void answered(int status, double latencyMs) {
        answers++;
        if (status >= 500) {
            serverErrors++;
            return;
        }
        seen++;
        if (size < RoleMeasurement.MAX_LATENCIES) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, Math.min(RoleMeasurement.MAX_LATENCIES, size * 2));
            }
            latencies[size++] = latencyMs;
        } else {
            long slot = ThreadLocalRandom.current().nextLong(seen);
            if (slot < RoleMeasurement.MAX_LATENCIES) {
                latencies[(int) slot] = latencyMs;
            }
        }
    }

    synchronized void attemptFailed() {
        failedAttempts++;
    }

    /** What was seen since the last call, and a fresh start. */
    synchronized RoleMeasurement drain() {
        RoleMeasurement measured = new RoleMeasurement(answers, serverErrors, failedAttempts,
                Arrays.copyOf(latencies, size));
        answers = 0;
        serverErrors = 0;
        failedAttempts = 0;
        seen = 0;
        size = 0;
        return measured;
    }
}
