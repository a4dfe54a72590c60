package dev.msakit.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A running PostgreSQL server: binaries installed, cluster created on first use, server started, accounts and
 * databases provisioned. Used by the postgres-server process and by tests that need a real database.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS_AFTER_CRASH = 10;

    private final PostgresSettings settings;
    private final PostgresCluster cluster;

    private PostgresServer(PostgresSettings settings, PostgresCluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
    }

    public static PostgresServer start(PostgresSettings settings) throws IOException, SQLException,
            InterruptedException {
        PostgresCluster cluster = new PostgresCluster(PostgresBinaries.install(settings.installDirectory()), settings);
        boolean created = cluster.initializeIfNew();
        cluster.writeAccessRules();
        PostgresServer server = new PostgresServer(settings, cluster);
        try {
            startOnItsData(cluster, created);
            new AccountProvisioner(cluster, settings.accountConnectionLimit()).provision(settings.accounts());
        } catch (SQLException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        Log.info((created ? "created and started" : "started") + " PostgreSQL " + PostgresBinaries.VERSION
                + " (pid " + cluster.pid() + ") on " + settings.bindAddress() + ":" + settings.port()
                + ", data in " + settings.dataDirectory() + ", accounts " + settings.accounts());
        return server;
    }

    /**
     * Starts the server and waits until it takes logins. After a kill, the old server's backends still hold its
     * shared memory for a moment and PostgreSQL refuses to start ("pre-existing shared memory block is still in
     * use"); they leave within a second or two of noticing their postmaster is gone, so a server that exits while
     * starting on existing data is started again, a few times.
     */
    private static void startOnItsData(PostgresCluster cluster, boolean created) throws IOException, SQLException,
            InterruptedException {
        for (int attempt = 1; ; attempt++) {
            cluster.start();
            try {
                cluster.awaitReady(START_TIMEOUT);
                return;
            } catch (IllegalStateException e) {
                if (created || !cluster.hasExited() || attempt >= START_ATTEMPTS_AFTER_CRASH) {
                    throw e;
                }
                Log.info("PostgreSQL exited while starting on existing data (attempt " + attempt + " of "
                        + START_ATTEMPTS_AFTER_CRASH + "); the previous server's processes may still be leaving");
                Thread.sleep(1000);
            }
        }
    }

    public String jdbcUrl(String database) {
        return cluster.jdbcUrl(database);
    }

    public int port() {
        return settings.port();
    }

    /** The PostgreSQL server process itself (the postmaster), e.g. to kill it in a fault test. */
    public long pid() {
        return cluster.pid();
    }

    public boolean isRunning() {
        return cluster.isAlive();
    }

    /** A superuser session, for provisioning test databases; callers close it. */
    public Connection superuserConnection(String database) throws SQLException {
        return cluster.connectAsSuperuser(database);
    }

    /** Blocks until the server process ends; returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return cluster.waitFor();
    }

    @Override
    public void close() {
        cluster.stop(STOP_GRACE);
    }
}
