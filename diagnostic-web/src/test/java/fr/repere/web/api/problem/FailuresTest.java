package fr.repere.web.api.problem;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One classification of server-side failures, whatever wraps them. */
class FailuresTest {

    private static Failures.Kind kind(Throwable t) {
        return Failures.classify(t);
    }

    @Test
    void aLostConnectionIsAnOutageHoweverDeeplyWrapped() {
        SQLNonTransientConnectionException refused = new SQLNonTransientConnectionException("Socket fail to connect", "08000");
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(refused)));
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException(new RuntimeException("DatabaseException", refused)));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new TransactionalException("commit failed", rollback)));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new EJBException(new IllegalStateException(new ConnectException("refused")))));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(new SQLTransientConnectionException("pool timeout"))));
    }

    @Test
    void mariaDbCommunicationCodesAndConnectionStatesAreOutages() {
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(new SQLException("gone away", "HY000", 2006))));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(new SQLException("link failure", "08S01", 0))));
        SQLException first = new SQLException("batch failed", "HY000", 1);
        first.setNextException(new SQLException("lost connection", "HY000", 2013));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(first)));
    }

    @Test
    void aRefusedConstraintIsAConflictNotAnOutage() {
        assertEquals(Failures.Kind.CONSTRAINT_VIOLATION,
                kind(new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertEquals(Failures.Kind.CONSTRAINT_VIOLATION, kind(new EJBException(new PersistenceException(new SQLException("fk", "23000", 1452)))));
        assertEquals(Failures.Kind.CONCURRENT_CHANGE, kind(new TransactionalException("commit", new OptimisticLockException("version"))));
    }

    @Test
    void timeoutsAndDeadlocksAreABusyDatabaseNotABug() {
        for (int code : new int[] {1205, 1213, 1969, 1317}) {
            assertEquals(Failures.Kind.DATABASE_BUSY, kind(new TransactionalException("commit",
                    new PersistenceException(new SQLException("busy", "HY000", code)))), "error " + code);
        }
        assertEquals(Failures.Kind.DATABASE_BUSY, kind(new PersistenceException(new java.sql.SQLTimeoutException("max_statement_time", "70100", 1969))));
    }

    @Test
    void refusedWritesAreAReadOnlyDatabase() {
        for (int code : new int[] {1290, 1836, 1792, 1021, 1114}) {
            assertEquals(Failures.Kind.DATABASE_READ_ONLY, kind(new EJBException(new PersistenceException(
                    new SQLException("read only", "HY000", code)))), "error " + code);
        }
    }

    @Test
    void anOutageOutranksATimeoutFoundEarlierInTheChain() {
        SQLException timeout = new SQLException("lock wait", "HY000", 1205);
        timeout.initCause(new SQLNonTransientConnectionException("socket closed", "08000"));
        assertEquals(Failures.Kind.DATABASE_UNAVAILABLE, kind(new PersistenceException(timeout)));
    }

    @Test
    void anythingElseIsUnexpectedEvenACycle() {
        assertEquals(Failures.Kind.UNEXPECTED, kind(new PersistenceException(new SQLException("syntax", "42000", 1064))));
        assertEquals(Failures.Kind.UNEXPECTED, kind(new NullPointerException()));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Failures.Kind.UNEXPECTED, kind(a));
    }
}
