package dev.msakit.gateway.migration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The switch table in the gateway's database: the truth every gateway instance polls. */
public class SwitchStore {

    private static final String COLUMNS = "name, path_patterns, methods, legacy_service, new_service, mode, percent,"
            + " ignored_fields, version, changed_by, changed_at";
    private static final RowMapper<FeatureSwitch> ROW = (rs, n) -> new FeatureSwitch(rs.getString("name"),
            list(rs.getString("path_patterns")), Set.copyOf(list(rs.getString("methods"))),
            rs.getString("legacy_service"), rs.getString("new_service"), Mode.valueOf(rs.getString("mode")),
            rs.getInt("percent"), Set.copyOf(list(rs.getString("ignored_fields"))), rs.getLong("version"),
            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());

    private final JdbcTemplate jdbc;

    public SwitchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long latestVersion() {
        Long version = jdbc.queryForObject("SELECT max(version) FROM feature_switch", Long.class);
        return version == null ? 0 : version;
    }

    public Map<String, FeatureSwitch> all() {
        Map<String, FeatureSwitch> switches = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM feature_switch ORDER BY name", ROW)
                .forEach(s -> switches.put(s.getName(), s));
        return switches;
    }

    public Optional<FeatureSwitch> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_switch WHERE name = ?", ROW, name).stream()
                .findFirst();
    }

    /** Sets mode and percent and records who did it, atomically with its history row. */
    @Transactional
    public Optional<FeatureSwitch> change(String name, Mode mode, int percent, String changedBy) {
        int changed = jdbc.update("UPDATE feature_switch SET mode = ?, percent = ?,"
                + " version = nextval('feature_switch_version'), changed_by = ?, changed_at = now() WHERE name = ?",
                mode.name(), percent, changedBy, name);
        if (changed == 0) {
            return Optional.empty();
        }
        jdbc.update("INSERT INTO feature_switch_history (name, mode, percent, version, changed_by, changed_at)"
                + " SELECT name, mode, percent, version, changed_by, changed_at FROM feature_switch WHERE name = ?",
                name);
        return find(name);
    }

    public List<Map<String, Object>> history(String name, int limit) {
        return jdbc.query("SELECT mode, percent, version, changed_by, changed_at FROM feature_switch_history"
                + " WHERE name = ? ORDER BY id DESC LIMIT ?", (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("mode", rs.getString("mode"));
                    row.put("percent", rs.getInt("percent"));
                    row.put("version", rs.getLong("version"));
                    row.put("changedBy", rs.getString("changed_by"));
                    row.put("changedAt", rs.getTimestamp("changed_at").toInstant());
                    return row;
                }, name, limit);
    }

    /** Keeps the newest {@code keep} mismatches of the feature. */
    @Transactional
    public void recordDiff(String feature, String method, String path, String traceId, List<String> paths,
                           int keep) {
        jdbc.update("INSERT INTO shadow_diff (feature, observed_at, method, path, trace_id, paths)"
                + " VALUES (?, ?, ?, ?, ?, ?)", feature, Timestamp.from(Instant.now()), method, path, traceId,
                String.join("\n", paths));
        jdbc.update("DELETE FROM shadow_diff WHERE feature = ? AND id <= (SELECT id FROM shadow_diff"
                + " WHERE feature = ? ORDER BY id DESC OFFSET ? LIMIT 1)", feature, feature, keep);
    }

    public List<Map<String, Object>> diffs(String feature, int limit) {
        return jdbc.query("SELECT observed_at, method, path, trace_id, paths FROM shadow_diff WHERE feature = ?"
                + " ORDER BY id DESC LIMIT ?", (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("observedAt", rs.getTimestamp("observed_at").toInstant());
                    row.put("method", rs.getString("method"));
                    row.put("path", rs.getString("path"));
                    row.put("traceId", rs.getString("trace_id"));
                    row.put("differingPaths", list(rs.getString("paths").replace('\n', ',')));
                    return row;
                }, feature, limit);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
