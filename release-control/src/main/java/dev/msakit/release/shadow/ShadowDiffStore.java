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
                        + " legacy_status, new_status, new_error, legacy_body, new_body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", feature,
                Timestamp.from(Instant.now()), difference.getMethod(), difference.getPath(), difference.getTraceId(),
                String.join("\n", difference.getDifferingPaths()), difference.getEndpoint(),
                difference.getLegacyStatus(), difference.getNewStatus(), difference.getNewError(),
                difference.getLegacyBody(), difference.getNewBody());
        jdbc.update("DELETE FROM shadow_diff WHERE feature = ? AND id <= (SELECT id FROM shadow_diff"
                + " WHERE feature = ? ORDER BY id DESC OFFSET ? LIMIT 1)", feature, feature, kept);
    }

    public List<RecordedDifference> newest(String feature, int limit) {
        return jdbc.query("SELECT observed_at, method, path, trace_id, paths, endpoint, legacy_status, new_status,"
                + " new_error, legacy_body, new_body FROM shadow_diff WHERE feature = ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> new RecordedDifference(rs.getTimestamp("observed_at").toInstant(), rs.getString("method"),
                        rs.getString("path"), rs.getString("trace_id"),
                        Arrays.asList(rs.getString("paths").split("\n")), rs.getString("endpoint"),
                        new RecordedDifference.Answers(rs.getObject("legacy_status", Integer.class),
                                rs.getObject("new_status", Integer.class), rs.getString("new_error"),
                                rs.getString("legacy_body"), rs.getString("new_body"))),
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
        private final Answers answers;

        RecordedDifference(Instant observedAt, String method, String path, String traceId,
                           List<String> differingPaths, String endpoint, Answers answers) {
            this.observedAt = observedAt;
            this.method = method;
            this.path = path;
            this.traceId = traceId;
            this.differingPaths = List.copyOf(differingPaths);
            this.endpoint = endpoint;
            this.answers = answers;
        }

        /** The path template the read falls under (GET /products/{id}). */
        public String getEndpoint() {
            return endpoint;
        }

        public Integer getLegacyStatus() {
            return answers.legacyStatus;
        }

        /** Null when the new side gave no answer ({@link #getNewError()} says why). */
        public Integer getNewStatus() {
            return answers.newStatus;
        }

        public String getNewError() {
            return answers.newError;
        }

        /** Legacy's body as compared (an excerpt); null when it had none or it was not kept (before V5). */
        public String getLegacyBody() {
            return answers.legacyBody;
        }

        public String getNewBody() {
            return answers.newBody;
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
    
        /** What each side answered. */
        static final class Answers {
            final Integer legacyStatus;
            final Integer newStatus;
            final String newError;
            final String legacyBody;
            final String newBody;

            Answers(Integer legacyStatus, Integer newStatus, String newError, String legacyBody, String newBody) {
                this.legacyStatus = legacyStatus;
                this.newStatus = newStatus;
                this.newError = newError;
                this.legacyBody = legacyBody;
                this.newBody = newBody;
            }
        }
    }
}
