package dev.msakit.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

/**
 * The outbox as an operator needs to see it (Admin shows every meter): how many messages wait to be published, and
 * how old the oldest is. A growing backlog with a broker up is the relay in trouble; an old one is an outage. (Dead
 * letters and skipped duplicates are counted where they happen; consumer lag is Kafka's own
 * kafka.consumer.fetch.manager.records.lag.max.)
 */
public class MessagingMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    public MessagingMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("messaging.outbox.backlog", this, MessagingMetrics::backlog)
                .description("Messages written to the outbox and not yet acknowledged by the broker")
                .baseUnit("messages").register(registry);
        Gauge.builder("messaging.outbox.oldest.age", this, MessagingMetrics::oldestAgeSeconds)
                .description("Age of the oldest message waiting in the outbox (0 when none waits)")
                .baseUnit("seconds").register(registry);
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
