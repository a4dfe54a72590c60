package dev.msakit.platform.messaging;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Dead letters parked per topic, and whether the consumers are paused, on the service's health page (Admin shows it).
 * Always UP: a parked letter needs an operator, not a restart or a service out of rotation.
 */
public class DeadLetterHealth extends AbstractHealthIndicator {

    private final DeadLetterStore store;
    private final ConsumerPause pause;

    public DeadLetterHealth(DeadLetterStore store, ConsumerPause pause) {
        super("Dead letters could not be counted");
        this.store = store;
        this.pause = pause;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("consumersPaused", pause.isPaused()).withDetail("parked", store.parked())
                .withDetail("parkedByTopic", store.parkedByTopic());
    }
}
