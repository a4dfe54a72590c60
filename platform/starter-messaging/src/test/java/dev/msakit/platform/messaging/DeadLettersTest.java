package dev.msakit.platform.messaging;

import brave.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.domain.DomainException;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.testing.TestDatabase;
import dev.msakit.platform.testing.TestMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import javax.sql.DataSource;
import javax.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a consumer's failures end, on a real PostgreSQL (the platform's tables) with Kafka's MockProducer as the
 * broker: a permanent failure is dead-lettered on the first try, a transient one retried, a database outage pauses
 * the consumers instead of dead-lettering; a dead letter is parked with its reason and trace, redriven exactly once
 * (never after its compensation), or discarded with a reason.
 */
class DeadLettersTest {

    private static final String TOPIC = "stock.commands";

    private JdbcTemplate jdbc;
    private MockProducer<String, String> broker;
    private IncomingMessages incoming;
    private DeadLetterStore store;
    private ConsumerPause pause;
    private ScheduledExecutorService scheduler;
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabase.freshDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform-messaging").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        broker = new MockProducer<>(true, new StringSerializer(), new StringSerializer());
        ProducerFactory<String, String> factory = () -> broker;
        MessagingProperties properties = new MessagingProperties();
        properties.getConsumer().setRetryBackoff(Duration.ofMillis(10));
        MessageTracing tracing = new MessageTracing(Tracing.newBuilder().build());
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(factory);
        Outbox outbox = new Outbox(jdbc, new ObjectMapper(), tracing, new OutboxRelay(jdbc, transactions, kafka,
                factory, tracing, properties.getRelay()));
        store = new DeadLetterStore(jdbc, transactions, outbox);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        pause = new ConsumerPause(new DefaultListableBeanFactory().getBeanProvider(KafkaListenerEndpointRegistry.class),
                jdbc, scheduler, Duration.ofMillis(100));
        incoming = new IncomingMessages("product-service", jdbc, transactions, new ObjectMapper(),
                Validation.buildDefaultValidatorFactory().getValidator(), kafka, tracing, properties,
                new SimpleMeterRegistry(), store, pause);
    }

    @AfterEach
    void stopProbe() {
        scheduler.shutdownNow();
    }

    @Test
    void anEntityInsertedMeanwhileIsTriedAgainNotParked() {
        incoming.process(release("order-3"), dispatch(() -> {
            if (attempts.get() == 1) {
                throw new org.springframework.dao.DataIntegrityViolationException("A different object with the same"
                        + " identifier value was already associated with the session",
                        new javax.persistence.EntityExistsException("already associated"));
            }
        }, false));

        assertThat(attempts).as("the second try finds the row").hasValue(2);
        assertThat(broker.history()).as("nothing dead-lettered").isEmpty();
    }

    @Test
    void aDomainRuleRefusingAMessageIsDeadLetteredOnTheFirstTry() {
        incoming.process(release("order-2"), dispatch(() -> {
            throw DomainException.conflict("order order-2 was cancelled before its stock was reserved");
        }, false));

        assertThat(attempts).as("no retries: a rule answers the same every time").hasValue(1);
        assertThat(header(broker.history().get(0), MessageHeaders.DEAD_LETTER_REASON))
                .startsWith("permanent: DomainException").contains("was cancelled");
    }

    @Test
    void aPermanentFailureIsDeadLetteredOnTheFirstTryWithItsReasonAndOrigin() {
        ConsumerRecord<String, String> release = release("order-1");

        incoming.process(release, dispatch(() -> {
            throw ApiException.conflict("order order-1 is not reserved here");
        }, false));

        assertThat(attempts).as("no retries for a business refusal").hasValue(1);
        ProducerRecord<String, String> dead = broker.history().get(0);
        assertThat(dead.topic()).isEqualTo(TOPIC + ".DLT");
        assertThat(header(dead, MessageHeaders.DEAD_LETTER_REASON)).startsWith("permanent: ApiException")
                .contains("not reserved here");
        assertThat(header(dead, MessageHeaders.DEAD_LETTER_ORIGIN)).isEqualTo(TOPIC + "/0@" + release.offset());
        StoredDeadLetter parked = store.list(StoredDeadLetter.Status.PARKED, TOPIC, 10).get(0);
        assertThat(parked.getType()).isEqualTo("Note");
        assertThat(parked.getKey()).isEqualTo("order-1");
        assertThat(parked.getPayload()).isEqualTo("{\"text\":\"order-1\"}");
        assertThat(parked.getReason()).contains("not reserved here");
        assertThat(parked.getOffset()).isEqualTo(release.offset());
        assertThat(parked.getTraceId()).hasSize(16);
        assertThat(store.parkedByTopic()).containsEntry(TOPIC, 1L);
    }

    @Test
    void aLockConflictIsRetriedAndOnlyGivenUpAfterTheLastTry() {
        incoming.process(release("order-2"), dispatch(() -> {
            if (attempts.get() == 1) {
                throw new CannotAcquireLockException("deadlock detected");
            }
        }, false));
        assertThat(attempts).hasValue(2);
        assertThat(broker.history()).isEmpty();

        attempts.set(0);
        incoming.process(release("order-3"), dispatch(() -> {
            throw new CannotAcquireLockException("deadlock detected");
        }, false));
        assertThat(attempts).hasValue(3);
        List<StoredDeadLetter> letters = store.list(null, TOPIC, 10);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getReason()).startsWith("failed 3 times");
    }

    /**
     * A row inserted at the same moment by someone else (a unique key): the loser finds it when it tries again, so
     * that is retried, not dead-lettered; any other constraint is permanent.
     */
    @Test
    void aUniqueKeyRaceIsRetriedAndOtherConstraintsAreDeadLetteredAtOnce() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS race (id INTEGER PRIMARY KEY, n INTEGER CHECK (n >= 0))");
        jdbc.update("INSERT INTO race VALUES (1, 0)");
        incoming.process(release("order-7"), dispatch(() -> {
            if (attempts.get() == 1) {
                jdbc.update("INSERT INTO race VALUES (1, 0)");
            }
        }, false));
        assertThat(attempts).hasValue(2);
        assertThat(store.list(null, TOPIC, 10)).isEmpty();

        attempts.set(0);
        incoming.process(release("order-8"), dispatch(() -> jdbc.update("UPDATE race SET n = -1 WHERE id = 1"),
                false));
        assertThat(attempts).hasValue(1);
        assertThat(store.list(null, TOPIC, 10)).hasSize(1);
    }

    /** The database away is an outage: rethrown (delivered again later), consumers paused, resumed once it answers. */
    @Test
    void theDatabaseAwayPausesTheConsumersAndNeverDeadLettersTheMessage() {
        assertThatThrownBy(() -> incoming.process(release("order-4"), dispatch(() -> {
            throw new DataAccessResourceFailureException("Connection refused");
        }, false))).isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(attempts).hasValue(1);
        assertThat(pause.isPaused()).isTrue();
        assertThat(broker.history()).isEmpty();
        assertThat(store.list(null, null, 10)).isEmpty();
        // The database here answers: the probe resumes the consumers.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pause.isPaused() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pause.isPaused()).isFalse();
    }

    /** Redriven once: a new message on the original topic, handled once however often it is delivered. */
    @Test
    void aRedrivenDeadLetterIsHandledExactlyOnce() {
        incoming.process(release("order-5"), dispatch(() -> {
            throw new IllegalArgumentException("no reservation yet");
        }, false));
        long id = store.list(StoredDeadLetter.Status.PARKED, TOPIC, 1).get(0).getId();

        StoredDeadLetter redriven = store.redrive(id, "operator-1");
        assertThatThrownBy(() -> store.redrive(id, "operator-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redriven already by operator-1");

        assertThat(redriven.getStatus()).isEqualTo(StoredDeadLetter.Status.REDRIVEN);
        List<TestMessages.Sent> again = TestMessages.outbox(jdbc, TOPIC);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).messageId).isEqualTo(redriven.getRedrivenAs());
        assertThat(again.get(0).key).isEqualTo("order-5");
        assertThat(again.get(0).type).isEqualTo("Note");
        assertThat(again.get(0).payload).isEqualTo("{\"text\":\"order-5\"}");
        AtomicInteger handled = new AtomicInteger();
        MessageDispatch fixed = MessageDispatch.builder().on(Note.class, (note, message) -> handled.incrementAndGet())
                .build();
        ConsumerRecord<String, String> delivered = TestMessages.record(TOPIC, again.get(0).messageId.toString(),
                "Note", "order-5", again.get(0).payload);
        incoming.process(delivered, fixed);
        incoming.process(delivered, fixed);
        assertThat(handled).hasValue(1);
        assertThat(store.parkedByTopic()).isEmpty();
    }

    @Test
    void aCompensatedDeadLetterCanOnlyBeDiscardedWithAReason() {
        incoming.process(release("order-6"), dispatch(() -> {
            throw new IllegalArgumentException("unknown product");
        }, true));
        long id = store.list(StoredDeadLetter.Status.PARKED, TOPIC, 1).get(0).getId();

        assertThatThrownBy(() -> store.redrive(id, "operator-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("compensated");
        StoredDeadLetter discarded = store.discard(id, "operator-1", "the order was rejected; nothing to do");

        assertThat(discarded.getStatus()).isEqualTo(StoredDeadLetter.Status.DISCARDED);
        assertThat(discarded.getResolvedBy()).isEqualTo("operator-1");
        assertThat(discarded.getResolution()).isEqualTo("the order was rejected; nothing to do");
        assertThat(TestMessages.outbox(jdbc, TOPIC)).isEmpty();
        assertThatThrownBy(() -> store.discard(id, "operator-2", "again")).isInstanceOf(IllegalStateException.class);
    }

    private ConsumerRecord<String, String> release(String orderId) {
        return TestMessages.message(TOPIC, "Note", orderId, "{\"text\":\"" + orderId + "\"}");
    }

    private MessageDispatch dispatch(Runnable handler, boolean compensates) {
        return MessageDispatch.builder().on(Note.class, (note, message) -> {
            attempts.incrementAndGet();
            handler.run();
        }).onDeadLetter(letter -> compensates).build();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A message type of the test. */
    public static class Note {
        private String text;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }
}
