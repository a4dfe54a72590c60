package dev.msakit.release.switches;

import dev.msakit.contracts.release.FeatureRoute.Mode;

import java.util.OptionalLong;

/**
 * A change asked of a switch: the new mode, the percent (required for PERCENT, else kept), who asks, and the version
 * the asker saw (If-Match), if they said.
 */
public final class SwitchChange {

    private final Mode mode;
    private final Integer percent;
    private final String changedBy;
    private final OptionalLong expectedVersion;
    private final String forcedPast;

    public SwitchChange(Mode mode, Integer percent, String changedBy, OptionalLong expectedVersion) {
        this(mode, percent, changedBy, expectedVersion, null);
    }

    public SwitchChange(Mode mode, Integer percent, String changedBy, OptionalLong expectedVersion,
                        String forcedPast) {
        this.mode = mode;
        this.percent = percent;
        this.changedBy = changedBy;
        this.expectedVersion = expectedVersion;
        this.forcedPast = forcedPast;
    }

    /** What the flip gate objected to, for a change an admin forced past it; null otherwise. */
    public String getForcedPast() {
        return forcedPast;
    }

    public Mode getMode() {
        return mode;
    }

    public Integer getPercent() {
        return percent;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public OptionalLong getExpectedVersion() {
        return expectedVersion;
    }
}
