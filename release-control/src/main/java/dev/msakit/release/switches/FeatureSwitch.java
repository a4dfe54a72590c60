package dev.msakit.release.switches;

import dev.msakit.contracts.release.FeatureRoute;
import dev.msakit.contracts.release.FeatureRoute.Mode;

import java.time.Instant;
import java.util.List;

/** One feature's switch as stored: which requests it covers, which two services, who serves it, who said so. */
public final class FeatureSwitch {

    private final FeatureRoute route;
    private final String changedBy;
    private final Instant changedAt;

    public FeatureSwitch(FeatureRoute route, String changedBy, Instant changedAt) {
        this.route = route;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** What the gateways route by. */
    public FeatureRoute route() {
        return route;
    }

    public String getName() {
        return route.getName();
    }

    public Mode getMode() {
        return route.getMode();
    }

    public int getPercent() {
        return route.getPercent();
    }

    public List<String> getPathPatterns() {
        return route.getPathPatterns();
    }

    public List<String> getMethods() {
        return route.getMethods();
    }

    public String getLegacyService() {
        return route.getLegacyService();
    }

    public String getNewService() {
        return route.getNewService();
    }

    public List<String> getIgnoredFields() {
        return route.getIgnoredFields();
    }

    public long getVersion() {
        return route.getVersion();
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
