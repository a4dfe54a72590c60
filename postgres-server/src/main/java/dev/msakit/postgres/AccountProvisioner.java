package dev.msakit.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Makes the server hold exactly the declared accounts and databases, at every start: creates what is missing,
 * resets passwords and limits to the declared ones (so rotating a secret is a restart), and keeps every other
 * account out of each database. Idempotent; never drops anything.
 */
final class AccountProvisioner {

    private final PostgresCluster cluster;
    private final int connectionLimit;

    AccountProvisioner(PostgresCluster cluster, int connectionLimit) {
        this.cluster = cluster;
        this.connectionLimit = connectionLimit;
    }

    void provision(List<DatabaseAccount> accounts) throws SQLException {
        try (Connection connection = cluster.connectAsSuperuser("postgres")) {
            for (DatabaseAccount account : accounts) {
                provision(connection, account);
            }
        }
    }

    private void provision(Connection connection, DatabaseAccount account) throws SQLException {
        String role = account.user();
        String database = account.database();
        // Identifiers are validated by DatabaseAccount; the password is a literal, quoted here.
        String credentials = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE CONNECTION LIMIT " + connectionLimit
                + " PASSWORD " + literal(account.password());
        try (Statement sql = connection.createStatement()) {
            sql.execute((exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)
                    ? "ALTER ROLE " : "CREATE ROLE ") + role + credentials);
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + role);
            }
            // pg_hba.conf already lets each account reach its own database only; this holds even if it is widened.
            sql.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            sql.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A standard-conforming SQL string literal (standard_conforming_strings is on: only quotes need doubling). */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a password cannot contain a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
