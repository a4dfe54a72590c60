package dev.msakit.gateway.control;

import dev.msakit.gateway.migration.SwitchTable;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Part of the gateway's readiness: DOWN until the first routing table has arrived (the gateway does not know yet
 * whether a feature belongs to legacy); UP afterwards, also while release-control is away (the last table routes).
 */
public class RoutingTableHealth extends AbstractHealthIndicator {

    private final SwitchTable table;
    private final RoutingTablePoller poller;

    public RoutingTableHealth(SwitchTable table, RoutingTablePoller poller) {
        this.table = table;
        this.poller = poller;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!table.isLoaded()) {
            health.down().withDetail("reason", "no routing table from release-control yet");
            return;
        }
        health.up().withDetail("revision", table.revision()).withDetail("appliedAt", table.appliedAt())
                .withDetail("releaseControlReachable", !poller.isUnreachable());
    }
}
