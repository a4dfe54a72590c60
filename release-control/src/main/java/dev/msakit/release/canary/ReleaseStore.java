package dev.msakit.release.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The releases, their interval rows and the gateways' measurements, in release-control's database. */
@Repository
public class ReleaseStore {

    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ReleaseStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a new release and gives it its id; fails (unique index) when the service already has one routing. */
    public CanaryRelease insert(CanaryRelease release) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO canary_release (service, state) VALUES (?, '{}')", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, release.getService());
            return insert;
        }, key);
        release.setId(((Number) Objects.requireNonNull(key.getKeys()).get("id")).longValue());
        save(release);
        return release;
    }

    public void save(CanaryRelease release) {
        jdbc.update("UPDATE canary_release SET state = ? WHERE id = ?", write(release), release.getId());
    }

    /**
     * Every routing release, each locked for the caller's transaction; one another instance holds is skipped. NO KEY
     * UPDATE: the gateways' reports (whose foreign key takes a KEY SHARE lock) are not held up meanwhile.
     */
    public List<CanaryRelease> lockRoutingSkippingLocked() {
        return jdbc.query("SELECT state FROM canary_release WHERE NOT finished ORDER BY id"
                + " FOR NO KEY UPDATE SKIP LOCKED", (rs, n) -> read(rs.getString("state")));
    }

    /** The service's routing release, locked for the caller's transaction (as above). */
    public Optional<CanaryRelease> lockRouting(String service) {
        return jdbc.query("SELECT state FROM canary_release WHERE service = ? AND NOT finished FOR NO KEY UPDATE",
                (rs, n) -> read(rs.getString("state")), service).stream().findFirst();
    }

    public List<CanaryRelease> routing() {
        return jdbc.query("SELECT state FROM canary_release WHERE NOT finished ORDER BY id",
                (rs, n) -> read(rs.getString("state")));
    }

    public void finish(long id) {
        jdbc.update("UPDATE canary_release SET finished = TRUE WHERE id = ?", id);
    }

    /** The service's routing release, else its latest finished one. */
    public Optional<CanaryRelease> latest(String service) {
        return jdbc.query("SELECT state FROM canary_release WHERE service = ? ORDER BY finished, id DESC LIMIT 1",
                (rs, n) -> read(rs.getString("state")), service).stream().findFirst();
    }

    /** The routing releases, then the latest finished ones: {@code limit} in all. */
    public List<CanaryRelease> recent(int limit) {
        return jdbc.query("SELECT state FROM canary_release ORDER BY finished, id DESC LIMIT ?",
                (rs, n) -> read(rs.getString("state")), limit);
    }

    public void appendInterval(long releaseId, Map<String, Object> row) {
        try {
            jdbc.update("INSERT INTO canary_interval (release_id, row_json) VALUES (?, ?)", releaseId,
                    json.writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Map<String, Object>> intervals(long releaseId) {
        return jdbc.query("SELECT row_json FROM canary_interval WHERE release_id = ? ORDER BY id",
                (rs, n) -> {
                    try {
                        return json.readValue(rs.getString("row_json"), ROW);
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }, releaseId);
    }

    private String write(CanaryRelease release) {
        try {
            return json.writeValueAsString(release);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CanaryRelease read(String state) {
        try {
            return json.readValue(state, CanaryRelease.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
