package dev.msakit.contracts.release;

import java.util.ArrayList;
import java.util.List;

/**
 * What every gateway routes by, as release-control's {@code GET /internal/routing-table} (SERVICE token) serves it:
 * the feature switches and the canary releases, with one revision for the whole table, raised by every committed
 * change in commit order, so a gateway that applies revision N has every change up to N and none after it.
 */
public class RoutingTable {

    /**
     * On every answer of release-control that changed the table: the revision that holds the change. The gateway
     * that forwarded the change answers once it routes by that revision (read your writes).
     */
    public static final String REVISION_HEADER = "Routing-Revision";

    private long revision;
    private List<FeatureRoute> features = new ArrayList<>();
    /** The canary releases gateways route now (waiting, running, or ended but not finished yet). */
    private List<ReleaseRoute> releases = new ArrayList<>();

    public RoutingTable() {
    }

    public RoutingTable(long revision, List<FeatureRoute> features, List<ReleaseRoute> releases) {
        this.revision = revision;
        this.features = List.copyOf(features);
        this.releases = List.copyOf(releases);
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

    public List<ReleaseRoute> getReleases() {
        return releases;
    }

    public void setReleases(List<ReleaseRoute> releases) {
        this.releases = releases;
    }
}
