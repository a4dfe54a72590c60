package dev.msakit.gateway.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * This gateway instance's copy of the switch table, read on every routed request without touching the database.
 * A poll of the latest version replaces the whole copy when anything changed; while the database is away the last
 * copy keeps routing (one warning per outage), so switches never take the gateway down.
 */
public class SwitchTable {

    private static final Logger log = LoggerFactory.getLogger(SwitchTable.class);

    private final SwitchStore store;
    private volatile Snapshot current = new Snapshot(-1, Map.of());
    private volatile boolean storeDown;

    public SwitchTable(SwitchStore store) {
        this.store = store;
    }

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

    public long version() {
        return current.version;
    }

    @Scheduled(fixedDelayString = "${gateway.migration.poll-interval-ms:500}")
    public void refresh() {
        try {
            long latest = store.latestVersion();
            if (latest != current.version) {
                current = new Snapshot(latest, store.all());
                log.info("Feature switches at version {}: {}", latest, describe());
            }
            if (storeDown) {
                storeDown = false;
                log.info("Feature switch table reachable again");
            }
        } catch (RuntimeException e) {
            if (!storeDown) {
                storeDown = true;
                log.warn("Feature switch table unreachable, routing on version {} until it is back: {}",
                        current.version, e.getMessage());
            }
        }
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        current.switches.values().forEach(s -> text.append(text.length() == 0 ? "" : ", ").append(s.getName())
                .append('=').append(s.getMode()).append(s.getMode() == Mode.PERCENT ? " " + s.getPercent() : ""));
        return text.toString();
    }

    private static final class Snapshot {
        final long version;
        final Map<String, FeatureSwitch> switches;

        Snapshot(long version, Map<String, FeatureSwitch> switches) {
            this.version = version;
            this.switches = switches;
        }
    }
}
