package dev.msakit.release.canary;

import dev.msakit.contracts.release.LatencyHistogram;
import dev.msakit.contracts.release.RoleMeasurement;
import dev.msakit.release.canary.judge.Latencies;
import dev.msakit.release.canary.judge.RoleSample;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the gateways measured of each role of a release, report by report: an interval or a step is judged on the
 * sum of every gateway's reports received within it (counts added, latency histograms added bucket by bucket), so a
 * gateway killed mid-release only takes its share away.
 */
@Repository
public class MeasurementStore {

    private final JdbcTemplate jdbc;

    public MeasurementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long releaseId, String gateway, Role role, RoleMeasurement measured, long receivedAt) {
        LatencyHistogram latencies = measured.latencies();
        StringBuilder histogram = new StringBuilder();
        for (int i = 0; i < latencies.getBuckets().length; i++) {
            histogram.append(i == 0 ? "" : ",").append(latencies.getBuckets()[i]).append(':')
                    .append(latencies.getCounts()[i]);
        }
        jdbc.update("INSERT INTO canary_measurement (release_id, gateway, role, received_at, answers, server_errors,"
                        + " failed_attempts, latencies, latency_histogram) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)",
                releaseId, gateway, role.name(), receivedAt, measured.getAnswers(), measured.getServerErrors(),
                measured.getFailedAttempts(), histogram.toString());
    }

    /** The release's measurements, merged per role over a span of time. */
    public CanaryRelease.Measurements of(long releaseId) {
        return (role, from, to) -> sample(releaseId, role, from, to);
    }

    private RoleSample sample(long releaseId, Role role, long from, long to) {
        long[] counts = new long[3];
        long[] perBucket = new long[LatencyHistogram.MAX_BUCKET + 1];
        jdbc.query("SELECT answers, server_errors, failed_attempts, latencies, latency_histogram"
                + " FROM canary_measurement WHERE release_id = ? AND role = ? AND received_at >= ? AND received_at < ?",
                rs -> {
                    counts[0] += rs.getLong("answers");
                    counts[1] += rs.getLong("server_errors");
                    counts[2] += rs.getLong("failed_attempts");
                    for (String bucket : rs.getString("latency_histogram").split(",")) {
                        if (!bucket.isEmpty()) {
                            int colon = bucket.indexOf(':');
                            perBucket[Integer.parseInt(bucket.substring(0, colon))]
                                    += Long.parseLong(bucket.substring(colon + 1));
                        }
                    }
                    // Rows of reports from before the histogram: the values themselves.
                    for (String value : rs.getString("latencies").split(",")) {
                        if (!value.isEmpty()) {
                            perBucket[LatencyHistogram.bucketOf(Double.parseDouble(value))]++;
                        }
                    }
                }, releaseId, role.name(), from, to);
        return new RoleSample(counts[0], counts[1], counts[2], Latencies.of(LatencyHistogram.fromCounts(perBucket)));
    }
}
