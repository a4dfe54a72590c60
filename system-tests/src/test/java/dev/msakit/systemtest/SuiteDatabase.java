package dev.msakit.systemtest;

import dev.msakit.launcher.SuiteDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The suite's PostgreSQL, as {@code ./msa up} runs it: the postgres-server process with one database and one account
 * per data-owning service of suite.conf, each account's password known only to that service (and to the server).
 */
final class SuiteDatabase {

    static final String SUPERUSER_PASSWORD = "system-test-postgres-superuser";

    private final int port;
    private final Path dataDirectory;
    private final List<SuiteDeclaration.Process> owners;

    SuiteDatabase(int port, Path dataDirectory, SuiteDeclaration declaration) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.owners = declaration.databaseOwners();
    }

    /** The postgres-server process's environment: where the data lives, and every account it must create. */
    Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PG_PORT", Integer.toString(port));
        env.put("PG_DATA_DIR", dataDirectory.toString());
        env.put("PG_SUPERUSER_PASSWORD", SUPERUSER_PASSWORD);
        env.put("PG_ACCOUNTS", owners.stream().map(o -> o.account() + ":" + o.databaseName())
                .collect(Collectors.joining(",")));
        for (SuiteDeclaration.Process owner : owners) {
            env.put(owner.account() + "_DB_USER", user(owner));
            env.put(owner.account() + "_DB_PASSWORD", password(owner));
        }
        return env;
    }

    /** A service's environment: its own database and account, nothing of the others'. */
    Map<String, String> serviceEnvironment(String name) {
        return owners.stream().filter(o -> o.name.equals(name)).findFirst()
                .map(o -> Map.of("DB_PORT", Integer.toString(port), "DB_NAME", o.databaseName(),
                        "DB_USER", user(o), "DB_PASSWORD", password(o)))
                .orElse(Map.of());
    }

    List<String> owners() {
        return owners.stream().map(o -> o.name).collect(Collectors.toList());
    }

    /** Opens a session as one service's account on another's (or its own) database. */
    Connection connect(String accountOf, String databaseOf) throws SQLException {
        SuiteDeclaration.Process account = owner(accountOf);
        return DriverManager.getConnection(jdbcUrl(owner(databaseOf).databaseName()), user(account),
                password(account));
    }

    String user(String name) {
        return user(owner(name));
    }

    String databaseName(String name) {
        return owner(name).databaseName();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The PostgreSQL server process (not its postgres-server parent), from the data directory's lock file. */
    long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    private SuiteDeclaration.Process owner(String name) {
        return owners.stream().filter(o -> o.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " owns no database in suite.conf"));
    }

    private static String user(SuiteDeclaration.Process owner) {
        return owner.account().toLowerCase(Locale.ROOT) + "_service";
    }

    private static String password(SuiteDeclaration.Process owner) {
        return "system-test-" + owner.databaseName() + "-password";
    }
}
