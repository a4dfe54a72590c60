package dev.msakit.gateway.canary;

import dev.msakit.gateway.canary.judge.RoleSample;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the gateway sees of one role, accumulated from request threads. Latencies are of successful answers only (a
 * 5xx answered fast would make a failing canary look quick; errors are counted on their own), kept as values (the
 * rank test needs them, not a histogram) up to a cap, then as a uniform reservoir sample of everything seen.
 */
final class RoleRecorder {

    private final int capacity;
    private long answers;
    private long serverErrors;
    private long failedAttempts;
    private long seen;
    private double[] latencies = new double[64];
    private int size;

    RoleRecorder(int capacity) {
        this.capacity = capacity;
    }

    synchronized void answered(int status, double latencyMs) {
        answers++;
        if (status >= 500) {
            serverErrors++;
            return;
        }
        seen++;
        if (size < capacity) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, Math.min(capacity, size * 2));
            }
            latencies[size++] = latencyMs;
        } else {
            long slot = ThreadLocalRandom.current().nextLong(seen);
            if (slot < capacity) {
                latencies[(int) slot] = latencyMs;
            }
        }
    }

    synchronized void attemptFailed() {
        failedAttempts++;
    }

    synchronized RoleSample sample() {
        return new RoleSample(answers, serverErrors, failedAttempts, Arrays.copyOf(latencies, size));
    }
}
