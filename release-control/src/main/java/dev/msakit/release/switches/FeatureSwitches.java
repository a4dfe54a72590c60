package dev.msakit.release.switches;

import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.release.routing.RoutingRevision;
import dev.msakit.release.routing.RoutingTableChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Changes switches one at a time per feature, each under a new revision of the routing table. */
@Service
public class FeatureSwitches {

    private static final Logger log = LoggerFactory.getLogger(FeatureSwitches.class);

    private final SwitchStore store;
    private final RoutingRevision revision;
    private final ApplicationEventPublisher events;

    public FeatureSwitches(SwitchStore store, RoutingRevision revision, ApplicationEventPublisher events) {
        this.store = store;
        this.revision = revision;
        this.events = events;
    }

    /**
     * Applies the change; a conditional one only if the switch is still at the version the caller saw. The switch's
     * row is locked before the revision's (every change takes them in this order: no deadlock), so a second change
     * of the same switch waits, then sees the first one's version.
     */
    @Transactional
    public FeatureSwitch change(String name, SwitchChange change) {
        FeatureSwitch current = store.lock(name).orElseThrow(() -> new UnknownFeatureException(name));
        if (change.getExpectedVersion().isPresent()
                && change.getExpectedVersion().getAsLong() != current.getVersion()) {
            throw new StaleVersionException(name, change.getExpectedVersion().getAsLong(), current.getVersion());
        }
        int percent;
        if (change.getMode() == Mode.PERCENT) {
            if (change.getPercent() == null) {
                throw new InvalidChangeException("percent (0 to 100) is required for mode PERCENT");
            }
            percent = change.getPercent();
        } else {
            percent = change.getPercent() == null ? current.getPercent() : change.getPercent();
        }
        long next = revision.next();
        Long ifMatch = change.getExpectedVersion().isPresent() ? change.getExpectedVersion().getAsLong() : null;
        store.update(name, change.getMode(), percent, next, change.getChangedBy(), ifMatch, change.getForcedPast());
        events.publishEvent(new RoutingTableChanged(next));
        log.info("Feature {} -> {}{} at revision {} by {}{}{}", name, change.getMode(),
                change.getMode() == Mode.PERCENT ? " " + percent + " %" : "", next, change.getChangedBy(),
                ifMatch == null ? " (without If-Match)" : "",
                change.getForcedPast() == null ? "" : ", forced past: " + change.getForcedPast());
        return store.find(name).orElseThrow(() -> new UnknownFeatureException(name));
    }

    public FeatureSwitch get(String name) {
        return store.find(name).orElseThrow(() -> new UnknownFeatureException(name));
    }

    public List<FeatureSwitch> all() {
        return store.all();
    }

    public List<SwitchHistoryEntry> history(String name, int limit) {
        get(name);
        return store.history(name, limit);
    }

    public long revision() {
        return revision.current();
    }
}
