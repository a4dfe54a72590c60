package dev.msakit.platform.messaging;

import brave.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox: after every commit that wrote a message (woken) and on an interval (after a crash, or
 * messages written by another instance). One relay per database at a time (a transaction-scoped advisory lock),
 * so with several instances nothing is published twice by design and messages go out in the order they were
 * written. A batch is marked published only once the broker acknowledged every message in it (acks=all); a crash
 * in between publishes the batch again, which consumers de-duplicate by message id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The advisory lock's key: any fixed number, the same in every instance of the service. */
    private static final long RELAY_LOCK = 0x6d73615f72656c61L;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final ProducerFactory<String, String> producers;
    private final MessageTracing tracing;
    private final MessagingProperties.Relay settings;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private boolean failing;

    public OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                       KafkaTemplate<String, String> kafka, ProducerFactory<String, String> producers,
                       MessageTracing tracing, MessagingProperties.Relay settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout((int) Math.max(5, settings.getPublishTimeout().toSeconds() * 2));
        this.kafka = kafka;
        this.producers = producers;
        this.tracing = tracing;
        this.settings = settings;
    }

    /** Asks for a pass now (after a commit that wrote a message). */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Publishes unpublished messages, a batch at a time, until none are left or another instance holds the relay;
     * returns how many this call published. Public for tests and for an operator's manual nudge.
     */
    public int publishPending() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += Math.max(published, 0);
        } while (published == settings.getBatchSize() && running);
        return total;
    }

    /** One batch in one transaction; -1 when another instance holds the relay lock. */
    private int publishBatch() {
        Integer published = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return -1;
            }
            List<PendingMessage> batch = jdbc.query("SELECT id, message_id, topic, message_key, message_type, payload,"
                    + " trace_headers FROM outbox_message WHERE published_at IS NULL ORDER BY id LIMIT ?",
                    (rs, n) -> new PendingMessage(rs.getLong("id"), rs.getObject("message_id", UUID.class),
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("message_type"),
                            rs.getString("payload"), rs.getString("trace_headers")), settings.getBatchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            publish(batch);
            Long[] ids = batch.stream().map(m -> m.id).toArray(Long[]::new);
            jdbc.update(connection -> {
                var update = connection.prepareStatement(
                        "UPDATE outbox_message SET published_at = now() WHERE id = ANY (?)");
                update.setArray(1, connection.createArrayOf("bigint", ids));
                return update;
            });
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    /** Sends the whole batch, then waits for every acknowledgement; any failure fails the batch. */
    private void publish(List<PendingMessage> batch) {
        List<Future<?>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        try {
            for (PendingMessage message : batch) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(MessageHeaders.MESSAGE_ID, message.messageId.toString().getBytes(StandardCharsets.UTF_8));
                headers.add(MessageHeaders.MESSAGE_TYPE, message.type.getBytes(StandardCharsets.UTF_8));
                Span span = tracing.startPublish(message.traceHeaders, message.topic, message.type, headers);
                spans.add(span);
                acks.add(kafka.send(new ProducerRecord<>(message.topic, null, message.key, message.payload, headers)));
            }
            long deadline = System.nanoTime() + settings.getPublishTimeout().toNanos();
            for (int i = 0; i < acks.size(); i++) {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                spans.get(i).finish();
            }
        } catch (Exception e) {
            spans.forEach(span -> span.error(e).finish());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PublishFailedException("publishing " + batch.size() + " outbox messages failed", e);
        }
    }

    private void loop() {
        Duration backoff = settings.getInterval();
        while (running) {
            try {
                publishPending();
                if (failing) {
                    log.info("Outbox relay publishes again");
                    failing = false;
                }
                backoff = settings.getInterval();
            } catch (RuntimeException e) {
                if (!failing) {
                    // Once per outage, not once per attempt: the backlog metric tells how long it lasts.
                    log.warn("Outbox relay cannot publish, messages wait in the outbox: {}", rootMessage(e));
                    failing = true;
                }
                // A producer that timed out may hold a fenced or stale session: start the next try on a new one.
                producers.reset();
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            try {
                if (wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            // Not interrupted: a batch in flight finishes (or fails and stays in the outbox) on its own bounds.
            wake.release();
            try {
                thread.join(settings.getPublishTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return settings.isEnabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the producer factory and the data source (higher phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class PendingMessage {
        final long id;
        final UUID messageId;
        final String topic;
        final String key;
        final String type;
        final String payload;
        final String traceHeaders;

        PendingMessage(long id, UUID messageId, String topic, String key, String type, String payload,
                       String traceHeaders) {
            this.id = id;
            this.messageId = messageId;
            this.topic = topic;
            this.key = key;
            this.type = type;
            this.payload = payload;
            this.traceHeaders = traceHeaders;
        }
    }
}
