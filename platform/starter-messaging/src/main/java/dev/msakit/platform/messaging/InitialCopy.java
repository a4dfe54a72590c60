package dev.msakit.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a data set to another system once in a database's life: the caller writes every record to the {@link Outbox}
 * in the same transaction that records the copy as queued, so a crash leaves either the whole copy queued or none of
 * it, and a later start (or a second instance at the same moment) does not send it again.
 */
public class InitialCopy {

    private static final Logger log = LoggerFactory.getLogger(InitialCopy.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public InitialCopy(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code copy} (which returns how many records it queued) unless a copy of this name was queued before. */
    public void once(String name, java.util.function.IntSupplier copy) {
        transactions.executeWithoutResult(status -> {
            // The row is the lock: a second instance inserting the same name waits for this transaction, then skips.
            if (jdbc.update("INSERT INTO initial_copy (name) VALUES (?) ON CONFLICT (name) DO NOTHING", name) == 0) {
                return;
            }
            log.info("Initial copy {} queued: {} record(s)", name, copy.getAsInt());
        });
    }
}
