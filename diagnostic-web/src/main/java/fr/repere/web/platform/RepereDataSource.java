package fr.repere.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The MariaDB data source. Settings come from MicroProfile Config (environment variables DB_URL,
 * DB_USER, DB_PASSWORD override META-INF/microprofile-config.properties). Connections are
 * validated when taken from the pool, at most once every {@value #VALIDATION_PERIOD_SECONDS} s each,
 * and the whole pool is dropped on a failure, so the application recovers by itself when the
 * database comes back. Validating at every borrow cost a round trip (a ping) each time a request
 * took a connection — four per saved answer, as many as its statements' round trips; a connection
 * in use several times a second is now checked by its use, and a failure on it drops the pool as
 * before (that request answers 503, the next ones take new connections).
 *
 * <p>Every connection waits at most 5 s for a lock (row or table) and runs no statement longer than
 * 60 s ({@link #SESSION_LIMITS}): a lock held elsewhere then fails the request in seconds with a 503
 * (Failures' DATABASE_BUSY) instead of holding a pool connection and an HTTP thread for MariaDB's
 * defaults (50 s for a row, a year for a table). A connection waits at most 5 s for the pool.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RepereDataSource.JNDI_NAME,
        className = "fr.repere.web.platform.RepereMariaDbDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=" + RepereDataSource.VALIDATION_PERIOD_SECONDS,
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.connection-creation-retry-attempts=0",
                "fish.payara.init-sql=" + RepereDataSource.SESSION_LIMITS
        })
public class RepereDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/repere";

    static final int VALIDATION_PERIOD_SECONDS = 10;

    /** Run on each new physical connection: the lock and statement time limits of a request. */
    static final String SESSION_LIMITS = "SET SESSION lock_wait_timeout = 5, innodb_lock_wait_timeout = 5, max_statement_time = 60";
}
