package dev.msakit.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages without a broker, for a service's own tests: what its outbox holds (what the relay would publish), and
 * records built as the broker would deliver them, to hand to its listeners. The broker itself is in the system tests.
 */
public final class TestMessages {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private TestMessages() {
    }

    /** The outbox's messages for a topic, oldest first, published or not. */
    public static List<Sent> outbox(JdbcTemplate jdbc, String topic) {
        return jdbc.query("SELECT message_id, message_key, message_type, payload FROM outbox_message WHERE topic = ?"
                + " ORDER BY id", (rs, n) -> new Sent(topic, rs.getObject("message_id", UUID.class),
                rs.getString("message_key"), rs.getString("message_type"), rs.getString("payload")), topic);
    }

    /** A new message (a new id) of this type, key and JSON payload. */
    public static ConsumerRecord<String, String> message(String topic, String type, String key, String payload) {
        return record(topic, UUID.randomUUID().toString(), type, key, payload);
    }

    public static ConsumerRecord<String, String> record(String topic, String messageId, String type, String key,
                                                        String payload) {
        RecordHeaders headers = new RecordHeaders();
        if (messageId != null) {
            headers.add("message-id", messageId.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            headers.add("message-type", type.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(topic, 0, OFFSETS.incrementAndGet(), System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1L, -1, -1, key, payload, headers);
    }

    /** One outbox message. */
    public static final class Sent {
        public final String topic;
        public final UUID messageId;
        public final String key;
        public final String type;
        public final String payload;

        Sent(String topic, UUID messageId, String key, String type, String payload) {
            this.topic = topic;
            this.messageId = messageId;
            this.key = key;
            this.type = type;
            this.payload = payload;
        }

        @Override
        public String toString() {
            return type + "(" + key + ") " + payload;
        }
    }
}
