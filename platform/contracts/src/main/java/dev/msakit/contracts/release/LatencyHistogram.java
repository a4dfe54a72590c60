package dev.msakit.contracts.release;

import java.util.Arrays;

/**
 * Latencies as counts per bucket, which merge by adding counts: a release is judged on the sum of every gateway's
 * reports, and samples of values do not sum (each gateway's sample stands for a different number of answers).
 * Buckets are 0.01 ms wide below 1 ms, then 1 % wide (log-linear, as HdrHistogram's two significant digits) up to
 * ten minutes; a value is told by its bucket's middle, within 0.5 % of it, well inside what the judge tolerates.
 * On the wire, sparse: the buckets that counted something, rising, and their counts.
 */
public class LatencyHistogram {

    private static final int SUB_MILLISECOND = 100;
    private static final double LOG_GROWTH = Math.log(1.01);
    /** The last bucket; it also takes anything slower than ten minutes. */
    public static final int MAX_BUCKET = SUB_MILLISECOND + (int) Math.floor(Math.log(600_000) / LOG_GROWTH);

    private int[] buckets = new int[0];
    private long[] counts = new long[0];

    public LatencyHistogram() {
    }

    public LatencyHistogram(int[] buckets, long[] counts) {
        this.buckets = buckets;
        this.counts = counts;
    }

    /** From counts indexed by bucket (a recorder's dense array, or a merge's). */
    public static LatencyHistogram fromCounts(long[] perBucket) {
        int used = 0;
        for (long count : perBucket) {
            used += count > 0 ? 1 : 0;
        }
        int[] buckets = new int[used];
        long[] counts = new long[used];
        int at = 0;
        for (int bucket = 0; bucket < perBucket.length; bucket++) {
            if (perBucket[bucket] > 0) {
                buckets[at] = bucket;
                counts[at++] = perBucket[bucket];
            }
        }
        return new LatencyHistogram(buckets, counts);
    }

    public static LatencyHistogram of(double... latenciesMs) {
        long[] perBucket = new long[MAX_BUCKET + 1];
        for (double ms : latenciesMs) {
            perBucket[bucketOf(ms)]++;
        }
        return fromCounts(perBucket);
    }

    /** The bucket a latency falls in (anything not above zero in the first). */
    public static int bucketOf(double ms) {
        if (!(ms > 0)) {
            return 0;
        }
        if (ms < 1) {
            return (int) (ms * SUB_MILLISECOND);
        }
        return (int) Math.min(MAX_BUCKET, SUB_MILLISECOND + Math.floor(Math.log(ms) / LOG_GROWTH));
    }

    /** The latency a bucket stands for: its middle. */
    public static double valueOf(int bucket) {
        if (bucket < SUB_MILLISECOND) {
            return (bucket + 0.5) / SUB_MILLISECOND;
        }
        return Math.exp((bucket - SUB_MILLISECOND + 0.5) * LOG_GROWTH);
    }

    /** Adds this histogram's counts into counts indexed by bucket (at least MAX_BUCKET + 1 long). */
    public void addTo(long[] perBucket) {
        for (int i = 0; i < buckets.length; i++) {
            perBucket[buckets[i]] += counts[i];
        }
    }

    /** Every latency counted, as its bucket's value, rising. */
    public double[] values() {
        long total = total();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many latencies to list: " + total);
        }
        double[] values = new double[(int) total];
        int at = 0;
        for (int i = 0; i < buckets.length; i++) {
            Arrays.fill(values, at, at + (int) counts[i], valueOf(buckets[i]));
            at += (int) counts[i];
        }
        return values;
    }

    /** How many latencies it counts; ArithmeticException past Long.MAX_VALUE (only a forged one can). */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total = Math.addExact(total, count);
        }
        return total;
    }

    /** What is wrong with it as received, or null when nothing is. */
    public String problem() {
        if (buckets == null || counts == null) {
            return "buckets and counts are both needed";
        }
        if (buckets.length != counts.length) {
            return "buckets and counts differ in length (" + buckets.length + " and " + counts.length + ")";
        }
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] < 0 || buckets[i] > MAX_BUCKET) {
                return "bucket " + buckets[i] + " is not in 0.." + MAX_BUCKET;
            }
            if (i > 0 && buckets[i] <= buckets[i - 1]) {
                return "buckets must rise";
            }
            if (counts[i] < 1) {
                return "counts must be positive";
            }
        }
        try {
            total();
        } catch (ArithmeticException e) {
            return "counts too large";
        }
        return null;
    }

    public int[] getBuckets() {
        return buckets;
    }

    public void setBuckets(int[] buckets) {
        this.buckets = buckets;
    }

    public long[] getCounts() {
        return counts;
    }

    public void setCounts(long[] counts) {
        this.counts = counts;
    }
}
