package dev.msakit.member.token;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The token_signing_key table (sealed private keys) and the plain-text key table it replaces. */
@Repository
class SigningKeyStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    SigningKeyStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Every stored key, the earliest signer first. */
    List<StoredKey> all() {
        return jdbc.query("SELECT kid, private_key_sealed, created_at, signs_from FROM token_signing_key"
                        + " ORDER BY signs_from, created_at",
                (row, n) -> new StoredKey(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant()));
    }

    void insert(StoredKey key) {
        jdbc.update("INSERT INTO token_signing_key (kid, private_key_sealed, created_at, signs_from)"
                        + " VALUES (?, ?, ?, ?)", key.kid, key.sealed, Timestamp.from(key.createdAt),
                Timestamp.from(key.signsFrom));
    }

    void delete(String kid) {
        jdbc.update("DELETE FROM token_signing_key WHERE kid = ?", kid);
    }

    /** The key of the first versions, kept in plain text: read once to be sealed, then deleted. */
    Optional<PlainKey> plainTextKey() {
        return jdbc.query("SELECT private_key_pem, created_at FROM signing_key", (row, n) ->
                new PlainKey(row.getString(1), row.getTimestamp(2).toInstant())).stream().findFirst();
    }

    void deletePlainTextKeys() {
        jdbc.update("DELETE FROM signing_key");
    }

    /**
     * Runs the work in a transaction holding the table's write lock, so that two instances starting or rotating
     * at once do not both add a key (the second sees the first one's).
     */
    <T> T exclusively(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.execute("LOCK TABLE token_signing_key IN SHARE ROW EXCLUSIVE MODE");
            return work.get();
        });
    }

    static final class StoredKey {
        final String kid;
        final String sealed;
        final Instant createdAt;
        final Instant signsFrom;

        StoredKey(String kid, String sealed, Instant createdAt, Instant signsFrom) {
            this.kid = kid;
            this.sealed = sealed;
            this.createdAt = createdAt;
            this.signsFrom = signsFrom;
        }
    }

    static final class PlainKey {
        final String pem;
        final Instant createdAt;

        PlainKey(String pem, Instant createdAt) {
            this.pem = pem;
            this.createdAt = createdAt;
        }
    }
}
