package dev.msakit.release.reconcile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * One comparison of a feature's data set between the legacy shop and the new service, as the API shows it (in this
 * order: ./msa reconcile reads the counts in one line).
 */
@JsonPropertyOrder({"id", "feature", "startedAt", "finishedAt", "requestedBy", "legacyRows", "newRows", "buckets",
        "differingBuckets", "drift", "inFlight", "legacyLagSeconds", "newLagSeconds", "error", "repair", "drifted"})
public class Reconciliation {

    private final long id;
    private final String feature;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String requestedBy;
    private final Long legacyRows;
    private final Long newRows;
    private final int buckets;
    private final int differingBuckets;
    private final int drift;
    private final int inFlight;
    private final Double legacyLagSeconds;
    private final Double newLagSeconds;
    private final List<DriftedRow> drifted;
    private final String error;
    private final Repair repair;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public Reconciliation(long id, String feature, Instant startedAt, Instant finishedAt, String requestedBy,
                          Long legacyRows, Long newRows, int buckets, int differingBuckets, int drift, int inFlight,
                          Double legacyLagSeconds, Double newLagSeconds, List<DriftedRow> drifted, String error) {
        this.id = id;
        this.feature = feature;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.requestedBy = requestedBy;
        this.legacyRows = legacyRows;
        this.newRows = newRows;
        this.buckets = buckets;
        this.differingBuckets = differingBuckets;
        this.drift = drift;
        this.inFlight = inFlight;
        this.legacyLagSeconds = legacyLagSeconds;
        this.newLagSeconds = newLagSeconds;
        this.drifted = List.copyOf(drifted);
        this.error = error;
        this.repair = null;
    }

    private Reconciliation(Reconciliation compared, Repair repair) {
        this.id = compared.id;
        this.feature = compared.feature;
        this.startedAt = compared.startedAt;
        this.finishedAt = compared.finishedAt;
        this.requestedBy = compared.requestedBy;
        this.legacyRows = compared.legacyRows;
        this.newRows = compared.newRows;
        this.buckets = compared.buckets;
        this.differingBuckets = compared.differingBuckets;
        this.drift = compared.drift;
        this.inFlight = compared.inFlight;
        this.legacyLagSeconds = compared.legacyLagSeconds;
        this.newLagSeconds = compared.newLagSeconds;
        this.drifted = compared.drifted;
        this.error = compared.error;
        this.repair = repair;
    }

    /** This reconciliation with the repair that followed it. */
    public Reconciliation withRepair(Repair done) {
        return new Reconciliation(this, done);
    }

    /** A failed reconciliation (a side unreachable): says nothing about drift. */
    @JsonIgnore
    public boolean isFailed() {
        return error != null;
    }

    public long getId() {
        return id;
    }

    public String getFeature() {
        return feature;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Long getLegacyRows() {
        return legacyRows;
    }

    public Long getNewRows() {
        return newRows;
    }

    public int getBuckets() {
        return buckets;
    }

    public int getDifferingBuckets() {
        return differingBuckets;
    }

    /** Rows that differed twice, alike, a confirm delay apart: the sides disagree, not a change in flight. */
    public int getDrift() {
        return drift;
    }

    /** Rows that differed at first and changed meanwhile: changes the sync was carrying. */
    public int getInFlight() {
        return inFlight;
    }

    public Double getLegacyLagSeconds() {
        return legacyLagSeconds;
    }

    public Double getNewLagSeconds() {
        return newLagSeconds;
    }

    public List<DriftedRow> getDrifted() {
        return drifted;
    }

    public String getError() {
        return error;
    }

    /** The repair asked for with it, or null. */
    public Repair getRepair() {
        return repair;
    }

    /**
     * A repair: the side that holds the feature published its drifted rows to the other side, which applies them
     * like any change from there (a later reconciliation shows the result once they are through).
     */
    public static class Repair {
        private String from;
        private int published;
        private List<String> notPublished;

        public Repair() {
        }

        public Repair(String from, int published, List<String> notPublished) {
            this.from = from;
            this.published = published;
            this.notPublished = List.copyOf(notPublished);
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public int getPublished() {
            return published;
        }

        public void setPublished(int published) {
            this.published = published;
        }

        public List<String> getNotPublished() {
            return notPublished;
        }

        public void setNotPublished(List<String> notPublished) {
            this.notPublished = notPublished;
        }
    }

    /** One row that drifted: its id and each side's canonical row (null where that side lacks it). */
    public static class DriftedRow {
        private String id;
        private String legacy;
        private String newSide;

        public DriftedRow() {
        }

        public DriftedRow(String id, String legacy, String newSide) {
            this.id = id;
            this.legacy = legacy;
            this.newSide = newSide;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getLegacy() {
            return legacy;
        }

        public void setLegacy(String legacy) {
            this.legacy = legacy;
        }

        public String getNewSide() {
            return newSide;
        }

        public void setNewSide(String newSide) {
            this.newSide = newSide;
        }
    }
}
