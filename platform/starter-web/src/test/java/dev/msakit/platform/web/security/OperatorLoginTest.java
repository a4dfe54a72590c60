package dev.msakit.platform.web.security;

import dev.msakit.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorLoginTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final OperatorLogin login = new OperatorLogin("operator", "right-password", clock, "ADMIN_UI");

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneUntilTheWindowPasses() {
        for (int i = 0; i < OperatorLogin.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(attempt("right-password"))).isInstanceOf(LockedException.class);

        clock.advance(OperatorLogin.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(login.authenticate(attempt("right-password")).isAuthenticated()).isTrue();
    }

    @Test
    void aGoodLoginForgetsEarlierFailures() {
        for (int i = 0; i < OperatorLogin.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login.authenticate(attempt("right-password")).getAuthorities()).extracting("authority")
                .containsExactly("ROLE_ADMIN_UI");
        assertThatThrownBy(() -> login.authenticate(attempt("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(login.authenticate(attempt("right-password")).isAuthenticated()).isTrue();
    }

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        return new UsernamePasswordAuthenticationToken("operator", password);
    }
}
