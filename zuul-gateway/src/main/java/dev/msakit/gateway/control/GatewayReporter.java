package dev.msakit.gateway.control;

import dev.msakit.contracts.release.GatewayReport;
import dev.msakit.gateway.migration.FeatureSwitch;
import dev.msakit.gateway.migration.MigrationCounters;
import dev.msakit.gateway.migration.ShadowStatsTable;
import dev.msakit.gateway.migration.SwitchTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells release-control every {@code report-interval-ms} which revision this gateway routes by and what it counted per
 * feature (and its shadow comparisons per endpoint and field), so operators see every gateway's share in one place
 * and which one lags.
 */
public class GatewayReporter {

    private static final Logger log = LoggerFactory.getLogger(GatewayReporter.class);

    private final ReleaseControlClient releaseControl;
    private final SwitchTable table;
    private final MigrationCounters counters;
    private final ShadowStatsTable shadowStats;
    private final String instanceId;
    private volatile boolean failing;

    public GatewayReporter(ReleaseControlClient releaseControl, SwitchTable table, MigrationCounters counters,
                           ShadowStatsTable shadowStats, String instanceId) {
        this.releaseControl = releaseControl;
        this.table = table;
        this.counters = counters;
        this.shadowStats = shadowStats;
        this.instanceId = instanceId;
    }

    @Scheduled(fixedDelayString = "${gateway.control-plane.report-interval-ms:2000}")
    public void report() {
        if (!table.isLoaded()) {
            return;
        }
        Map<String, Map<String, Long>> perFeature = new LinkedHashMap<>();
        for (FeatureSwitch feature : table.all()) {
            perFeature.put(feature.getName(), counters.of(feature.getName()));
        }
        try {
            GatewayReport report = new GatewayReport(table.revision(), perFeature);
            report.setShadow(shadowStats.snapshot());
            releaseControl.report(instanceId, report);
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Could not report to release-control (will keep trying): {}", e.toString());
            }
        }
    }
}
