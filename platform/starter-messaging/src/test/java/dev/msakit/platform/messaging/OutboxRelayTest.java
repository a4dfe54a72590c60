package dev.msakit.platform.messaging;

import brave.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.testing.TestDatabase;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox and its relay on a real PostgreSQL (the platform's migration applied), with Kafka's MockProducer as
 * the broker: nothing is published before commit, a batch is marked only once acknowledged, and two relays never
 * publish the same message.
 */
class OutboxRelayTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private FlakyProducer producer;
    private Outbox outbox;
    private MessagingProperties properties;
    private DataSourceTransactionManager transactionManager;
    private MessageTracing tracing;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.freshDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform-messaging").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactionManager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(transactionManager);
        producer = new FlakyProducer();
        properties = new MessagingProperties();
        tracing = new MessageTracing(Tracing.newBuilder().build());
        outbox = new Outbox(jdbc, new ObjectMapper(), tracing, relay());
    }

    @Test
    void aMessageIsWrittenWithItsChangeAndPublishedOnlyAfterCommit() {
        transactions.executeWithoutResult(status -> outbox.send("stock.commands", "order-1", new Note("first")));
        assertThat(producer.history()).as("nothing published inside the transaction").isEmpty();

        assertThat(relay().publishPending()).isEqualTo(1);
        ProducerRecord<String, String> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("stock.commands");
        assertThat(sent.key()).isEqualTo("order-1");
        assertThat(sent.value()).isEqualTo("{\"text\":\"first\"}");
        assertThat(header(sent, MessageHeaders.MESSAGE_TYPE)).isEqualTo("Note");
        assertThat(header(sent, MessageHeaders.MESSAGE_ID)).isEqualTo(jdbc.queryForObject(
                "SELECT message_id::text FROM outbox_message", String.class));
        assertThat(unpublished()).isZero();
        assertThat(relay().publishPending()).as("published once").isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoMessage() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.send("stock.commands", "order-2", new Note("never"));
            throw new IllegalStateException("the business change failed");
        })).hasMessageContaining("business change failed");
        assertThat(relay().publishPending()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.send("stock.commands", "order-3", new Note("loose")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void anUnacknowledgedBatchStaysInTheOutboxAndGoesOutInOrderLater() {
        transactions.executeWithoutResult(status -> {
            for (int i = 1; i <= 3; i++) {
                outbox.send("stock.commands", "order-4", new Note("step " + i));
            }
        });
        producer.failing.set(true);
        assertThatThrownBy(() -> relay().publishPending()).isInstanceOf(OutboxRelay.PublishFailedException.class);
        assertThat(unpublished()).isEqualTo(3);

        producer.failing.set(false);
        assertThat(relay().publishPending()).isEqualTo(3);
        assertThat(producer.history().stream().map(ProducerRecord::value).collect(Collectors.toList()))
                .containsExactly("{\"text\":\"step 1\"}", "{\"text\":\"step 2\"}", "{\"text\":\"step 3\"}");
        assertThat(unpublished()).isZero();
    }

    @Test
    void twoRelaysAtOnceNeverPublishTheSameMessage() throws Exception {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 500; i++) {
                outbox.send("stock.commands", "order-" + (i % 7), new Note("n" + i));
            }
        });
        properties.getRelay().setBatchSize(20);
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        ExecutorService both = Executors.newFixedThreadPool(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (unpublished() > 0 && System.nanoTime() < deadline) {
            List<Future<Integer>> runs = both.invokeAll(List.<Callable<Integer>>of(first::publishPending,
                    second::publishPending));
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        both.shutdown();
        assertThat(unpublished()).isZero();
        List<String> ids = producer.history().stream().map(r -> header(r, MessageHeaders.MESSAGE_ID))
                .collect(Collectors.toList());
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void retentionDeletesOnlyWhatIsPublishedAndOld() {
        transactions.executeWithoutResult(status -> {
            outbox.send("stock.commands", "old", new Note("published long ago"));
            outbox.send("stock.commands", "waiting", new Note("not yet published"));
        });
        jdbc.update("UPDATE outbox_message SET published_at = now() - interval '2 days' WHERE message_key = 'old'");
        jdbc.update("UPDATE outbox_message SET created_at = now() - interval '3 days' WHERE message_key = 'waiting'");
        jdbc.update("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES"
                + " ('c', gen_random_uuid(), now() - interval '9 days'), ('c', gen_random_uuid(), now())");

        assertThat(new MessageRetention(jdbc, properties).purge()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT message_key FROM outbox_message", String.class))
                .containsExactly("waiting");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_message", Integer.class)).isEqualTo(1);
    }

    private OutboxRelay relay() {
        ProducerFactory<String, String> factory = () -> producer;
        return new OutboxRelay(jdbc, transactionManager, new KafkaTemplate<>(factory), factory, tracing,
                properties.getRelay());
    }

    private int unpublished() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE published_at IS NULL", Integer.class);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A payload. */
    public static final class Note {
        private final String text;

        Note(String text) {
            this.text = text;
        }

        public String getText() {
            return text;
        }
    }

    /** Acknowledges at once, or, while failing, refuses as a producer does when the broker is away. */
    private static final class FlakyProducer extends MockProducer<String, String> {
        final AtomicBoolean failing = new AtomicBoolean();

        FlakyProducer() {
            super(true, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (failing.get()) {
                throw new TimeoutException("Topic stock.commands not present in metadata after 5000 ms.");
            }
            return super.send(record, callback);
        }

        @Override
        public void close() {
            // Shared by every relay of a test; KafkaTemplate closes what its factory hands out.
        }

        @Override
        public void close(Duration timeout) {
        }
    }
}
