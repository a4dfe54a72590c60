package dev.msakit.platform.problem;

import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ClassUtils;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage (server down, restarting, out of connections) from a bug, by the JDBC exception at the
 * root of whatever Spring, Hibernate or the pool wrapped it in. Only java.sql types: any engine, no Spring Data needed.
 */
public final class DatabaseUnavailable {

    /** Only the services with a database have Spring's transaction support; the others never see its exceptions. */
    private static final boolean TRANSACTIONS = ClassUtils.isPresent(
            "org.springframework.transaction.TransactionSystemException", DatabaseUnavailable.class.getClassLoader());

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A rollback on a connection that just broke fails too ("Connection is closed"); the failure that
            // caused the rollback is the one that tells why.
            Throwable rolledBackFor = TRANSACTIONS ? RollbackFailure.cause(t) : null;
            if (rolledBackFor != null && isCause(rolledBackFor)) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException && unavailableState(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Loaded only where spring-tx is on the class path. */
    private static final class RollbackFailure {
        static Throwable cause(Throwable t) {
            return t instanceof TransactionSystemException ? ((TransactionSystemException) t).getApplicationException()
                    : null;
        }
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now) and 53300
     * (too many connections): retrying later can succeed, unlike a constraint violation or a syntax error.
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
