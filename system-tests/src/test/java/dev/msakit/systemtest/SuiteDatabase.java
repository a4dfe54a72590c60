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

    /** The postgres-server process's own settings: where the data lives, its superuser's password. */
    Map<String, String> serverEnvironment() {
        return Map.of("PG_PORT", Integer.toString(port), "PG_DATA_DIR", dataDirectory.toString(),
                "PG_SUPERUSER_PASSWORD", SUPERUSER_PASSWORD);
    }

    /** The suite's database settings as suite-launcher's ProcessEnvironment reads them: every account, the port. */
    Map<String, String> accountSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("PG_PORT", Integer.toString(port));
        for (SuiteDeclaration.Process owner : owners) {
            settings.put(owner.account() + "_DB_USER", user(owner));
            settings.put(owner.account() + "_DB_PASSWORD", password(owner));
        }
        return settings;
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
