package dev.msakit.release.canary.judge;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test, one-sided: how likely the canary shows at least its error count if both roles failed at the
 * same rate (R's {@code fisher.test(..., alternative = "greater")}). Exact, so it stays valid for the sparse counts
 * a rank test on per-interval error counts cannot see (kayenta#426).
 */
public final class ErrorRates {

    private ErrorRates() {
    }

    /** The p-value that the canary's error rate is no higher than the baseline's. */
    public static double canaryWorseP(long canaryErrors, long canaryRequests, long baselineErrors,
                                      long baselineRequests) {
        if (canaryErrors > canaryRequests || baselineErrors > baselineRequests || canaryErrors < 0
                || baselineErrors < 0) {
            throw new IllegalArgumentException("errors must be between 0 and the requests");
        }
        long errors = canaryErrors + baselineErrors;
        if (errors == 0 || canaryRequests == 0) {
            return 1;
        }
        HypergeometricDistribution draws = new HypergeometricDistribution(null,
                Math.toIntExact(canaryRequests + baselineRequests), Math.toIntExact(errors),
                Math.toIntExact(canaryRequests));
        return draws.upperCumulativeProbability(Math.toIntExact(canaryErrors));
    }
}
