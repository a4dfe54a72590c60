package dev.msakit.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's PostgreSQL, as {@code ./msa up} runs it: the postgres-server process with one database and one account
 * per data-owning service, each account's password known only to that service (and to the server).
 */
final class SuiteDatabase {

    static final String SUPERUSER_PASSWORD = "system-test-postgres-superuser";

    /** Service module -> its account prefix and database, as in msa's declaration. */
    private static final Map<String, Account> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("member-service", new Account("MEMBER", "members", "member_service"));
        ACCOUNTS.put("product-service", new Account("PRODUCT", "products", "product_service"));
        ACCOUNTS.put("order-service", new Account("ORDER", "orders", "order_service"));
    }

    private final int port;
    private final Path dataDirectory;

    SuiteDatabase(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** The postgres-server process's environment: where the data lives, and every account it must create. */
    Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PG_PORT", Integer.toString(port));
        env.put("PG_DATA_DIR", dataDirectory.toString());
        env.put("PG_SUPERUSER_PASSWORD", SUPERUSER_PASSWORD);
        StringBuilder accounts = new StringBuilder();
        for (Account account : ACCOUNTS.values()) {
            accounts.append(accounts.length() == 0 ? "" : ",").append(account.prefix).append(':').append(account.database);
            env.put(account.prefix + "_DB_USER", account.user);
            env.put(account.prefix + "_DB_PASSWORD", account.password());
        }
        env.put("PG_ACCOUNTS", accounts.toString());
        return env;
    }

    /** A service's environment: its own database and account, nothing of the others'. */
    Map<String, String> serviceEnvironment(String module) {
        Account account = ACCOUNTS.get(module);
        if (account == null) {
            return Map.of();
        }
        return Map.of("DB_PORT", Integer.toString(port), "DB_NAME", account.database,
                "DB_USER", account.user, "DB_PASSWORD", account.password());
    }

    static List<String> owners() {
        return List.copyOf(ACCOUNTS.keySet());
    }

    /** Opens a session as the given service's account on the given database (as a service would). */
    Connection connect(String accountOf, String databaseOf) throws SQLException {
        Account account = ACCOUNTS.get(accountOf);
        return DriverManager.getConnection(jdbcUrl(ACCOUNTS.get(databaseOf).database), account.user,
                account.password());
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The PostgreSQL server process (not its postgres-server parent), from the data directory's lock file. */
    long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    private static final class Account {
        private final String prefix;
        private final String database;
        private final String user;

        Account(String prefix, String database, String user) {
            this.prefix = prefix;
            this.database = database;
            this.user = user;
        }

        String password() {
            return "system-test-" + database + "-password";
        }
    }
}
