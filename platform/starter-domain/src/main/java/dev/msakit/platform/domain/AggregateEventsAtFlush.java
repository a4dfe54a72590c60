package dev.msakit.platform.domain;

import org.hibernate.EmptyInterceptor;
import org.springframework.context.ApplicationEventPublisher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Publishes the recorded events of every aggregate in the persistence context after a flush: Hibernate flushes before
 * each commit, so no event outlives its transaction unpublished, and the aggregate's generated id and new version are
 * set by then (what a snapshot of it must carry). Listeners run synchronously, in the transaction, before it commits.
 * All events are taken before the first is published: a listener that queries (and so flushes again) finds none left
 * to publish twice.
 */
final class AggregateEventsAtFlush extends EmptyInterceptor {

    private static final long serialVersionUID = 1L;

    private final transient ApplicationEventPublisher publisher;

    AggregateEventsAtFlush(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void postFlush(Iterator entities) {
        List<AggregateRoot.Recorded> due = new ArrayList<>();
        entities.forEachRemaining(entity -> {
            if (entity instanceof AggregateRoot) {
                due.addAll(((AggregateRoot) entity).takeEvents());
            }
        });
        due.sort(Comparator.comparingLong(AggregateRoot.Recorded::sequence));
        due.forEach(recorded -> publisher.publishEvent(recorded.event()));
    }
}
