package dev.msakit.platform.client;

import dev.msakit.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenewingServiceTokenTest {

    private final AtomicInteger logins = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));

    private RenewingServiceToken token() {
        return new RenewingServiceToken(() -> new RenewingServiceToken.Issued("t" + logins.incrementAndGet(), 900),
                clock);
    }

    @Test
    void logsInOnceAndAgainAMinuteBeforeTheTokenExpires() {
        RenewingServiceToken token = token();
        assertThat(token.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(839));
        assertThat(token.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(token.token()).isEqualTo("t2");
        assertThat(logins).hasValue(2);
    }

    @Test
    void aRefusedTokenIsForgottenAndTheNextCallLogsInAgain() {
        RenewingServiceToken token = token();
        token.token();
        token.forget();
        assertThat(token.token()).isEqualTo("t2");
    }

    @Test
    void anAnswerWithoutATokenIsAnError() {
        assertThatThrownBy(() -> new RenewingServiceToken.Issued(null, 900)).isInstanceOf(IllegalStateException.class);
    }
}
