package dev.msakit.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the three data-owning services keep their data during a suite run: embedded H2 files (the default) or,
 * with {@code -Dsuite.database=postgres}, a database and an account of their own on a real PostgreSQL server,
 * made afresh for each run from the test account that {@code system-tests/postgres/start-local-postgres} creates.
 */
final class SuiteDatabase {

    static final String PROPERTY = "suite.database";
    private static final List<String> OWNERS = List.of("member-service", "product-service", "order-service");

    private final String serverUrl = env("MSA_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
    private final String user = env("MSA_TEST_PG_USER", "msa_it");
    private final String password = env("MSA_TEST_PG_PASSWORD", "msa_it_password");

    static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "h2"));
    }

    /** Whether the PostgreSQL run may be skipped here (no server) instead of failing. */
    static boolean postgresRequired() {
        return "1".equals(System.getenv("MSA_REQUIRE_POSTGRES"));
    }

    boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(serverUrl, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Drops and creates each service's database and account; returns the environment for each module. */
    Map<String, Map<String, String>> recreate() throws SQLException {
        Map<String, Map<String, String>> environments = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement sql = connection.createStatement()) {
            for (String module : OWNERS) {
                String name = "msa_it_" + module.substring(0, module.indexOf('-'));
                String servicePassword = name + "_password";
                sql.execute("DROP DATABASE IF EXISTS " + name);
                sql.execute("DROP ROLE IF EXISTS " + name);
                sql.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + servicePassword + "'");
                // Creating a database owned by another role requires membership of that role.
                sql.execute("GRANT " + name + " TO " + user);
                sql.execute("CREATE DATABASE " + name + " OWNER " + name);
                Map<String, String> env = new HashMap<>();
                env.put("SPRING_PROFILES_ACTIVE", "postgres");
                env.put("DB_URL", serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name);
                env.put("DB_USER", name);
                env.put("DB_PASSWORD", servicePassword);
                environments.put(module, env);
            }
        }
        return environments;
    }

    String describe() {
        return postgres() ? "PostgreSQL at " + serverUrl : "embedded H2";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
