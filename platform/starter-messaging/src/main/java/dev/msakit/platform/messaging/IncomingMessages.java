package dev.msakit.platform.messaging;

import brave.Span;
import brave.Tracer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.validation.ConstraintViolation;
import javax.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Handles one consumed record the way every consumer of the platform must: at most once in effect (the message id
 * goes into the inbox in the handler's own transaction, so a redelivery changes nothing), in the trace of the
 * message, and each failure by its kind ({@link ConsumerFailures}): an outage is rethrown (the container seeks back
 * and delivers the record again; a database outage pauses the consumers until it ends), a permanent failure is
 * dead-lettered at once, a transient one after a few tries with a growing pause. A dead letter goes to the topic's
 * dead-letter topic (reason and origin in its headers), is compensated, and is parked in the service's database for
 * an operator ({@link DeadLetterStore}).
 */
public class IncomingMessages {

    private static final Logger log = LoggerFactory.getLogger(IncomingMessages.class);

    private final String consumer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Validator validator;
    private final KafkaTemplate<String, String> kafka;
    private final MessageTracing tracing;
    private final MessagingProperties properties;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final DeadLetterStore deadLetters;
    private final ConsumerPause pause;

    public IncomingMessages(String consumer, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            ObjectMapper json, Validator validator, KafkaTemplate<String, String> kafka,
                            MessageTracing tracing, MessagingProperties properties, MeterRegistry meters,
                            DeadLetterStore deadLetters, ConsumerPause pause) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.validator = validator;
        this.kafka = kafka;
        this.tracing = tracing;
        this.properties = properties;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.pause = pause;
        this.duplicates = Counter.builder("messaging.duplicates.skipped")
                .description("Messages delivered again and skipped: their effect was already committed")
                .tag("consumer", consumer).register(meters);
    }

    public void process(ConsumerRecord<String, String> record, MessageDispatch dispatch) {
        String type = header(record, MessageHeaders.MESSAGE_TYPE);
        Span span = tracing.startConsume(record.headers(), record.topic(), type == null ? "unknown" : type);
        try (Tracer.SpanInScope ignored = tracing.inScope(span)) {
            handle(record, type, dispatch);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.finish();
        }
    }

    private void handle(ConsumerRecord<String, String> record, String type, MessageDispatch dispatch) {
        UUID messageId = messageId(record);
        Object payload;
        try {
            payload = read(record, type, dispatch);
        } catch (ConsumerFailures.PoisonMessageException poison) {
            deadLetter(record, messageId, type, poison.getMessage(), null, dispatch);
            return;
        }
        IncomingMessage message = new IncomingMessage(messageId, record.key(), type);
        MessageDispatch.Route<?> route = dispatch.route(type);
        int maxAttempts = Math.max(1, properties.getConsumer().getMaxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean handled = transactions.execute(status -> {
                    if (!claim(messageId)) {
                        return false;
                    }
                    route.handle(payload, message);
                    return true;
                });
                if (!Boolean.TRUE.equals(handled)) {
                    duplicates.increment();
                    log.debug("Message {} ({}) was handled before; skipped", messageId, type);
                }
                return;
            } catch (RuntimeException e) {
                if (ConsumerFailures.isOutage(e)) {
                    if (ConsumerFailures.isDatabaseOutage(e)) {
                        pause.databaseAway(e);
                    }
                    throw e;
                }
                if (ConsumerFailures.isPermanent(e)) {
                    deadLetter(record, messageId, type, "permanent: " + describe(e), payload, dispatch);
                    return;
                }
                if (attempt >= maxAttempts) {
                    deadLetter(record, messageId, type, "failed " + attempt + " times: " + describe(e), payload,
                            dispatch);
                    return;
                }
                log.warn("Message {} ({}) failed, attempt {} of {}: {}", messageId, type, attempt, maxAttempts,
                        describe(e));
                // 1, 2, 4 ... x the backoff: a lock conflict clears at once, a slow dependency gets room.
                pause(properties.getConsumer().getRetryBackoff().toMillis() << Math.min(attempt - 1, 6));
            }
        }
    }

    /** Inserts the message id into the inbox; false when it is already there (a redelivery). */
    private boolean claim(UUID messageId) {
        return jdbc.update("INSERT INTO processed_message (consumer, message_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", consumer, messageId) == 1;
    }

    private boolean alreadyProcessed(UUID messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM processed_message"
                + " WHERE consumer = ? AND message_id = ?)", Boolean.class, consumer, messageId));
    }

    private Object read(ConsumerRecord<String, String> record, String type, MessageDispatch dispatch) {
        if (header(record, MessageHeaders.MESSAGE_ID) == null) {
            throw new ConsumerFailures.PoisonMessageException("no " + MessageHeaders.MESSAGE_ID + " header");
        }
        MessageDispatch.Route<?> route = dispatch.route(type);
        if (route == null) {
            throw new ConsumerFailures.PoisonMessageException("unknown message type '" + type + "' (this consumer"
                    + " takes " + dispatch.types() + ")");
        }
        if (record.value() == null) {
            throw new ConsumerFailures.PoisonMessageException("no payload");
        }
        Object payload;
        try {
            payload = json.readValue(record.value(), route.type);
        } catch (JsonProcessingException e) {
            throw new ConsumerFailures.PoisonMessageException("unreadable " + type + ": " + e.getOriginalMessage());
        }
        if (payload == null) {
            throw new ConsumerFailures.PoisonMessageException("no payload");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new ConsumerFailures.PoisonMessageException("invalid " + type + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return payload;
    }

    /**
     * Publishes the record to the dead-letter topic (and waits for the broker), then compensates in a transaction
     * that also claims the message: a redelivery after a crash in between publishes it again (consumers of the
     * dead-letter topic see its message id twice) but never compensates twice.
     */
    private void deadLetter(ConsumerRecord<String, String> record, UUID messageId, String type, String reason,
                            Object payload, MessageDispatch dispatch) {
        if (alreadyProcessed(messageId)) {
            duplicates.increment();
            return;
        }
        String deadLetterTopic = MessageHeaders.deadLetterTopic(record.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(MessageHeaders.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(MessageHeaders.DEAD_LETTER_ORIGIN, (record.topic() + "/" + record.partition() + "@"
                + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers))
                    .get(properties.getRelay().getPublishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ConsumerFailures.DeadLetterPublishFailedException("could not dead-letter message " + messageId
                    + " to " + deadLetterTopic, e);
        }
        String traceHeaders = tracing.currentContext();
        String traceId = tracing.currentTraceId();
        Boolean compensated = transactions.execute(status -> {
            if (!claim(messageId)) {
                return null;
            }
            boolean undone = dispatch.deadLetters().deadLettered(new DeadLetter(record.key(), type, reason, payload));
            deadLetters.park(consumer, messageId, record, type, reason, traceHeaders, traceId, undone);
            return undone;
        });
        meters.counter("messaging.dead.letters", "topic", record.topic(), "type", String.valueOf(type)).increment();
        log.error("Message {} ({}, key {}) on {} sent to {}{}, parked for an operator: {}", messageId, type,
                record.key(), record.topic(), deadLetterTopic, Boolean.TRUE.equals(compensated) ? " and compensated"
                        : "", reason);
    }

    /**
     * The message's id, or for a record without a usable one an id derived from its place in the log, so that a
     * redelivery of that same record is still recognised.
     */
    private static UUID messageId(ConsumerRecord<String, String> record) {
        String id = header(record, MessageHeaders.MESSAGE_ID);
        if (id != null) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                // falls through to the position
            }
        }
        return UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a message", e);
        }
    }
}
