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
        cluster.start();
        PostgresServer server = new PostgresServer(settings, cluster);
        try {
            cluster.awaitReady(START_TIMEOUT);
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
