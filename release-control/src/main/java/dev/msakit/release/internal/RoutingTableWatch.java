package dev.msakit.release.internal;

import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.release.switches.FeatureSwitches;
import dev.msakit.release.switches.RoutingTableChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The gateways' long polls: each waits for a revision other than the one it has. A change committed here wakes
 * them at once; one committed by another instance of this service is found by a look at the revision every
 * {@code watch-interval-ms} (one query however many gateways wait, and none when nobody waits).
 */
@Component
public class RoutingTableWatch {

    private static final Logger log = LoggerFactory.getLogger(RoutingTableWatch.class);

    private final FeatureSwitches switches;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

    public RoutingTableWatch(FeatureSwitches switches) {
        this.switches = switches;
    }

    /** Calls {@code answer} with the table once its revision differs from {@code known}; cancel() to give up. */
    public Runnable await(long known, Consumer<RoutingTable> answer) {
        Waiter waiter = new Waiter(known, answer);
        waiters.add(waiter);
        // A change committed between the caller's look and this registration would otherwise wait for the next.
        check();
        return () -> waiters.remove(waiter);
    }

    @TransactionalEventListener
    public void committed(RoutingTableChanged change) {
        check();
    }

    @Scheduled(fixedDelayString = "${release-control.watch-interval-ms:200}")
    public void check() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            long revision = switches.revision();
            RoutingTable table = null;
            for (Waiter waiter : waiters) {
                if (waiter.known != revision && waiters.remove(waiter)) {
                    if (table == null) {
                        table = switches.table();
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

        Waiter(long known, Consumer<RoutingTable> answer) {
            this.known = known;
            this.answer = answer;
        }
    }
}
