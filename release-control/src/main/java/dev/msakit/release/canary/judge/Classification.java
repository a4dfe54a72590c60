package dev.msakit.release.canary.judge;

/**
 * A metric's or an interval's verdict, from best to worst; INCONCLUSIVE when the data cannot tell. NOT_JUDGED is a
 * metric's only: too few samples to judge it at all, so it counts neither for nor against the release.
 */
public enum Classification {
    PASS, MARGINAL, FAIL, INCONCLUSIVE, NOT_JUDGED
}
