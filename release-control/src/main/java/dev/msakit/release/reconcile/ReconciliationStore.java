package dev.msakit.release.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Reconciliations as they were recorded, newest last. */
@Repository
public class ReconciliationStore {

    private static final TypeReference<List<Reconciliation.DriftedRow>> ROWS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Reconciliation> row = this::read;

    public ReconciliationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Reconciliation save(Reconciliation r) {
        long id = jdbc.queryForObject("INSERT INTO reconciliation (feature, started_at, finished_at, requested_by,"
                + " legacy_rows, new_rows, buckets, differing_buckets, drift, in_flight, legacy_lag_seconds,"
                + " new_lag_seconds, drifted, error, repair) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id",
                Long.class, r.getFeature(), Timestamp.from(r.getStartedAt()), Timestamp.from(r.getFinishedAt()),
                r.getRequestedBy(), r.getLegacyRows(), r.getNewRows(), r.getBuckets(), r.getDifferingBuckets(),
                r.getDrift(), r.getInFlight(), r.getLegacyLagSeconds(), r.getNewLagSeconds(), write(r.getDrifted()),
                r.getError(), r.getRepair() == null ? null : write(r.getRepair()));
        return latest(r.getFeature()).filter(saved -> saved.getId() == id).orElseThrow();
    }

    public Optional<Reconciliation> latest(String feature) {
        return jdbc.query("SELECT * FROM reconciliation WHERE feature = ? ORDER BY id DESC LIMIT 1", row, feature)
                .stream().findFirst();
    }

    /** The latest one that says something about drift (not failed). */
    public Optional<Reconciliation> latestCompleted(String feature) {
        return jdbc.query("SELECT * FROM reconciliation WHERE feature = ? AND error IS NULL ORDER BY id DESC LIMIT 1",
                row, feature).stream().findFirst();
    }

    private Reconciliation read(ResultSet rs, int n) throws SQLException {
        List<Reconciliation.DriftedRow> drifted;
        Reconciliation.Repair repair;
        try {
            drifted = json.readValue(rs.getString("drifted"), ROWS);
            String repaired = rs.getString("repair");
            repair = repaired == null ? null : json.readValue(repaired, Reconciliation.Repair.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable reconciliation " + rs.getLong("id"), e);
        }
        Reconciliation read = new Reconciliation(rs.getLong("id"), rs.getString("feature"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                rs.getString("requested_by"), rs.getObject("legacy_rows", Long.class),
                rs.getObject("new_rows", Long.class), rs.getInt("buckets"), rs.getInt("differing_buckets"),
                rs.getInt("drift"), rs.getInt("in_flight"), rs.getObject("legacy_lag_seconds", Double.class),
                rs.getObject("new_lag_seconds", Double.class), drifted, rs.getString("error"));
        return repair == null ? read : read.withRepair(repair);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
