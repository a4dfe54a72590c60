package dev.msakit.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.UUID;

/**
 * Where a service sends a message: into its own database, in the transaction of the change that caused it. Either
 * both commit or neither does; the relay publishes after commit. Calling it outside a transaction is a bug, not
 * something to paper over by publishing directly.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final MessageTracing tracing;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, ObjectMapper json, MessageTracing tracing, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.tracing = tracing;
        this.relay = relay;
    }

    /**
     * Sends the payload to the topic, keyed by its aggregate's id; its type is the payload's class name. Returns the
     * message id.
     */
    public UUID send(String topic, String aggregateId, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getName() + " as JSON", e);
        }
        return insert(topic, aggregateId, payload.getClass().getSimpleName(), body, tracing.currentContext());
    }

    /** A message as it was stored before (a dead letter redriven): its JSON and trace as they were, a new id. */
    UUID sendStored(String topic, String key, String type, String json, String traceHeaders) {
        return insert(topic, key, type, json, traceHeaders);
    }

    private UUID insert(String topic, String key, String type, String body, String traceHeaders) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The outbox needs the transaction of the change its message reports");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, trace_headers)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, topic, key, type, body, traceHeaders);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return id;
    }
}
