package dev.msakit.contracts.release;

import java.util.ArrayList;
import java.util.List;

/**
 * What every gateway routes by, as release-control's {@code GET /internal/routing-table} (SERVICE token) serves it:
 * one revision for the whole table, raised by every committed change in commit order, so a gateway that applies
 * revision N has every change up to N and none after it.
 */
public class RoutingTable {

    private long revision;
    private List<FeatureRoute> features = new ArrayList<>();

    public RoutingTable() {
    }

    public RoutingTable(long revision, List<FeatureRoute> features) {
        this.revision = revision;
        this.features = List.copyOf(features);
    }

    /** The ETag of a table: its revision, quoted (RFC 7232 strong validator). */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    public long getRevision() {
        return revision;
    }

    public void setRevision(long revision) {
        this.revision = revision;
    }

    public List<FeatureRoute> getFeatures() {
        return features;
    }

    public void setFeatures(List<FeatureRoute> features) {
        this.features = features;
    }
}
