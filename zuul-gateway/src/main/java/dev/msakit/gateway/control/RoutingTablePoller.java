package dev.msakit.gateway.control;

import dev.msakit.gateway.canary.ReleaseRouting;
import dev.msakit.gateway.migration.SwitchTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this gateway's routing table current: one long poll after another, each answered by release-control as soon
 * as a newer revision commits. While release-control cannot be reached the gateway routes by the table it has (one
 * warning per outage, then one line when it is back) and asks again after {@code retry-delay}.
 */
public class RoutingTablePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutingTablePoller.class);

    private final ReleaseControlClient releaseControl;
    private final SwitchTable table;
    private final ReleaseRouting releases;
    private final ControlPlaneProperties properties;
    private volatile boolean running;
    private volatile boolean unreachable;
    private Thread thread;

    public RoutingTablePoller(ReleaseControlClient releaseControl, SwitchTable table, ReleaseRouting releases,
                              ControlPlaneProperties properties) {
        this.releaseControl = releaseControl;
        this.table = table;
        this.releases = releases;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::pollUntilStopped, "routing-table-poll");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the last poll failed (routing goes on with the last table). */
    public boolean isUnreachable() {
        return unreachable;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                // The first table is asked for without waiting: until it arrives the gateway is not ready.
                long wait = table.isLoaded() ? properties.getLongPollWait().toMillis() : 0;
                releaseControl.nextTable(table.revision(), wait).ifPresent(next -> {
                    // Releases first: a switch read by the same request must not meet an older release.
                    releases.apply(next.getReleases());
                    table.apply(next);
                });
                if (unreachable) {
                    unreachable = false;
                    log.info("release-control reachable again; routing table at revision {}", table.revision());
                }
            } catch (RuntimeException e) {
                if (!unreachable) {
                    unreachable = true;
                    log.warn("release-control unreachable, routing on revision {} until it is back: {}",
                            table.revision(), e.toString());
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.getRetryDelay().toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
