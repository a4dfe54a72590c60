package dev.msakit.release.canary.judge;

import dev.msakit.contracts.release.LatencyHistogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Against R 4 ({@code wilcox.test(x, y, conf.int = TRUE, conf.level = 0.98, exact = FALSE, correct = TRUE)}), the
 * numbers printed by R for these very series. R's own root finder stops at 1e-4, hence the tolerance on the
 * interval; its estimate, on a flat stretch of the statistic, may be any point of it (v3).
 */
class MannWhitneyTest {

    @Test
    void shiftedSeriesWithoutTies() {
        double[] x = {12.1, 15.3, 11.8, 14.2, 13.9, 16.0, 12.7, 14.8, 15.5, 13.1, 12.4, 14.0};
        double[] y = {11.0, 12.2, 10.9, 13.1, 12.0, 11.7, 12.9, 11.4, 12.6, 10.8, 11.9, 12.3};
        MannWhitney.Result r = MannWhitney.test(x, y, 0.98);
        assertThat(r.getW()).isEqualTo(126.5);
        assertThat(r.getP()).isCloseTo(0.00181854697150149, within(1e-12));
        assertThat(r.getShift()).isCloseTo(1.9, within(1e-3));
        assertThat(r.getLow()).isCloseTo(0.500016400294742, within(1e-3));
        assertThat(r.getHigh()).isCloseTo(3.20002938646686, within(1e-3));
    }

    @Test
    void manyTiesNoSignificantShift() {
        double[] x = {5, 5, 6, 7, 7, 7, 8, 9, 10, 5, 6, 6};
        double[] y = {5, 6, 6, 7, 8, 8, 9, 9, 10, 11, 7, 8};
        MannWhitney.Result r = MannWhitney.test(x, y, 0.98);
        assertThat(r.getW()).isEqualTo(45.5);
        assertThat(r.getP()).isCloseTo(0.127813131647268, within(1e-12));
        assertThat(r.getShift()).isCloseTo(-1.0, within(1e-3));
        assertThat(r.getLow()).isCloseTo(-2.99998275553934, within(1e-3));
        assertThat(r.getHigh()).isCloseTo(0.999987820759932, within(1e-3));
    }

    @Test
    void completelySeparatedSamples() {
        double[] x = {1.5, 2.25, 3.125, 4.0, 10.5, 2.75, 3.5, 1.0};
        double[] y = {201.5, 202.25, 203.0, 204.5, 210.0, 202.75, 203.5, 201.0, 205.0};
        MannWhitney.Result r = MannWhitney.test(x, y, 0.98);
        assertThat(r.getW()).isZero();
        assertThat(r.getP()).isCloseTo(0.000635507924246913, within(1e-12));
        assertThat(r.getLow()).isCloseTo(-202.75000429319, within(1e-3));
        assertThat(r.getHigh()).isCloseTo(-197.874973049445, within(1e-3));
        assertThat(r.getShift()).isBetween(r.getLow(), r.getHigh());
    }

    /** Latency-like: R's set.seed(7); round(rlnorm(60, log(20), 0.3), 1) and rlnorm(70, log(23), 0.3). */
    @Test
    void latencyLikeSeriesOfDifferentSizes() {
        double[] x = {39.7, 14, 16.2, 17.7, 14.9, 15.1, 25, 19.3, 20.9, 38.6, 22.3, 45.2, 39.7, 22, 35.3, 23, 15.3,
            18.2, 20, 26.9, 25.7, 24.7, 29.6, 13.2, 29.3, 21.1, 25.1, 23.9, 14.9, 18.4, 15.4, 24.8, 20.7, 19.5, 17.6,
            16.9, 27, 14.4, 19.2, 22, 28.8, 16.2, 18.4, 13.5, 17.8, 17.7, 30, 23.9, 20.6, 26.4, 18.5, 20, 22.3,
            33.4, 24.8, 23.1, 12.5, 22, 21, 15.3};
        double[] y = {23.5, 24.1, 27.1, 28.4, 25.3, 32.1, 29, 32.5, 33.6, 28.4, 26.2, 17.4, 19.1, 17.7, 14.1, 15.5,
            17.6, 19.5, 22.6, 47.6, 25.5, 23, 23.2, 20.4, 18.1, 20.9, 20.7, 21, 13.5, 27.4, 37.6, 19, 27.7, 24.7,
            29.6, 19.4, 32.2, 14.5, 20.2, 22, 26.9, 27.4, 22.5, 16.2, 25.2, 14.2, 31, 31.3, 29.6, 23.8, 20.2, 26.4,
            27.9, 27.6, 17.6, 36.5, 15.8, 32, 30.9, 25.2, 14.4, 36.8, 28.3, 21.8, 28.6, 36.4, 26.8, 23.2, 14.8, 31.2};
        MannWhitney.Result r = MannWhitney.test(x, y, 0.98);
        assertThat(r.getW()).isEqualTo(1584.5);
        assertThat(r.getP()).isCloseTo(0.0161598384949206, within(1e-12));
        assertThat(r.getShift()).isCloseTo(-2.9, within(1e-3));
        assertThat(r.getLow()).isCloseTo(-5.69994951442162, within(1e-3));
        assertThat(r.getHigh()).isCloseTo(-0.100029879827718, within(1e-3));
    }

    @Test
    void allValuesTiedMeansNoEvidence() {
        MannWhitney.Result r = MannWhitney.test(new double[]{3, 3, 3}, new double[]{3, 3}, 0.98);
        assertThat(r.getP()).isEqualTo(1.0);
        assertThat(r.getShift()).isZero();
    }

    /**
     * A merged histogram (a count per bucket) tests as its latencies listed one by one, each at its bucket's value;
     * and the buckets move the verdict by no more than their half-percent width.
     */
    @Test
    void aHistogramTestsAsItsLatenciesListed() {
        java.util.Random random = new java.util.Random(3);
        double[] x = new double[3000];
        double[] y = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10.5 + random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + random.nextGaussian();
        }
        LatencyHistogram hx = LatencyHistogram.of(x);
        LatencyHistogram hy = LatencyHistogram.of(y);
        Latencies counted = Latencies.of(hx);
        assertThat(counted.count()).isEqualTo(3000);
        assertThat(counted.distinct()).isLessThan(200);

        MannWhitney.Result fromCounts = MannWhitney.test(counted, Latencies.of(hy), 0.98);
        MannWhitney.Result fromList = MannWhitney.test(hx.values(), hy.values(), 0.98);
        MannWhitney.Result exact = MannWhitney.test(x, y, 0.98);

        assertThat(fromCounts.getW()).isEqualTo(fromList.getW());
        assertThat(fromCounts.getP()).isEqualTo(fromList.getP());
        assertThat(fromCounts.getShift()).isEqualTo(fromList.getShift());
        assertThat(fromCounts.getLow()).isEqualTo(fromList.getLow());
        assertThat(fromCounts.getHigh()).isEqualTo(fromList.getHigh());
        assertThat(fromCounts.getShift()).isCloseTo(exact.getShift(), within(0.05));
        assertThat(fromCounts.getLow()).isCloseTo(exact.getLow(), within(0.05));
        assertThat(exact.getShift()).isCloseTo(0.5, within(0.15));
    }
}
