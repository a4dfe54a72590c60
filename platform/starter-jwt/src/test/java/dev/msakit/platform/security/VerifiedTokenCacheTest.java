package dev.msakit.platform.security;

import dev.msakit.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final AtomicInteger verifications = new AtomicInteger();
    /** Stands for the signature and claim checks: each token's expiry, and which tokens fail. */
    private final Map<String, Instant> expiries = new HashMap<>();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        Instant expiresAt = expiries.get(token);
        if (expiresAt == null) {
            throw new BadJwtException("bad signature");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("member-" + token)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(15))).expiresAt(expiresAt).build();
    };

    @Test
    void aRepeatedTokenIsVerifiedOnceAndAnswersTheSameClaims() {
        expiries.put("a", START.plus(Duration.ofMinutes(15)));
        expiries.put("b", START.plus(Duration.ofMinutes(15)));
        JwtDecoder cached = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), clock);

        Jwt first = cached.decode("a");
        for (int i = 0; i < 10; i++) {
            assertThat(cached.decode("a").getSubject()).isEqualTo(first.getSubject());
        }
        assertThat(verifications).hasValue(1);
        assertThat(cached.decode("b").getSubject()).isEqualTo("member-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aFailureIsNeverRememberedEachTryIsCheckedAgain() {
        JwtDecoder cached = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cached.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aRememberedTokenIsCheckedAgainOnceItExpiresAndRefusedWithTheVerifiersError() {
        expiries.put("short", START.plus(Duration.ofSeconds(30)));
        JwtDecoder cached = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), clock);
        cached.decode("short");
        clock.advance(Duration.ofSeconds(29));
        cached.decode("short");
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cached.decode("short")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void noTokenIsRememberedLongerThanTheMaximumAge() {
        expiries.put("long", START.plus(Duration.ofHours(1)));
        JwtDecoder cached = new VerifiedTokenCache(verifier, 100, Duration.ofSeconds(60), clock);
        cached.decode("long");
        clock.advance(Duration.ofSeconds(59));
        cached.decode("long");
        assertThat(verifications).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        cached.decode("long");
        assertThat(verifications).as("the key that signed it is asked again").hasValue(2);
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        VerifiedTokenCache cached = new VerifiedTokenCache(verifier, 50, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 500; i++) {
            expiries.put("t" + i, START.plus(Duration.ofMinutes(15)));
            cached.decode("t" + i);
        }
        assertThat(cached.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void sizeZeroSwitchesTheCacheOff() {
        expiries.put("a", START.plus(Duration.ofMinutes(15)));
        JwtDecoder decoder = VerifiedTokenCache.around(verifier, 0, Duration.ofSeconds(60), clock);
        decoder.decode("a");
        decoder.decode("a");
        assertThat(decoder).isSameAs(verifier);
        assertThat(verifications).hasValue(2);
    }
}
