package dev.msakit.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead letters of this service's consumers, in its own database: written in the transaction that gives a
 * message up (with its compensation), then redriven or discarded by an operator, each at most once (the row is
 * locked and must still be parked). A redrive writes the message to the outbox again under a new id, so the
 * consumer takes it like any other message, exactly once (its inbox).
 */
public class DeadLetterStore {

    private static final String COLUMNS = "id, consumer, message_id, topic, partition_no, record_offset,"
            + " message_key, message_type, payload, trace_id, reason, compensated, status, failed_at, resolved_at,"
            + " resolved_by, resolution, redriven_as";
    private static final RowMapper<StoredDeadLetter> ROW = (rs, n) -> new StoredDeadLetter(rs.getLong("id"),
            rs.getString("consumer"), rs.getObject("message_id", UUID.class), rs.getString("topic"),
            rs.getInt("partition_no"), rs.getLong("record_offset"), rs.getString("message_key"),
            rs.getString("message_type"), rs.getString("payload"), rs.getString("trace_id"), rs.getString("reason"),
            rs.getBoolean("compensated"), StoredDeadLetter.Status.valueOf(rs.getString("status")),
            rs.getTimestamp("failed_at").toInstant(),
            rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
            rs.getString("resolved_by"), rs.getString("resolution"), rs.getObject("redriven_as", UUID.class));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;

    public DeadLetterStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Outbox outbox) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
    }

    /** In the caller's transaction (the one that claims the message and compensates). */
    void park(String consumer, UUID messageId, ConsumerRecord<String, String> record, String type, String reason,
              String traceHeaders, String traceId, boolean compensated) {
        jdbc.update("INSERT INTO dead_letter (consumer, message_id, topic, partition_no, record_offset, message_key,"
                + " message_type, payload, trace_headers, trace_id, reason, compensated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, message_id) DO NOTHING",
                consumer, messageId, record.topic(), record.partition(), record.offset(), record.key(), type,
                record.value(), traceHeaders, traceId, reason, compensated);
    }

    /** Newest first; {@code status} and {@code topic} null for all. */
    public List<StoredDeadLetter> list(StoredDeadLetter.Status status, String topic, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE (?::text IS NULL OR status = ?)"
                + " AND (?::text IS NULL OR topic = ?) ORDER BY id DESC LIMIT ?", ROW,
                status == null ? null : status.name(), status == null ? null : status.name(), topic, topic, limit);
    }

    public Optional<StoredDeadLetter> get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Parked dead letters per topic, topics in name order. */
    public Map<String, Long> parkedByTopic() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT topic, count(*) FROM dead_letter WHERE status = 'PARKED' GROUP BY topic ORDER BY topic",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public long parked() {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter WHERE status = 'PARKED'", Long.class);
    }

    /**
     * Publishes the message again to its topic (a new message id, the same key, type, payload and trace) and marks
     * the dead letter redriven, in one transaction.
     *
     * @throws NoSuchElementException no such dead letter
     * @throws IllegalStateException it is not parked any more, or its compensation ran
     */
    public StoredDeadLetter redrive(long id, String by) {
        return transactions.execute(status -> {
            StoredDeadLetter letter = lockParked(id);
            if (letter.isCompensated()) {
                throw new IllegalStateException("dead letter " + id + " was compensated when it was given up (its "
                        + "consumer undid its effect); redriving it would apply it after that. Discard it instead");
            }
            if (letter.getPayload() == null || letter.getType() == null) {
                throw new IllegalStateException("dead letter " + id + " has no readable payload or type to send again;"
                        + " discard it");
            }
            UUID again = outbox.sendStored(letter.getTopic(), letter.getKey(), letter.getType(), letter.getPayload(),
                    jdbc.queryForObject("SELECT trace_headers FROM dead_letter WHERE id = ?", String.class, id));
            jdbc.update("UPDATE dead_letter SET status = 'REDRIVEN', resolved_at = now(), resolved_by = ?,"
                    + " redriven_as = ? WHERE id = ?", by, again, id);
            return get(id).orElseThrow();
        });
    }

    /** Every parked, uncompensated dead letter of the topic, oldest first; returns those redriven. */
    public List<StoredDeadLetter> redriveAll(String topic, String by) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM dead_letter WHERE status = 'PARKED' AND NOT compensated"
                + " AND topic = ? AND payload IS NOT NULL AND message_type IS NOT NULL ORDER BY id", Long.class,
                topic);
        List<StoredDeadLetter> redriven = new ArrayList<>();
        for (long id : ids) {
            try {
                redriven.add(redrive(id, by));
            } catch (IllegalStateException resolvedMeanwhile) {
                // another operator (or instance) took it first
            }
        }
        return redriven;
    }

    /** Marks it discarded, with who and why (nothing is published). */
    public StoredDeadLetter discard(long id, String by, String why) {
        return transactions.execute(status -> {
            lockParked(id);
            jdbc.update("UPDATE dead_letter SET status = 'DISCARDED', resolved_at = now(), resolved_by = ?,"
                    + " resolution = ? WHERE id = ?", by, why, id);
            return get(id).orElseThrow();
        });
    }

    private StoredDeadLetter lockParked(long id) {
        StoredDeadLetter letter = jdbc.query("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ? FOR UPDATE", ROW,
                id).stream().findFirst().orElseThrow(() -> new NoSuchElementException(
                        "no dead letter " + id));
        if (letter.getStatus() != StoredDeadLetter.Status.PARKED) {
            throw new IllegalStateException("dead letter " + id + " was " + letter.getStatus().name().toLowerCase()
                    + " already" + (letter.getResolvedBy() == null ? "" : " by " + letter.getResolvedBy()));
        }
        return letter;
    }
}
