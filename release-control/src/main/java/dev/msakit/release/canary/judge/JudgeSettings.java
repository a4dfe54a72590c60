package dev.msakit.release.canary.judge;

/**
 * The judge's thresholds. Defaults follow Kayenta's practice (98 % interval, at least ~50 points per role) and
 * Flagger's guard rails; every one can be set per release.
 */
public final class JudgeSettings {

    private int minSamples = 50;
    private double confidence = 0.98;
    /** A latency shift counts only beyond this fraction of the baseline's median ... */
    private double latencyTolerance = 0.2;
    /** ... and beyond this many milliseconds (a 1 ms shift on a 3 ms call is not worth a rollback). */
    private double minShiftMs = 5;
    /** The canary's p99 may exceed the baseline's by this factor before it is "marginal"; twice it is a failure. */
    private double tailTolerance = 0.5;
    /** Below this many latencies per role the p99 comparison is skipped (a p99 of 50 values is one value). */
    private int minTailSamples = 200;
    /**
     * The chance a release of two identical versions may be rolled back for its errors, over all its judged
     * intervals together: each interval tests at {@link #alphaPerLook()}, this split over {@link #looks} (Bonferroni,
     * so repeated looks at a growing sample cannot add up to more).
     */
    private double falseRollbackRate = 0.01;
    /** How many intervals of one release may be judged at most (steps x marginal holds; set by the release). */
    private int looks = 1;
    /** Fisher's p below this: marginal. */
    private double errorWatchAlpha = 0.2;
    /** Guard rails on each interval's own numbers, whatever the baseline did. */
    private double maxErrorRate = 0.02;
    private double maxP99Ms = 2000;
    /** An interval's error rate is held against the guard rail from this many canary requests on. */
    private int minGuardRailRequests = 20;

    public int getMinSamples() {
        return minSamples;
    }

    public void setMinSamples(int minSamples) {
        this.minSamples = minSamples;
    }

    public double getConfidence() {
        return confidence;
    }

    public void setConfidence(double confidence) {
        this.confidence = confidence;
    }

    public double getLatencyTolerance() {
        return latencyTolerance;
    }

    public void setLatencyTolerance(double latencyTolerance) {
        this.latencyTolerance = latencyTolerance;
    }

    public double getMinShiftMs() {
        return minShiftMs;
    }

    public void setMinShiftMs(double minShiftMs) {
        this.minShiftMs = minShiftMs;
    }

    public double getTailTolerance() {
        return tailTolerance;
    }

    public void setTailTolerance(double tailTolerance) {
        this.tailTolerance = tailTolerance;
    }

    public int getMinTailSamples() {
        return minTailSamples;
    }

    public void setMinTailSamples(int minTailSamples) {
        this.minTailSamples = minTailSamples;
    }

    public double getFalseRollbackRate() {
        return falseRollbackRate;
    }

    public void setFalseRollbackRate(double falseRollbackRate) {
        this.falseRollbackRate = falseRollbackRate;
    }

    public int getLooks() {
        return looks;
    }

    public void setLooks(int looks) {
        this.looks = looks;
    }

    /** The significance each judged interval's error test uses: the release's false-rollback rate per look. */
    public double alphaPerLook() {
        return falseRollbackRate / Math.max(1, looks);
    }

    public double getErrorWatchAlpha() {
        return errorWatchAlpha;
    }

    public void setErrorWatchAlpha(double errorWatchAlpha) {
        this.errorWatchAlpha = errorWatchAlpha;
    }

    public double getMaxErrorRate() {
        return maxErrorRate;
    }

    public void setMaxErrorRate(double maxErrorRate) {
        this.maxErrorRate = maxErrorRate;
    }

    public double getMaxP99Ms() {
        return maxP99Ms;
    }

    public void setMaxP99Ms(double maxP99Ms) {
        this.maxP99Ms = maxP99Ms;
    }

    public int getMinGuardRailRequests() {
        return minGuardRailRequests;
    }

    public void setMinGuardRailRequests(int minGuardRailRequests) {
        this.minGuardRailRequests = minGuardRailRequests;
    }
}
