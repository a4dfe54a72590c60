package dev.msakit.release.canary;

import dev.msakit.contracts.release.RoleMeasurement;
import dev.msakit.release.canary.judge.RoleSample;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the gateways measured of each role of a release, report by report: an interval or a step is judged on the
 * sum of every gateway's reports received within it, so a gateway killed mid-release only takes its share away.
 */
@Repository
public class MeasurementStore {

    private final JdbcTemplate jdbc;

    public MeasurementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long releaseId, String gateway, Role role, RoleMeasurement measured, long receivedAt) {
        jdbc.update("INSERT INTO canary_measurement (release_id, gateway, role, received_at, answers, server_errors,"
                        + " failed_attempts, latencies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", releaseId, gateway,
                role.name(), receivedAt, measured.getAnswers(), measured.getServerErrors(),
                measured.getFailedAttempts(), Arrays.stream(measured.getLatenciesMs())
                        .mapToObj(ms -> String.format(Locale.ROOT, "%.3f", ms)).collect(Collectors.joining(",")));
    }

    /** The release's measurements, merged per role over a span of time. */
    public CanaryRelease.Measurements of(long releaseId) {
        return (role, from, to) -> sample(releaseId, role, from, to);
    }

    private RoleSample sample(long releaseId, Role role, long from, long to) {
        long[] counts = new long[3];
        StringBuilder latencies = new StringBuilder();
        jdbc.query("SELECT answers, server_errors, failed_attempts, latencies FROM canary_measurement"
                + " WHERE release_id = ? AND role = ? AND received_at >= ? AND received_at < ?", rs -> {
                    counts[0] += rs.getLong("answers");
                    counts[1] += rs.getLong("server_errors");
                    counts[2] += rs.getLong("failed_attempts");
                    String values = rs.getString("latencies");
                    if (!values.isEmpty()) {
                        latencies.append(latencies.length() == 0 ? "" : ",").append(values);
                    }
                }, releaseId, role.name(), from, to);
        double[] ms = latencies.length() == 0 ? new double[0]
                : Arrays.stream(latencies.toString().split(",")).mapToDouble(Double::parseDouble).toArray();
        return new RoleSample(counts[0], counts[1], counts[2], ms);
    }
}
