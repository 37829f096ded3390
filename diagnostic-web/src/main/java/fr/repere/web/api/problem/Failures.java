package fr.repere.web.api.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What kind of failure reached the top of a request, found by walking its whole cause chain: the
 * same database outage arrives as a PersistenceException, an EclipseLink DatabaseException, an
 * EJBException, a TransactionalException or RollbackException around it, or a pool's
 * allocation error, depending on where it struck. The one place where that is decided.
 */
public final class Failures {

    /** How the failure is answered. */
    public enum Kind {
        /** MariaDB cannot be reached (down, restarting, pool starved): 503 with Retry-After. */
        DATABASE_UNAVAILABLE,
        /**
         * MariaDB is up but could not serve in time: a lock waited for longer than the session allows
         * (lock_wait_timeout, innodb_lock_wait_timeout), a statement ran past max_statement_time, or a
         * deadlock rolled the transaction back. 503 with a short Retry-After: nothing was written.
         */
        DATABASE_BUSY,
        /**
         * MariaDB refuses writes (read_only, a disk or table full): 503 with a longer Retry-After;
         * what only reads keeps working.
         */
        DATABASE_READ_ONLY,
        /** A unique, foreign-key or check constraint refused the write: 409. */
        CONSTRAINT_VIOLATION,
        /** Two saves of the same record crossed: 409. */
        CONCURRENT_CHANGE,
        /** Anything else: a bug, 500 with an incident number. */
        UNEXPECTED
    }

    /**
     * MariaDB client errors meaning "no connection": can't connect (2002, 2003), server gone away (2006),
     * lost connection (2013), connection killed (1927), server shutting down (1053).
     */
    private static final Set<Integer> COMMUNICATION_ERRORS = Set.of(2002, 2003, 2006, 2013, 1927, 1053);

    /**
     * MariaDB server errors meaning "not now": lock wait timeout (1205), deadlock (1213), statement
     * past max_statement_time (1969), query interrupted (1317).
     */
    private static final Set<Integer> BUSY_ERRORS = Set.of(1205, 1213, 1969, 1317);

    /**
     * MariaDB server errors meaning "no writes": read_only (1290 "running with the --read-only option",
     * 1836 read-only mode, 1792 read-only transaction), disk full (1021), table full (1114).
     */
    private static final Set<Integer> READ_ONLY_ERRORS = Set.of(1290, 1836, 1792, 1021, 1114);

    /** Classes known by name only: they belong to the server (GlassFish pool, EclipseLink), not to the API. */
    private static final Set<String> POOL_EXHAUSTED = Set.of(
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.resource.spi.ResourceAllocationException");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        Kind found = Kind.UNEXPECTED;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (unreachable(t)) {
                return Kind.DATABASE_UNAVAILABLE; // an outage explains whatever else the chain says
            }
            if (found == Kind.UNEXPECTED) {
                found = constraint(t) ? Kind.CONSTRAINT_VIOLATION : concurrent(t) ? Kind.CONCURRENT_CHANGE
                        : serverError(t, BUSY_ERRORS) ? Kind.DATABASE_BUSY
                        : serverError(t, READ_ONLY_ERRORS) ? Kind.DATABASE_READ_ONLY : found;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && seen.add(sql.getNextException())
                    && unreachable(sql.getNextException())) {
                return Kind.DATABASE_UNAVAILABLE;
            }
        }
        return found;
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && state.startsWith("08") || COMMUNICATION_ERRORS.contains(sql.getErrorCode());
        }
        return POOL_EXHAUSTED.contains(t.getClass().getName()) || eclipseLinkCommunicationFailure(t);
    }

    /** EclipseLink's DatabaseException says it itself when it lost the connection (no compile-time dependency on it). */
    private static boolean eclipseLinkCommunicationFailure(Throwable t) {
        if (!t.getClass().getName().equals("org.eclipse.persistence.exceptions.DatabaseException")) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(t.getClass().getMethod("isCommunicationFailure").invoke(t));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean serverError(Throwable t, Set<Integer> codes) {
        return t instanceof SQLException sql && codes.contains(sql.getErrorCode());
    }

    private static boolean constraint(Throwable t) {
        return t instanceof SQLIntegrityConstraintViolationException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    private static boolean concurrent(Throwable t) {
        return t instanceof jakarta.persistence.OptimisticLockException;
    }
}
