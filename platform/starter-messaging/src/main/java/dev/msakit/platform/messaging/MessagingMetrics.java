package dev.msakit.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * The outbox as an operator needs to see it (Admin shows every meter): how many messages wait to be published, and
 * how old the oldest is. A growing backlog with a broker up is the relay in trouble; an old one is an outage. Dead
 * letters parked for an operator, and whether the consumers are paused (database away). (Dead letters and skipped
 * duplicates are also counted where they happen; consumer lag is Kafka's own
 * kafka.consumer.fetch.manager.records.lag.max.)
 */
public class MessagingMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final ConsumerPause pause;

    public MessagingMetrics(JdbcTemplate jdbc, ConsumerPause pause) {
        this.jdbc = jdbc;
        this.pause = pause;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("messaging.outbox.backlog", this, MessagingMetrics::backlog)
                .description("Messages written to the outbox and not yet acknowledged by the broker")
                .baseUnit("messages").register(registry);
        Gauge.builder("messaging.outbox.oldest.age", this, MessagingMetrics::oldestAgeSeconds)
                .description("Age of the oldest message waiting in the outbox (0 when none waits)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("messaging.dead.letters.parked", this, MessagingMetrics::parked)
                .description("Dead letters waiting for an operator to redrive or discard them")
                .baseUnit("messages").register(registry);
        Gauge.builder("messaging.consumers.paused", pause, p -> p.isPaused() ? 1 : 0)
                .description("1 while the consumers are paused because the service's database is away")
                .register(registry);
    }

    private double parked() {
        return query("SELECT count(*) AS value FROM dead_letter WHERE status = 'PARKED'");
    }

    private double backlog() {
        return query("SELECT count(*) AS value FROM outbox_message WHERE published_at IS NULL");
    }

    private double oldestAgeSeconds() {
        return query("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) AS value FROM outbox_message"
                + " WHERE published_at IS NULL");
    }

    /** NaN while the database cannot be asked: a gauge must not throw, and 0 would claim an empty outbox. */
    private double query(String sql) {
        try {
            Map<String, Object> row = jdbc.queryForMap(sql);
            return ((Number) row.get("value")).doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
