package dev.msakit.release.canary.judge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Against R's fisher.test(matrix(c(ce, cn - ce, be, bn - be), 2), alternative = "greater")$p.value. */
class ErrorRatesTest {

    @Test
    void matchesR() {
        assertThat(ErrorRates.canaryWorseP(3, 1000, 0, 1000)).isCloseTo(0.124812406203102, within(1e-12));
        assertThat(ErrorRates.canaryWorseP(30, 1000, 10, 1000)).isCloseTo(0.001004166780915, within(1e-12));
        assertThat(ErrorRates.canaryWorseP(12, 200, 1, 210)).isCloseTo(0.00111836588028115, within(1e-12));
    }

    @Test
    void noErrorsAnywhereIsNoEvidence() {
        assertThat(ErrorRates.canaryWorseP(0, 500, 0, 500)).isEqualTo(1.0);
        assertThat(ErrorRates.canaryWorseP(0, 0, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> ErrorRates.canaryWorseP(5, 3, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
