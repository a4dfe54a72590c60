package dev.msakit.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** platform.messaging.*: the relay's pace, retention of both tables, consumer retries, the topics to create. */
@ConfigurationProperties("platform.messaging")
public class MessagingProperties {

    private final Relay relay = new Relay();
    private final Retention outbox = new Retention(Duration.ofHours(24));
    private final Retention inbox = new Retention(Duration.ofDays(8));
    private final Consumer consumer = new Consumer();
    private final Topics topics = new Topics();

    public Relay getRelay() {
        return relay;
    }

    public Retention getOutbox() {
        return outbox;
    }

    public Retention getInbox() {
        return inbox;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Topics getTopics() {
        return topics;
    }

    public static class Relay {
        /** Off only where nothing may be published (tests without a broker); messages then wait in the outbox. */
        private boolean enabled = true;
        private Duration interval = Duration.ofMillis(500);
        private int batchSize = 200;
        private Duration publishTimeout = Duration.ofSeconds(15);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getPublishTimeout() {
            return publishTimeout;
        }

        public void setPublishTimeout(Duration publishTimeout) {
            this.publishTimeout = publishTimeout;
        }
    }

    public static class Retention {
        private Duration retention;

        Retention(Duration retention) {
            this.retention = retention;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    public static class Consumer {
        private int maxAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(200);
        /** While the database is away: how often a paused consumer asks whether it is back. */
        private Duration outageProbeInterval = Duration.ofSeconds(2);

        public Duration getOutageProbeInterval() {
            return outageProbeInterval;
        }

        public void setOutageProbeInterval(Duration outageProbeInterval) {
            this.outageProbeInterval = outageProbeInterval;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getRetryBackoff() {
            return retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }
    }

    public static class Topics {
        /** Created at start (with their dead-letter topics) when the broker is there; else it creates them on use. */
        private List<String> create = new ArrayList<>();
        private int partitions = 4;

        public List<String> getCreate() {
            return create;
        }

        public void setCreate(List<String> create) {
            this.create = create;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }
    }
}
