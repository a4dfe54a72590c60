package dev.msakit.release.routing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The routing table's one revision, raised by every change of what gateways route by (a switch, a release's share
 * or status) inside that change's transaction. The row stays locked until the change commits, so revisions are
 * handed out in commit order: a reader that sees revision N sees every change up to N.
 */
@Repository
public class RoutingRevision {

    private final JdbcTemplate jdbc;

    public RoutingRevision(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** As committed now. */
    public long current() {
        return jdbc.queryForObject("SELECT revision FROM routing_revision WHERE id = 1", Long.class);
    }

    /** Raises it for the caller's transaction and returns it; the next change waits for this one to commit. */
    public long next() {
        return jdbc.queryForObject("UPDATE routing_revision SET revision = revision + 1 WHERE id = 1"
                + " RETURNING revision", Long.class);
    }
}
