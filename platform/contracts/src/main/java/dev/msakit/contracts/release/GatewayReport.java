package dev.msakit.contracts.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gateway instance tells release-control every few seconds ({@code PUT /internal/gateways/{instanceId}},
 * SERVICE token): the table revision it routes by, and its counters per feature since it started (requests per
 * side, read fallbacks, shadow replays compared / mismatched / failed / skipped), and per feature its shadow
 * comparisons per endpoint and field (cumulative since it started).
 */
public class GatewayReport {

    private long appliedRevision;
    private Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    private Map<String, List<ShadowStats>> shadow = new LinkedHashMap<>();

    public GatewayReport() {
    }

    public GatewayReport(long appliedRevision, Map<String, Map<String, Long>> counters) {
        this.appliedRevision = appliedRevision;
        this.counters = counters;
    }

    public long getAppliedRevision() {
        return appliedRevision;
    }

    public void setAppliedRevision(long appliedRevision) {
        this.appliedRevision = appliedRevision;
    }

    public Map<String, Map<String, Long>> getCounters() {
        return counters;
    }

    public void setCounters(Map<String, Map<String, Long>> counters) {
        this.counters = counters;
    }

    public Map<String, List<ShadowStats>> getShadow() {
        return shadow;
    }

    public void setShadow(Map<String, List<ShadowStats>> shadow) {
        this.shadow = shadow;
    }
}
