package dev.msakit.release.gateways;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.release.GatewayReport;
import dev.msakit.contracts.release.ShadowStats;
import dev.msakit.release.config.ReleaseControlProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last report of every gateway instance, in the database (so every instance of this service sees all of them):
 * which revision it routes by, and its counters per feature. Gateways silent for longer than
 * {@code gateway-silence} are left out (stopped, or cut off from this service).
 */
@Repository
public class GatewayReports {

    private static final TypeReference<Map<String, List<ShadowStats>>> SHADOW = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, Long>>> COUNTERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration silence;
    private final Clock clock = Clock.systemUTC();

    public GatewayReports(JdbcTemplate jdbc, ObjectMapper json, ReleaseControlProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.silence = properties.getGatewaySilence();
    }

    public void record(String instanceId, GatewayReport report) {
        String counters;
        String shadow;
        try {
            counters = json.writeValueAsString(report.getCounters());
            shadow = json.writeValueAsString(report.getShadow());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("INSERT INTO gateway_report (instance_id, applied_revision, counters, shadow, reported_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (instance_id) DO UPDATE SET applied_revision ="
                        + " EXCLUDED.applied_revision, counters = EXCLUDED.counters, shadow = EXCLUDED.shadow,"
                        + " reported_at = EXCLUDED.reported_at",
                instanceId, report.getAppliedRevision(), counters, shadow, Timestamp.from(clock.instant()));
    }

    /** One feature's shadow comparisons as each live gateway last reported them (one list per gateway). */
    public List<List<ShadowStats>> shadowOf(String feature) {
        Timestamp since = Timestamp.from(clock.instant().minus(silence));
        return jdbc.query("SELECT shadow FROM gateway_report WHERE reported_at >= ?", (rs, n) -> {
            try {
                return json.readValue(rs.getString("shadow"), SHADOW).getOrDefault(feature, List.of());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }, since);
    }

    /** The gateways heard from lately, by instance id. */
    public List<GatewayStatus> live() {
        Timestamp since = Timestamp.from(clock.instant().minus(silence));
        return jdbc.query("SELECT instance_id, applied_revision, counters, reported_at FROM gateway_report"
                + " WHERE reported_at >= ? ORDER BY instance_id", (rs, n) -> new GatewayStatus(
                        rs.getString("instance_id"), rs.getLong("applied_revision"),
                        rs.getTimestamp("reported_at").toInstant(), counters(rs.getString("counters"))), since);
    }

    /** One feature's counters summed over the live gateways. */
    public Map<String, Long> countersOf(String feature, List<GatewayStatus> gateways) {
        Map<String, Long> sum = new TreeMap<>();
        for (GatewayStatus gateway : gateways) {
            gateway.getCounters().getOrDefault(feature, Map.of())
                    .forEach((name, count) -> sum.merge(name, count, Long::sum));
        }
        return sum;
    }

    /** One feature's counters per live gateway, by instance id. */
    public Map<String, Map<String, Long>> countersByGateway(String feature, List<GatewayStatus> gateways) {
        Map<String, Map<String, Long>> byGateway = new TreeMap<>();
        for (GatewayStatus gateway : gateways) {
            byGateway.put(gateway.getInstanceId(), gateway.getCounters().getOrDefault(feature, Map.of()));
        }
        return byGateway;
    }

    private Map<String, Map<String, Long>> counters(String text) {
        try {
            return json.readValue(text, COUNTERS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gateway as last heard from. */
    public static final class GatewayStatus {
        private final String instanceId;
        private final long appliedRevision;
        private final Instant reportedAt;
        private final Map<String, Map<String, Long>> counters;

        GatewayStatus(String instanceId, long appliedRevision, Instant reportedAt,
                      Map<String, Map<String, Long>> counters) {
            this.instanceId = instanceId;
            this.appliedRevision = appliedRevision;
            this.reportedAt = reportedAt;
            this.counters = counters;
        }

        public String getInstanceId() {
            return instanceId;
        }

        public long getAppliedRevision() {
            return appliedRevision;
        }

        public Instant getReportedAt() {
            return reportedAt;
        }

        Map<String, Map<String, Long>> getCounters() {
            return counters;
        }
    }
}
