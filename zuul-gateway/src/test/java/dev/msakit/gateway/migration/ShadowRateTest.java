package dev.msakit.gateway.migration;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-feature bound on shadow replays: a second's worth at once, then the refill rate; 0 means no bound. */
class ShadowRateTest {

    @Test
    void aBurstGetsOneSecondsWorthPerFeatureAndTheRestIsRefused() {
        ShadowRate rate = new ShadowRate(20);

        long catalog = IntStream.range(0, 100).filter(i -> rate.tryAcquire("catalog")).count();
        long ordering = IntStream.range(0, 100).filter(i -> rate.tryAcquire("ordering")).count();

        assertThat(catalog).isBetween(20L, 21L);
        assertThat(ordering).as("each feature has its own").isBetween(20L, 21L);
    }

    @Test
    void itRefillsAtTheRate() throws InterruptedException {
        ShadowRate rate = new ShadowRate(20);
        IntStream.range(0, 100).forEach(i -> rate.tryAcquire("catalog"));

        Thread.sleep(250);

        long after = IntStream.range(0, 100).filter(i -> rate.tryAcquire("catalog")).count();
        assertThat(after).as("about 5 in a quarter of a second").isBetween(3L, 10L);
    }

    @Test
    void zeroMeansNoBound() {
        ShadowRate unbounded = new ShadowRate(0);
        assertThat(IntStream.range(0, 10_000).allMatch(i -> unbounded.tryAcquire("catalog"))).isTrue();
    }
}
