package dev.msakit.platform.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An aggregate that records what happened to it, as it happens, in its own methods: whoever changes it cannot forget
 * to tell anyone. The events are published as application events in the transaction that stores the aggregate — for
 * a JPA entity after each flush that writes it ({@link DomainEventsAutoConfiguration}), each event once, in the order
 * recorded across aggregates — so a listener that writes an outbox message commits or rolls back with the change.
 * Like its changes, the events of an aggregate that is never stored (discarded, or cleared from the persistence
 * context before a flush) are never published. Store a new aggregate by persisting it (Spring Data's
 * {@code Persistable.isNew} where its id is assigned), never by a merge: a merge stores a copy, without the events.
 */
public abstract class AggregateRoot {

    /** Orders events across aggregates (one flush may write several), as they were recorded. */
    private static final AtomicLong RECORDED = new AtomicLong();

    private final List<Recorded> events = new ArrayList<>();

    protected final void record(Object event) {
        events.add(new Recorded(RECORDED.incrementAndGet(), event));
    }

    /** What this aggregate recorded and has not been published yet, in order. */
    public final List<Object> recordedEvents() {
        return Collections.unmodifiableList(events.stream().map(Recorded::event).collect(Collectors.toList()));
    }

    /** The events not published yet, handed over once for publication. */
    final List<Recorded> takeEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Recorded> taken = new ArrayList<>(events);
        events.clear();
        return taken;
    }

    static final class Recorded {
        private final long sequence;
        private final Object event;

        Recorded(long sequence, Object event) {
            this.sequence = sequence;
            this.event = event;
        }

        long sequence() {
            return sequence;
        }

        Object event() {
            return event;
        }
    }
}
