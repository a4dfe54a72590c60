package dev.msakit.platform.messaging;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.SeekToCurrentErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.List;

/**
 * What the listener containers do with an exception. One thrown while handling a record is only ever an outage
 * ({@link IncomingMessages} rethrows nothing else): seek back and deliver the record again after {@code retryInterval},
 * for as long as the outage lasts (a database outage also pauses the consumers: {@link ConsumerPause}).
 * <p>
 * An offset commit that fails, because the broker is away or a rebalance took the partition, has no record to seek
 * to, and the base class would log it as an error about missing records. Nothing is lost: the offsets not committed
 * are delivered again after the next restart or rebalance and the inbox skips them, so it is a warning that says so.
 */
class OutageRetryingErrorHandler extends SeekToCurrentErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OutageRetryingErrorHandler.class);

    OutageRetryingErrorHandler(Duration retryInterval) {
        super(new FixedBackOff(retryInterval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
    }

    @Override
    public void handle(Exception thrown, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                       MessageListenerContainer container) {
        if (records.isEmpty() && failedCommit(thrown)) {
            // The exception's text only: a stack trace says nothing more about a broker that is away.
            log.warn("{}: offsets not committed ({}); the messages since the last commit will be delivered again "
                    + "after a restart or rebalance, and the inbox skips them",
                    container.getListenerId(), thrown.toString());
            return;
        }
        super.handle(thrown, records, consumer, container);
    }

    private static boolean failedCommit(Exception thrown) {
        // With no record in hand, these come only from the container's commitSync (poll does not throw them).
        return thrown instanceof TimeoutException || thrown instanceof CommitFailedException;
    }
}
