package dev.msakit.release.reconcile;

import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.TimeUnit;

/**
 * Reconciles every feature every {@code interval} (none at 0). With two instances of release-control both run it;
 * a reconciliation only reads, so that costs a second comparison, nothing more.
 */
public class ReconciliationSchedule {

    private final Reconciler reconciler;
    private final ReconciliationProperties properties;
    private long lastRunNanos = System.nanoTime();

    public ReconciliationSchedule(Reconciler reconciler, ReconciliationProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    public void runWhenDue() {
        long interval = properties.getInterval().toNanos();
        if (interval <= 0 || System.nanoTime() - lastRunNanos < interval) {
            return;
        }
        lastRunNanos = System.nanoTime();
        reconciler.runAll("schedule (every " + TimeUnit.NANOSECONDS.toSeconds(interval) + " s)");
    }
}
