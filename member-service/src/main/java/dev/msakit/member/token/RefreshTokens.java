package dev.msakit.member.token;

import dev.msakit.member.token.RefreshTokenStore.StoredRefreshToken;
import dev.msakit.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens with rotation (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2): opaque, 256 random bits, stored as a hash. A
 * refresh uses its token up and hands out the next one of the same family (the login); a used token presented again
 * means two parties hold it, so the whole family is revoked and both must log in again. Logout revokes the family.
 * Access tokens already issued stay valid until they expire (at most TOKEN_TTL): that is the price of verifying
 * them without a call to the issuer, and why their life is short.
 */
@Service
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final int TOKEN_BYTES = 32;
    private static final String INVALID = "The refresh token is invalid, expired or revoked: log in again";

    private final RefreshTokenStore store;
    private final TransactionTemplate transactions;
    private final TokenProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenStore store, TransactionTemplate transactions, TokenProperties properties,
                         Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new family for a login; answers the first refresh token. */
    public TokenIssuer.IssuedToken start(long memberId) {
        return transactions.execute(status -> add(UUID.randomUUID(), memberId));
    }

    /**
     * Uses the token up and answers the member it speaks for with the family's next token. 401 for an unknown,
     * expired or revoked token; a token already used revokes its family (committed before the 401).
     */
    public Redeemed redeem(String token) {
        String hash = Sha256.hex(token);
        Instant now = clock.instant();
        Outcome outcome = transactions.execute(status -> {
            Optional<StoredRefreshToken> found = store.findForUpdate(hash);
            if (found.isEmpty() || found.get().revoked || !found.get().expiresAt.isAfter(now)) {
                return new Outcome(null, null);
            }
            StoredRefreshToken stored = found.get();
            if (stored.used) {
                store.revokeFamily(stored.family, now);
                return new Outcome(null, stored.family);
            }
            store.markUsed(hash, now);
            return new Outcome(new Redeemed(stored.memberId, add(stored.family, stored.memberId)), null);
        });
        if (outcome.reusedFamily != null) {
            log.warn("A used refresh token was presented again: session {} revoked", outcome.reusedFamily);
            throw ApiException.unauthorized("The refresh token was already used: this session is revoked, log in"
                    + " again");
        }
        if (outcome.redeemed == null) {
            throw ApiException.unauthorized(INVALID);
        }
        return outcome.redeemed;
    }

    /** Ends the token's session (its family). An unknown token is not an error (RFC 7009 §2.2). */
    public void revoke(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> store.findForUpdate(Sha256.hex(token))
                .ifPresent(stored -> store.revokeFamily(stored.family, now)));
    }

    @Scheduled(fixedDelayString = "${member.token.refresh-cleanup-interval-ms:3600000}")
    public void deleteExpired() {
        int deleted = store.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
        if (deleted > 0) {
            log.info("Deleted {} expired refresh tokens", deleted);
        }
    }

    private TokenIssuer.IssuedToken add(UUID family, long memberId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.insert(Sha256.hex(token), family, memberId, now, now.plus(properties.getRefreshTtl()));
        return new TokenIssuer.IssuedToken(token, properties.getRefreshTtl().getSeconds());
    }


    private static final class Outcome {
        final Redeemed redeemed;
        final UUID reusedFamily;

        Outcome(Redeemed redeemed, UUID reusedFamily) {
            this.redeemed = redeemed;
            this.reusedFamily = reusedFamily;
        }
    }

    /** The member a redeemed token spoke for, and the family's next token. */
    public static final class Redeemed {
        private final long memberId;
        private final TokenIssuer.IssuedToken next;

        Redeemed(long memberId, TokenIssuer.IssuedToken next) {
            this.memberId = memberId;
            this.next = next;
        }

        public long getMemberId() {
            return memberId;
        }

        public TokenIssuer.IssuedToken getNext() {
            return next;
        }
    }
}
