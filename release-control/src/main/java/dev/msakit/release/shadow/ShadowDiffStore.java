package dev.msakit.release.shadow;

import dev.msakit.contracts.release.ShadowDifference;
import dev.msakit.release.config.ReleaseControlProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The newest shadow differences per feature, as the gateways report them. */
@Repository
public class ShadowDiffStore {

    private final JdbcTemplate jdbc;
    private final int kept;

    public ShadowDiffStore(JdbcTemplate jdbc, ReleaseControlProperties properties) {
        this.jdbc = jdbc;
        this.kept = properties.getDiffsKept();
    }

    /** Records one and keeps the newest {@code diffs-kept} of the feature. */
    @Transactional
    public void record(String feature, ShadowDifference difference) {
        jdbc.update("INSERT INTO shadow_diff (feature, observed_at, method, path, trace_id, paths, endpoint,"
                        + " legacy_status, new_status, new_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", feature,
                Timestamp.from(Instant.now()), difference.getMethod(), difference.getPath(), difference.getTraceId(),
                String.join("\n", difference.getDifferingPaths()), difference.getEndpoint(),
                difference.getLegacyStatus(), difference.getNewStatus(), difference.getNewError());
        jdbc.update("DELETE FROM shadow_diff WHERE feature = ? AND id <= (SELECT id FROM shadow_diff"
                + " WHERE feature = ? ORDER BY id DESC OFFSET ? LIMIT 1)", feature, feature, kept);
    }

    public List<RecordedDifference> newest(String feature, int limit) {
        return jdbc.query("SELECT observed_at, method, path, trace_id, paths, endpoint, legacy_status, new_status,"
                + " new_error FROM shadow_diff WHERE feature = ? ORDER BY id DESC LIMIT ?", (rs, n) ->
                        new RecordedDifference(rs.getTimestamp("observed_at").toInstant(), rs.getString("method"),
                                rs.getString("path"), rs.getString("trace_id"),
                                Arrays.asList(rs.getString("paths").split("\n")), rs.getString("endpoint"),
                                rs.getObject("legacy_status", Integer.class),
                                rs.getObject("new_status", Integer.class), rs.getString("new_error")),
                feature, limit);
    }

    /** A difference as stored, with when it was reported. */
    public static final class RecordedDifference {
        private final Instant observedAt;
        private final String method;
        private final String path;
        private final String traceId;
        private final List<String> differingPaths;
        private final String endpoint;
        private final Integer legacyStatus;
        private final Integer newStatus;
        private final String newError;

        @SuppressWarnings("checkstyle:ParameterNumber")
        RecordedDifference(Instant observedAt, String method, String path, String traceId,
                           List<String> differingPaths, String endpoint, Integer legacyStatus, Integer newStatus,
                           String newError) {
            this.observedAt = observedAt;
            this.method = method;
            this.path = path;
            this.traceId = traceId;
            this.differingPaths = List.copyOf(differingPaths);
            this.endpoint = endpoint;
            this.legacyStatus = legacyStatus;
            this.newStatus = newStatus;
            this.newError = newError;
        }

        /** The path template the read falls under (GET /products/{id}). */
        public String getEndpoint() {
            return endpoint;
        }

        public Integer getLegacyStatus() {
            return legacyStatus;
        }

        /** Null when the new side gave no answer ({@link #getNewError()} says why). */
        public Integer getNewStatus() {
            return newStatus;
        }

        public String getNewError() {
            return newError;
        }

        public Instant getObservedAt() {
            return observedAt;
        }

        public String getMethod() {
            return method;
        }

        public String getPath() {
            return path;
        }

        public String getTraceId() {
            return traceId;
        }

        public List<String> getDifferingPaths() {
            return differingPaths;
        }
    }
}
