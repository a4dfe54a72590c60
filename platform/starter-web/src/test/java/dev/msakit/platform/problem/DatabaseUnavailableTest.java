package dev.msakit.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void aPoolThatGetsNoConnectionIsAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    }

    @Test
    void aConnectionThatBrokeOrAServerShuttingDownIsAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("too many connections", "53300"))).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByWhatCausedTheRollback() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new RuntimeException(new SQLException("I/O error", "08006")));
        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();

        TransactionSystemException afterABug = new TransactionSystemException("Could not roll back",
                new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.isCause(afterABug)).isFalse();
    }

    @Test
    void bugsAndConstraintViolationsAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601"))).isFalse();
    }
}
