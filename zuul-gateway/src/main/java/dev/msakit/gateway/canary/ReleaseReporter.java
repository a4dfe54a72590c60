package dev.msakit.gateway.canary;

import dev.msakit.contracts.release.ReleaseMeasurements;
import dev.msakit.contracts.release.RoleMeasurement;
import dev.msakit.gateway.control.ReleaseControlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.Map;

/**
 * Sends release-control what this gateway measured of each release's roles since its last report, every
 * {@code report-interval-ms}; release-control judges each interval on the sum of every gateway's reports. A report
 * that cannot be delivered is dropped (and logged once per outage): it would land in a later interval than the
 * requests it counts.
 */
public class ReleaseReporter {

    private static final Logger log = LoggerFactory.getLogger(ReleaseReporter.class);

    private final ReleaseRouting releases;
    private final ReleaseControlClient releaseControl;
    private final String instanceId;
    private volatile boolean failing;

    public ReleaseReporter(ReleaseRouting releases, ReleaseControlClient releaseControl, String instanceId) {
        this.releases = releases;
        this.releaseControl = releaseControl;
        this.instanceId = instanceId;
    }

    @Scheduled(fixedDelayString = "${gateway.control-plane.report-interval-ms:2000}")
    public void report() {
        for (RoutedRelease release : releases.all()) {
            Map<String, RoleMeasurement> measured = release.drain();
            if (measured.isEmpty()) {
                continue;
            }
            try {
                releaseControl.measurements(release.getId(), new ReleaseMeasurements(instanceId, measured));
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    failing = true;
                    log.warn("Could not report release {} of {} to release-control: {}", release.getId(),
                            release.getService(), e.toString());
                }
            }
        }
    }
}
