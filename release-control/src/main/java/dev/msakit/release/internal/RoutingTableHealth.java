package dev.msakit.release.internal;

import dev.msakit.release.switches.FeatureSwitches;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The revision the gateways should route by, beside each gateway's own (./msa status compares them). */
@Component("routingTableHealthIndicator")
public class RoutingTableHealth extends AbstractHealthIndicator {

    private final FeatureSwitches switches;

    public RoutingTableHealth(FeatureSwitches switches) {
        this.switches = switches;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up().withDetail("revision", switches.revision());
    }
}
