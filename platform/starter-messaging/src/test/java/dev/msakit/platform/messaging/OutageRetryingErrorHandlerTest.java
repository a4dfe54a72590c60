package dev.msakit.platform.messaging;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A failed offset commit is a warning and nothing more; a record whose handling met an outage is still sought back
 * to be delivered again, and any other exception without a record is still refused as the base class does.
 */
class OutageRetryingErrorHandlerTest {

    private static final TopicPartition PARTITION = new TopicPartition("stock.replies", 2);

    private final OutageRetryingErrorHandler handler = new OutageRetryingErrorHandler(Duration.ofMillis(1));
    private final MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);

    @BeforeEach
    void assigned() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.seek(PARTITION, 42);
        when(container.getListenerId()).thenReturn("order-service-replies");
        when(container.isRunning()).thenReturn(true);
    }

    @Test
    void aCommitThatTimedOutOrLostItsPartitionIsNotAnError() {
        assertThatCode(() -> handler.handle(new TimeoutException("Timeout of 5000ms expired before successfully "
                + "committing offsets"), List.of(), consumer, container)).doesNotThrowAnyException();
        assertThatCode(() -> handler.handle(new CommitFailedException(), List.of(), consumer, container))
                .doesNotThrowAnyException();
        assertThat(consumer.position(PARTITION)).as("nothing sought").isEqualTo(42);
    }

    @Test
    void aRecordThatMetAnOutageIsDeliveredAgain() {
        ConsumerRecord<?, ?> failed = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), 17, "order-1",
                "{}");

        assertThatThrownBy(() -> handler.handle(new IllegalStateException("database away"), List.of(failed), consumer,
                container)).isInstanceOf(KafkaException.class);
        assertThat(consumer.position(PARTITION)).as("sought back to the failed record").isEqualTo(17);
    }

    @Test
    void anyOtherExceptionWithoutARecordIsRefusedAsBefore() {
        assertThatThrownBy(() -> handler.handle(new IllegalArgumentException("not a commit"), List.of(), consumer,
                container)).isInstanceOf(IllegalStateException.class);
    }
}
