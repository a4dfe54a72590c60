package dev.msakit.release.canary.judge;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Mann–Whitney (Wilcoxon rank-sum) test with a confidence interval on the location shift, as R's
 * {@code wilcox.test(x, y, conf.int = TRUE, exact = FALSE, correct = TRUE)} computes it (and Kayenta ports): normal
 * approximation with tie and continuity corrections; the interval's ends are the shifts d at which the rank-sum
 * statistic of (x - d, y) crosses the normal quantiles. Latency samples are large (dozens to thousands) and full of
 * ties (milliseconds), where R also leaves the exact distribution.
 *
 * <p>Each evaluation merges the two samples' distinct values (x shifted stays sorted), so a test costs O(distinct
 * values) per bisection step however many answers the merged histograms count.
 */
public final class MannWhitney {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Bisection stops below this width; R's uniroot stops at 1e-4, the interval's ends are jump points. */
    private static final double TOLERANCE = 1e-7;
    private static final int MAX_STEPS = 200;

    private MannWhitney() {
    }

    /**
     * @param x          the first sample (the canary's latencies)
     * @param y          the second sample (the baseline's)
     * @param confidence the interval's confidence level, e.g. 0.98
     * @return W, the p-value, the shift of x over y and its interval
     */
    public static Result test(double[] x, double[] y, double confidence) {
        return test(Latencies.of(x), Latencies.of(y), confidence);
    }

    /** The same on samples given as distinct values with their counts. */
    public static Result test(Latencies xs, Latencies ys, double confidence) {
        if (xs.count() == 0 || ys.count() == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        RankSum at0 = rankSum(xs, 0, ys);
        double nx = xs.count();
        double ny = ys.count();
        double w = at0.sumX - nx * (nx + 1) / 2;
        double sigma = sigma(nx, ny, at0.ties);
        double p;
        if (sigma == 0) {
            p = 1; // every value tied: no evidence of a shift
        } else {
            double z = w - nx * ny / 2;
            z = (z - Math.signum(z) * 0.5) / sigma;
            p = Math.min(1, 2 * Math.min(NORMAL.cumulativeProbability(z), 1 - NORMAL.cumulativeProbability(z)));
        }
        double low;
        double high;
        double estimate;
        if (sigma == 0) {
            low = xs.value(0) - ys.value(0);
            high = low;
            estimate = low;
        } else {
            double alpha = 1 - confidence;
            double muMin = xs.value(0) - ys.value(ys.distinct() - 1);
            double muMax = xs.value(xs.distinct() - 1) - ys.value(0);
            low = root(xs, ys, muMin, muMax, NORMAL.inverseCumulativeProbability(1 - alpha / 2), true);
            high = root(xs, ys, muMin, muMax, NORMAL.inverseCumulativeProbability(alpha / 2), true);
            estimate = root(xs, ys, muMin, muMax, 0, false);
        }
        return new Result(w, p, estimate, low, high);
    }

    /** The d in [min, max] where the standardized statistic of (x - d, y) crosses zq (it falls as d grows). */
    private static double root(Latencies xs, Latencies ys, double min, double max, double zq, boolean correct) {
        double fMin = standardized(xs, ys, min, zq, correct);
        if (fMin <= 0) {
            return min;
        }
        double fMax = standardized(xs, ys, max, zq, correct);
        if (fMax >= 0) {
            return max;
        }
        double lo = min;
        double hi = max;
        for (int i = 0; i < MAX_STEPS && hi - lo > TOLERANCE * Math.max(1, Math.abs(lo)); i++) {
            double mid = (lo + hi) / 2;
            double f = standardized(xs, ys, mid, zq, correct);
            if (f == 0) {
                return mid;
            }
            if (f > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double standardized(Latencies xs, Latencies ys, double d, double zq, boolean correct) {
        RankSum sum = rankSum(xs, d, ys);
        double nx = xs.count();
        double ny = ys.count();
        double dz = sum.sumX - nx * (nx + 1) / 2 - nx * ny / 2;
        double correction = correct ? Math.signum(dz) * 0.5 : 0;
        double sigma = sigma(nx, ny, sum.ties);
        return (dz - correction) / sigma - zq;
    }

    private static double sigma(double nx, double ny, double ties) {
        double n = nx + ny;
        return Math.sqrt((nx * ny / 12) * ((n + 1) - ties / (n * (n - 1))));
    }

    /** Sum of the (mid-)ranks of x - d among (x - d, y), and the tie term sum(t^3 - t). */
    private static RankSum rankSum(Latencies xs, double d, Latencies ys) {
        int i = 0;
        int j = 0;
        long rank = 0; // ranks used so far
        double sumX = 0;
        double ties = 0;
        while (i < xs.distinct() || j < ys.distinct()) {
            double value = i < xs.distinct() && (j >= ys.distinct() || xs.value(i) - d <= ys.value(j))
                    ? xs.value(i) - d : ys.value(j);
            double fromX = 0;
            double fromY = 0;
            while (i < xs.distinct() && xs.value(i) - d == value) {
                fromX += xs.countOf(i++);
            }
            while (j < ys.distinct() && ys.value(j) == value) {
                fromY += ys.countOf(j++);
            }
            double t = fromX + fromY;
            double midRank = rank + (t + 1) / 2;
            sumX += fromX * midRank;
            ties += t * t * t - t;
            rank += (long) t;
        }
        return new RankSum(sumX, ties);
    }

    private static final class RankSum {
        final double sumX;
        final double ties;

        RankSum(double sumX, double ties) {
            this.sumX = sumX;
            this.ties = ties;
        }
    }

    /** W (rank sum of x minus its minimum), two-sided p, the shift of x over y and its confidence interval. */
    public static final class Result {
        private final double w;
        private final double p;
        private final double shift;
        private final double low;
        private final double high;

        Result(double w, double p, double shift, double low, double high) {
            this.w = w;
            this.p = p;
            this.shift = shift;
            this.low = low;
            this.high = high;
        }

        public double getW() {
            return w;
        }

        public double getP() {
            return p;
        }

        public double getShift() {
            return shift;
        }

        public double getLow() {
            return low;
        }

        public double getHigh() {
            return high;
        }
    }
}
