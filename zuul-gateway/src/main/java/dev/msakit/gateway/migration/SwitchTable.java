package dev.msakit.gateway.migration;

import dev.msakit.contracts.release.FeatureRoute;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.contracts.release.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * This gateway instance's copy of the routing table release-control serves, read on every routed request without a
 * call anywhere. A newer table replaces the whole copy at once; while release-control is away the last copy keeps
 * routing. Before the first table arrives nothing is decided here, and the gateway is not ready (RoutingTableHealth).
 */
public class SwitchTable {

    private static final Logger log = LoggerFactory.getLogger(SwitchTable.class);

    private volatile Snapshot current = new Snapshot(-1, Map.of(), null);

    /** The switch deciding this request, if any. */
    public Optional<FeatureSwitch> decide(String method, String path) {
        for (FeatureSwitch candidate : current.switches.values()) {
            if (candidate.covers(method, path)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public Optional<FeatureSwitch> named(String name) {
        return Optional.ofNullable(current.switches.get(name));
    }

    public Collection<FeatureSwitch> all() {
        return current.switches.values();
    }

    /** The revision of the table routing now; -1 before the first. */
    public long revision() {
        return current.revision;
    }

    public boolean isLoaded() {
        return current.revision >= 0;
    }

    /** When the table routing now was applied; null before the first. */
    public Instant appliedAt() {
        return current.appliedAt;
    }

    /**
     * Routes by this table from the next request on. Any other revision than the current one is applied: release-control
     * is the truth, and a lower revision means its history started over (a new database), not an old answer.
     */
    public synchronized boolean apply(RoutingTable table) {
        if (table.getRevision() == current.revision) {
            return false;
        }
        Map<String, FeatureSwitch> switches = new LinkedHashMap<>();
        for (FeatureRoute route : table.getFeatures()) {
            switches.put(route.getName(), new FeatureSwitch(route));
        }
        current = new Snapshot(table.getRevision(), switches, Instant.now());
        log.info("Routing table at revision {}: {}", table.getRevision(), describe());
        notifyAll();
        return true;
    }

    /** Waits until this gateway routes by the revision or a later one; false when it did not within the time. */
    public synchronized boolean awaitRevision(long revision, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (current.revision < revision) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        current.switches.values().forEach(s -> text.append(text.length() == 0 ? "" : ", ").append(s.getName())
                .append('=').append(s.getMode()).append(s.getMode() == Mode.PERCENT ? " " + s.getPercent() : ""));
        return text.toString();
    }

    private static final class Snapshot {
        final long revision;
        final Map<String, FeatureSwitch> switches;
        final Instant appliedAt;

        Snapshot(long revision, Map<String, FeatureSwitch> switches, Instant appliedAt) {
            this.revision = revision;
            this.switches = switches;
            this.appliedAt = appliedAt;
        }
    }
}
