package dev.msakit.order.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7240's wait preference as clients send it, and what the server makes of it. */
class PreferWaitTest {

    private static final Duration CAP = Duration.ofSeconds(10);

    @Test
    void readsWaitAmongOtherPreferencesInAnyCaseAndQuoting() {
        assertThat(PreferWait.parse(List.of("respond-async, wait=5"), CAP)).contains(Duration.ofSeconds(5));
        assertThat(PreferWait.parse(List.of("return=minimal", "WAIT=3"), CAP)).contains(Duration.ofSeconds(3));
        assertThat(PreferWait.parse(List.of("wait=\"4\"; foo=bar"), CAP)).contains(Duration.ofSeconds(4));
        assertThat(PreferWait.parse(List.of("wait=0"), CAP)).contains(Duration.ZERO);
    }

    @Test
    void capsTheWaitAtTheServersBound() {
        assertThat(PreferWait.parse(List.of("wait=3600"), CAP)).contains(CAP);
    }

    @Test
    void ignoresWhatItCannotUnderstandAsTheRfcAsks() {
        assertThat(PreferWait.parse(null, CAP)).isEqualTo(Optional.empty());
        assertThat(PreferWait.parse(List.of("respond-async"), CAP)).isEmpty();
        assertThat(PreferWait.parse(List.of("wait=soon"), CAP)).isEmpty();
        assertThat(PreferWait.parse(List.of("wait=-1"), CAP)).isEmpty();
        assertThat(PreferWait.parse(List.of("wait=99999999999999"), CAP)).isEmpty();
        assertThat(PreferWait.parse(List.of("waiting=5"), CAP)).isEmpty();
    }
}
