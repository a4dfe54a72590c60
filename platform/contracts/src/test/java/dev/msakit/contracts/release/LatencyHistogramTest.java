package dev.msakit.contracts.release;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void everyLatencyIsToldByItsBucketWithinHalfAPercentOrFiveMicroseconds() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double ms = Math.exp(random.nextDouble() * Math.log(600_000 / 0.01)) * 0.01;
            double told = LatencyHistogram.valueOf(LatencyHistogram.bucketOf(ms));
            assertThat(Math.abs(told - ms)).as("%s ms", ms).isLessThanOrEqualTo(Math.max(0.005 * ms, 0.005) + 1e-9);
        }
        assertThat(LatencyHistogram.bucketOf(0)).isZero();
        assertThat(LatencyHistogram.bucketOf(-3)).isZero();
        assertThat(LatencyHistogram.bucketOf(Double.NaN)).isZero();
        assertThat(LatencyHistogram.bucketOf(3_600_000)).isEqualTo(LatencyHistogram.MAX_BUCKET);
        assertThat(LatencyHistogram.bucketOf(0.999)).isLessThan(LatencyHistogram.bucketOf(1.0));
    }

    @Test
    void histogramsAddUpToTheHistogramOfAllTheirLatencies() {
        double[] a = {0.2, 3, 3, 17.5, 250};
        double[] b = {3, 17.6, 4000};
        long[] sum = new long[LatencyHistogram.MAX_BUCKET + 1];
        LatencyHistogram.of(a).addTo(sum);
        LatencyHistogram.of(b).addTo(sum);

        LatencyHistogram merged = LatencyHistogram.fromCounts(sum);

        LatencyHistogram all = LatencyHistogram.of(0.2, 3, 3, 17.5, 250, 3, 17.6, 4000);
        assertThat(merged.getBuckets()).containsExactly(all.getBuckets());
        assertThat(merged.getCounts()).containsExactly(all.getCounts());
        assertThat(merged.total()).isEqualTo(8);
        double[] values = merged.values();
        assertThat(values).hasSize(8);
        assertThat(values[1]).isCloseTo(3, within(0.015)).isEqualTo(values[2]).isEqualTo(values[3]);
        assertThat(values[7]).isCloseTo(4000, within(20.0));
        assertThat(merged.problem()).isNull();
    }

    @Test
    void saysWhatIsWrongWithAForgedOne() {
        assertThat(new LatencyHistogram(new int[] {5, 5}, new long[] {1, 1}).problem()).isEqualTo("buckets must rise");
        assertThat(new LatencyHistogram(new int[] {5}, new long[] {1, 1}).problem())
                .isEqualTo("buckets and counts differ in length (1 and 2)");
        assertThat(new LatencyHistogram(new int[] {5}, new long[] {0}).problem()).isEqualTo("counts must be positive");
        assertThat(new LatencyHistogram(new int[] {LatencyHistogram.MAX_BUCKET + 1}, new long[] {1}).problem())
                .startsWith("bucket " + (LatencyHistogram.MAX_BUCKET + 1) + " is not in 0..");
        assertThat(new LatencyHistogram(new int[] {1, 2}, new long[] {Long.MAX_VALUE, 1}).problem())
                .isEqualTo("counts too large");
        assertThat(new LatencyHistogram(null, new long[0]).problem()).isEqualTo("buckets and counts are both needed");
    }
}
