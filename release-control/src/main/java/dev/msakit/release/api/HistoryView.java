package dev.msakit.release.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.release.switches.SwitchHistoryEntry;

import java.time.Instant;

/** One recorded change of a switch; {@code conditional} says whether it was made with If-Match. */
public final class HistoryView {

    private final SwitchHistoryEntry entry;

    public HistoryView(SwitchHistoryEntry entry) {
        this.entry = entry;
    }

    public Mode getMode() {
        return entry.getMode();
    }

    public int getPercent() {
        return entry.getPercent();
    }

    public long getVersion() {
        return entry.getVersion();
    }

    public String getChangedBy() {
        return entry.getChangedBy();
    }

    public Instant getChangedAt() {
        return entry.getChangedAt();
    }

    /** False for a change sent without If-Match, i.e. made whatever the switch was at the time. */
    public boolean isConditional() {
        return entry.getIfMatch() != null;
    }

    /** The version the change was made against (its If-Match), if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Long getIfMatch() {
        return entry.getIfMatch();
    }

    /** A forced change: what the flip gate objected to (the sync lag, drift), and who forced it is changedBy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String getForcedPast() {
        return entry.getForcedPast();
    }
}
