package dev.msakit.release.canary.judge;

import dev.msakit.contracts.release.LatencyHistogram;

import java.util.Arrays;

/**
 * A sample of latencies as its distinct values, rising, each with how often it occurs: what the gateways' merged
 * histograms give (a value per bucket), and what the rank test works on without listing every answer.
 */
public final class Latencies {

    private static final Latencies NONE = new Latencies(new double[0], new long[0]);

    private final double[] values;
    private final long[] counts;
    private final long total;

    private Latencies(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        this.total = sum;
    }

    public static Latencies none() {
        return NONE;
    }

    /** Exact values, in any order. */
    public static Latencies of(double... ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        double[] values = new double[distinct];
        long[] counts = new long[distinct];
        int at = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++at] = sorted[i];
            }
            counts[at]++;
        }
        return new Latencies(values, counts);
    }

    /** Each bucket's count at the bucket's value. */
    public static Latencies of(LatencyHistogram histogram) {
        int[] buckets = histogram.getBuckets();
        double[] values = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            values[i] = LatencyHistogram.valueOf(buckets[i]);
        }
        return new Latencies(values, histogram.getCounts().clone());
    }

    public long count() {
        return total;
    }

    /** The q-quantile (nearest rank), or NaN without any value. */
    public double quantile(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, Math.min(total, (long) Math.ceil(q * total)));
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Every value as often as it occurs, rising. */
    public double[] toArray() {
        double[] all = new double[Math.toIntExact(total)];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(all, at, at + (int) counts[i], values[i]);
            at += (int) counts[i];
        }
        return all;
    }

    int distinct() {
        return values.length;
    }

    double value(int i) {
        return values[i];
    }

    long countOf(int i) {
        return counts[i];
    }
}
