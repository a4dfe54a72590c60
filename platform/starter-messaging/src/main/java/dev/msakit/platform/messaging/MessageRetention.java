package dev.msakit.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps both tables from growing forever: published outbox rows and inbox rows older than their retention are
 * deleted in small batches (short transactions, no long locks), by whichever instance runs it; deleting twice is
 * harmless.
 */
public class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;

    public MessageRetention(JdbcTemplate jdbc, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Returns how many rows it deleted. */
    public int purge() {
        int outbox = purge("DELETE FROM outbox_message WHERE id IN (SELECT id FROM outbox_message"
                + " WHERE published_at < ? LIMIT " + BATCH + ")", properties.getOutbox().getRetention());
        int inbox = purge("DELETE FROM processed_message WHERE (consumer, message_id) IN (SELECT consumer, message_id"
                + " FROM processed_message WHERE processed_at < ? LIMIT " + BATCH + ")",
                properties.getInbox().getRetention());
        if (outbox + inbox > 0) {
            log.info("Purged {} published outbox messages and {} inbox entries past their retention", outbox, inbox);
        }
        return outbox + inbox;
    }

    private int purge(String sql, Duration retention) {
        Timestamp before = Timestamp.from(Instant.now().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, before);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
