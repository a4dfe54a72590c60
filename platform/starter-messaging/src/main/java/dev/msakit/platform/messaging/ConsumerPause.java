package dev.msakit.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * While the service's own database is away its consumers are paused, not spinning on one record: the first handler
 * that meets the outage pauses every listener container (the record it failed on is delivered again later, nothing
 * is skipped), and a probe asks the database every {@code probe-interval} until it answers, then resumes them.
 */
public class ConsumerPause {

    private static final Logger log = LoggerFactory.getLogger(ConsumerPause.class);

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService scheduler;
    private final Duration probeInterval;
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile long pausedAtNanos;

    public ConsumerPause(ObjectProvider<KafkaListenerEndpointRegistry> registry, JdbcTemplate jdbc,
                         ScheduledExecutorService scheduler, Duration probeInterval) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.probeInterval = probeInterval;
    }

    /** The database failed a handler: pause every consumer (once) and start probing. */
    void databaseAway(Throwable cause) {
        if (!paused.compareAndSet(false, true)) {
            return;
        }
        pausedAtNanos = System.nanoTime();
        log.warn("Database unreachable ({}): consumers paused until it answers again", cause.toString());
        containers(MessageListenerContainer::pause);
        scheduler.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isPaused() {
        return paused.get();
    }

    private void probe() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException stillAway) {
            scheduler.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        containers(MessageListenerContainer::resume);
        paused.set(false);
        log.info("Database answers again after {} s: consumers resumed",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - pausedAtNanos));
    }

    private void containers(Consumer<MessageListenerContainer> action) {
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners != null) {
            listeners.getListenerContainers().forEach(action);
        }
    }
}
