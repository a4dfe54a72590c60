package dev.msakit.release.api;

import dev.msakit.release.gateways.GatewayReports.GatewayStatus;

import java.time.Instant;

/** A gateway instance as last heard from, and whether it routes by the current table. */
public final class GatewayView {

    private final GatewayStatus status;
    private final long currentRevision;

    public GatewayView(GatewayStatus status, long currentRevision) {
        this.status = status;
        this.currentRevision = currentRevision;
    }

    public String getInstanceId() {
        return status.getInstanceId();
    }

    public long getAppliedRevision() {
        return status.getAppliedRevision();
    }

    public boolean isCurrent() {
        return status.getAppliedRevision() == currentRevision;
    }

    public Instant getReportedAt() {
        return status.getReportedAt();
    }
}
