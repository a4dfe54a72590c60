package dev.msakit.release.api;

import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.release.switches.FeatureSwitch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A switch as the admin API shows it: what it covers, who serves it, who changed it, what the gateways count. */
public final class FeatureView {

    private final FeatureSwitch feature;
    private final Map<String, Long> counters;

    public FeatureView(FeatureSwitch feature, Map<String, Long> counters) {
        this.feature = feature;
        this.counters = counters;
    }

    public String getName() {
        return feature.getName();
    }

    public Mode getMode() {
        return feature.getMode();
    }

    public int getPercent() {
        return feature.getPercent();
    }

    public List<String> getPathPatterns() {
        return feature.getPathPatterns();
    }

    public List<String> getMethods() {
        return feature.getMethods();
    }

    public String getLegacyService() {
        return feature.getLegacyService();
    }

    public String getNewService() {
        return feature.getNewService();
    }

    public List<String> getIgnoredFields() {
        return feature.getIgnoredFields();
    }

    /** The routing table's revision at which this switch last changed; also its ETag. */
    public long getVersion() {
        return feature.getVersion();
    }

    public String getChangedBy() {
        return feature.getChangedBy();
    }

    public Instant getChangedAt() {
        return feature.getChangedAt();
    }

    /**
     * Summed over the gateways that reported lately: requests per side ("routed.legacy", "routed.new"), read
     * fallbacks ("fallbackToLegacy") and shadow replays ("shadow.compared", "shadow.mismatched", ...).
     */
    public Map<String, Long> getCounters() {
        return counters;
    }
}
