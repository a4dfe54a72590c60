package dev.msakit.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage (server down, restarting, out of connections) from a bug, by the JDBC exception at the
 * root of whatever Spring, Hibernate or the pool wrapped it in. Only java.sql types: any engine, no Spring Data needed.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException && unavailableState(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now) and 53300
     * (too many connections): retrying later can succeed, unlike a constraint violation or a syntax error.
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
