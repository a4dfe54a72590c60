package dev.msakit.release.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.release.gateways.GatewayReports;
import dev.msakit.release.gateways.GatewayReports.GatewayStatus;
import dev.msakit.release.switches.FeatureSwitch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A switch as the admin API shows it: what it covers, who serves it, who changed it, what the gateways count. */
@JsonPropertyOrder({"name", "mode", "percent", "pathPatterns", "methods", "legacyService", "newService",
        "ignoredFields", "version", "changedBy", "changedAt", "counters", "countersByGateway"})
public final class FeatureView {

    private final FeatureSwitch feature;
    private final Map<String, Long> counters;
    private final Map<String, Map<String, Long>> countersByGateway;

    public FeatureView(FeatureSwitch feature, Map<String, Long> counters,
                       Map<String, Map<String, Long>> countersByGateway) {
        this.feature = feature;
        this.counters = counters;
        this.countersByGateway = countersByGateway;
    }

    /** The switch with its counters over the given live gateways, summed and per gateway. */
    public static FeatureView of(FeatureSwitch feature, GatewayReports gateways, List<GatewayStatus> live) {
        return new FeatureView(feature, gateways.countersOf(feature.getName(), live),
                gateways.countersByGateway(feature.getName(), live));
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
     * Summed over the gateways that reported lately: requests per side ("legacy", "new"), read
     * fallbacks ("fallbackToLegacy") and shadow replays ("shadow.compared", "shadow.mismatched", ...).
     */
    public Map<String, Long> getCounters() {
        return counters;
    }

    /** The same, per gateway instance (Eureka instance id): which gateway serves which share. */
    public Map<String, Map<String, Long>> getCountersByGateway() {
        return countersByGateway;
    }
}
