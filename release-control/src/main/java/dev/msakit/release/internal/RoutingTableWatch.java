package dev.msakit.release.internal;

import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.release.routing.RoutingTables;
import dev.msakit.release.routing.RoutingTableChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import javax.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The gateways' long polls: each waits for a revision other than the one it has. A change committed here wakes
 * them at once; one committed by another instance of this service is found by a look at the revision every
 * {@code watch-interval-ms} (one query however many gateways wait, and none when nobody waits).
 */
@Component
public class RoutingTableWatch implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RoutingTableWatch.class);

    private final RoutingTables tables;
    private final ApplicationContext context;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    /** Runs the look a commit asks for off the committing thread (its transaction's resources are still bound). */
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "routing-table-watch");
        thread.setDaemon(true);
        return thread;
    });

    public RoutingTableWatch(RoutingTables tables, ApplicationContext context) {
        this.tables = tables;
        this.context = context;
    }

    /**
     * Calls {@code answer} with the table once its revision differs from {@code known}, or {@code unchanged} when this
     * service stops meanwhile (a long poll must not hold its graceful shutdown); run what it returns to give up.
     */
    public Runnable await(long known, Consumer<RoutingTable> answer, Runnable unchanged) {
        Waiter waiter = new Waiter(known, answer, unchanged);
        waiters.add(waiter);
        // A change committed between the caller's look and this registration would otherwise wait for the next.
        check();
        return () -> waiters.remove(waiter);
    }

    @TransactionalEventListener
    public void committed(RoutingTableChanged change) {
        afterCommit.execute(this::check);
    }

    /**
     * At the start of shutdown: every waiting gateway gets its 304 now and asks again (another instance). Only this
     * service's own context closing counts: the load balancers' child contexts close later and tell their parent too
     * (an @EventListener would then be looked up among beans already destroyed, a warning on every shutdown).
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            answerEveryoneUnchanged();
        }
    }

    void answerEveryoneUnchanged() {
        for (Waiter waiter : waiters) {
            if (waiters.remove(waiter)) {
                waiter.unchanged.run();
            }
        }
    }

    @PreDestroy
    public void close() {
        afterCommit.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${release-control.watch-interval-ms:200}")
    public void check() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            long revision = tables.revision();
            RoutingTable table = null;
            for (Waiter waiter : waiters) {
                if (waiter.known != revision && waiters.remove(waiter)) {
                    if (table == null) {
                        table = tables.current();
                    }
                    waiter.answer.accept(table);
                }
            }
        } catch (RuntimeException e) {
            // The database away: the waiters time out with 304 and ask again; their gateways keep their table.
            log.warn("Could not read the routing table's revision for {} waiting gateways: {}", waiters.size(),
                    e.toString());
        }
    }

    private static final class Waiter {
        final long known;
        final Consumer<RoutingTable> answer;
        final Runnable unchanged;

        Waiter(long known, Consumer<RoutingTable> answer, Runnable unchanged) {
            this.known = known;
            this.answer = answer;
            this.unchanged = unchanged;
        }
    }
}
