package dev.msakit.release.canary;

import dev.msakit.contracts.release.LatencyHistogram;
import dev.msakit.release.canary.judge.Latencies;
import dev.msakit.release.canary.judge.RoleSample;

import java.util.ArrayList;
import java.util.List;

/** What gateways would have reported, answer by answer, with the time each report arrived (tests only). */
final class RecordedTraffic implements CanaryRelease.Measurements {

    private static final class Answer {
        final long at;
        final Role role;
        final int status;
        final double latencyMs;
        final boolean failedAttempt;

        Answer(long at, Role role, int status, double latencyMs, boolean failedAttempt) {
            this.at = at;
            this.role = role;
            this.status = status;
            this.latencyMs = latencyMs;
            this.failedAttempt = failedAttempt;
        }
    }

    private final List<Answer> answers = new ArrayList<>();

    void answered(long at, Role role, int status, double latencyMs) {
        answers.add(new Answer(at, role, status, latencyMs, false));
    }

    void attemptFailed(long at, Role role) {
        answers.add(new Answer(at, role, 0, 0, true));
    }

    /** Forgets what was recorded before this moment (simulations keep memory flat; releases never look back). */
    void forgetBefore(long at) {
        answers.removeIf(a -> a.at < at);
    }

    /** As the gateways' RoleRecorder reports it: latencies of successful answers only. */
    @Override
    public RoleSample of(Role role, long from, long to) {
        long answered = 0;
        long serverErrors = 0;
        long failed = 0;
        List<Double> latencies = new ArrayList<>();
        for (Answer a : answers) {
            if (a.role != role || a.at < from || a.at >= to) {
                continue;
            }
            if (a.failedAttempt) {
                failed++;
                continue;
            }
            answered++;
            if (a.status >= 500) {
                serverErrors++;
            } else {
                latencies.add(a.latencyMs);
            }
        }
        // As the gateways report them: counted per histogram bucket.
        return new RoleSample(answered, serverErrors, failed, Latencies.of(LatencyHistogram.of(latencies.stream()
                .mapToDouble(Double::doubleValue).toArray())));
    }
}
