package dev.msakit.member.token;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The refresh_token table: hashes only, grouped in families (one per login). */
@Repository
class RefreshTokenStore {

    private final JdbcTemplate jdbc;

    RefreshTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, UUID family, long memberId, Instant issuedAt, Instant expiresAt) {
        jdbc.update("INSERT INTO refresh_token (token_hash, family_id, member_id, issued_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)", hash, family, memberId, Timestamp.from(issuedAt),
                Timestamp.from(expiresAt));
    }

    /** The token's row, locked until the transaction ends (two refreshes with one token: the second waits). */
    Optional<StoredRefreshToken> findForUpdate(String hash) {
        return jdbc.query("SELECT family_id, member_id, expires_at, used_at IS NOT NULL, revoked_at IS NOT NULL"
                        + " FROM refresh_token WHERE token_hash = ? FOR UPDATE",
                (row, n) -> new StoredRefreshToken(row.getObject(1, UUID.class), row.getLong(2),
                        row.getTimestamp(3).toInstant(), row.getBoolean(4), row.getBoolean(5)), hash)
                .stream().findFirst();
    }

    void markUsed(String hash, Instant at) {
        jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(at), hash);
    }

    int revokeFamily(UUID family, Instant at) {
        return jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(at), family);
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM refresh_token WHERE expires_at < ?", Timestamp.from(cutoff));
    }

    static final class StoredRefreshToken {
        final UUID family;
        final long memberId;
        final Instant expiresAt;
        final boolean used;
        final boolean revoked;

        StoredRefreshToken(UUID family, long memberId, Instant expiresAt, boolean used, boolean revoked) {
            this.family = family;
            this.memberId = memberId;
            this.expiresAt = expiresAt;
            this.used = used;
            this.revoked = revoked;
        }
    }
}
