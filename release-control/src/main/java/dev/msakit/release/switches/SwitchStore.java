package dev.msakit.release.switches;

import dev.msakit.contracts.release.FeatureRoute;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The switches and their history, in release-control's database. */
@Repository
public class SwitchStore {

    private static final String COLUMNS = "name, path_patterns, methods, legacy_service, new_service, mode, percent,"
            + " ignored_fields, compared_headers, version, changed_by, changed_at";
    private static final RowMapper<FeatureSwitch> ROW = (rs, n) -> {
        FeatureRoute route = new FeatureRoute(rs.getString("name"), list(rs.getString("path_patterns")),
                list(rs.getString("methods")), rs.getString("legacy_service"), rs.getString("new_service"),
                Mode.valueOf(rs.getString("mode")), rs.getInt("percent"), list(rs.getString("ignored_fields")),
                rs.getLong("version"));
        route.setComparedHeaders(list(rs.getString("compared_headers")));
        return new FeatureSwitch(route, rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    };

    private final JdbcTemplate jdbc;

    public SwitchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FeatureSwitch> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_switch ORDER BY name", ROW);
    }

    public Optional<FeatureSwitch> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_switch WHERE name = ?", ROW, name).stream()
                .findFirst();
    }

    /** The switch, locked against other changes until the transaction ends. */
    public Optional<FeatureSwitch> lock(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feature_switch WHERE name = ? FOR UPDATE", ROW, name)
                .stream().findFirst();
    }

    /** Writes the new mode and percent at this revision, and the history row that says who and against what. */
    public void update(String name, Mode mode, int percent, long revision, String changedBy, Long ifMatch,
                       String forcedPast) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("UPDATE feature_switch SET mode = ?, percent = ?, version = ?, changed_by = ?, changed_at = ?"
                + " WHERE name = ?", mode.name(), percent, revision, changedBy, now, name);
        jdbc.update("INSERT INTO feature_switch_history (name, mode, percent, version, changed_by, changed_at,"
                + " if_match, forced_past) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", name, mode.name(), percent, revision,
                changedBy, now, ifMatch, forcedPast);
    }

    public List<SwitchHistoryEntry> history(String name, int limit) {
        return jdbc.query("SELECT mode, percent, version, changed_by, changed_at, if_match, forced_past"
                + " FROM feature_switch_history WHERE name = ? ORDER BY id DESC LIMIT ?", (rs, n) -> new SwitchHistoryEntry(
                        Mode.valueOf(rs.getString("mode")), rs.getInt("percent"), rs.getLong("version"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getObject("if_match", Long.class), rs.getString("forced_past")), name, limit);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
