package dev.msakit.release.switches;

import dev.msakit.contracts.release.FeatureRoute.Mode;

import java.time.Instant;

/** One change of a switch, as recorded. */
public final class SwitchHistoryEntry {

    private final Mode mode;
    private final int percent;
    private final long version;
    private final String changedBy;
    private final Instant changedAt;
    /** The version the change was made against, or null: sent without If-Match. */
    private final Long ifMatch;
    /** What the flip gate objected to when the change was forced anyway; null otherwise. */
    private final String forcedPast;

    public SwitchHistoryEntry(Mode mode, int percent, long version, String changedBy, Instant changedAt,
                              Long ifMatch, String forcedPast) {
        this.mode = mode;
        this.percent = percent;
        this.version = version;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.ifMatch = ifMatch;
        this.forcedPast = forcedPast;
    }

    public Mode getMode() {
        return mode;
    }

    public int getPercent() {
        return percent;
    }

    public long getVersion() {
        return version;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Long getIfMatch() {
        return ifMatch;
    }

    public String getForcedPast() {
        return forcedPast;
    }
}
