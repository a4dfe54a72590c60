package dev.msakit.member.token;

import dev.msakit.member.domain.MemberService;
import dev.msakit.platform.domain.DomainException;
import dev.msakit.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Password guessing per account, whatever address it comes from (the gateway limits per address; a botnet has many):
 * after {@code max-failures} wrong passwords within {@code window}, the account's logins are refused with 429 and
 * Retry-After until the window ends, even with the right password. Kept in the database, so every member-service
 * instance counts alike. Unknown accounts are counted the same way: the answer never tells whether one exists. The
 * price: someone who knows an address can keep its owner out for a window at a time (the gateway's per-address
 * login limit slows that down); a successful login clears the count.
 */
@Service
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public LoginAttempts(JdbcTemplate jdbc, Clock clock,
                         @Value("${member.login.max-failures:5}") int maxFailures,
                         @Value("${member.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** A member's login for this e-mail address. */
    public <T> T member(String email, Supplier<T> attempt) {
        return guard("member:" + MemberService.normalize(email), attempt);
    }

    /** A service account's token request. */
    public <T> T serviceClient(String clientId, Supplier<T> attempt) {
        return guard("client:" + clientId, attempt);
    }

    private <T> T guard(String account, Supplier<T> attempt) {
        String key = Sha256.hex(account);
        Instant now = clock.instant();
        refuseWhileBlocked(key, now);
        T result;
        try {
            result = attempt.get();
        } catch (DomainException refused) {
            if (refused.getKind() == DomainException.Kind.NOT_AUTHENTICATED) {
                recordFailure(key, now);
            }
            throw refused;
        }
        jdbc.update("DELETE FROM failed_login WHERE key_hash = ?", key);
        return result;
    }

    private void refuseWhileBlocked(String key, Instant now) {
        jdbc.query("SELECT failures, window_started FROM failed_login WHERE key_hash = ?", row -> {
            Instant ends = row.getTimestamp(2).toInstant().plus(window);
            if (row.getInt(1) >= maxFailures && ends.isAfter(now)) {
                log.warn("Login refused: {} failed attempts for one account within {}", row.getInt(1), window);
                throw ApiException.tooManyRequests("Too many failed logins for this account: try again later",
                        Duration.between(now, ends));
            }
        }, key);
    }

    private void recordFailure(String key, Instant now) {
        // One statement, so concurrent failures all count: a window that has ended starts again at 1.
        Timestamp at = Timestamp.from(now);
        Timestamp windowEndedBefore = Timestamp.from(now.minus(window));
        jdbc.update("INSERT INTO failed_login (key_hash, failures, window_started) VALUES (?, 1, ?)"
                + " ON CONFLICT (key_hash) DO UPDATE SET"
                + " failures = CASE WHEN failed_login.window_started <= ? THEN 1 ELSE failed_login.failures + 1 END,"
                + " window_started = CASE WHEN failed_login.window_started <= ? THEN EXCLUDED.window_started"
                + " ELSE failed_login.window_started END", key, at, windowEndedBefore, windowEndedBefore);
    }

    @Scheduled(fixedDelayString = "${member.login.cleanup-interval-ms:600000}")
    public void forgetEndedWindows() {
        jdbc.update("DELETE FROM failed_login WHERE window_started < ?",
                Timestamp.from(clock.instant().minus(window)));
    }

}
