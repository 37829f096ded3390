package fr.repere.web.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations at start-up. If MariaDB is not reachable yet, the application
 * still starts (readiness says DOWN) and the migration is retried until it succeeds.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = RepereDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile boolean done;
    private ScheduledFuture<?> retry;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        if (!migrate()) {
            retry = scheduler.scheduleWithFixedDelay(() -> {
                if (migrate()) {
                    retry.cancel(false);
                }
            }, 5, 5, TimeUnit.SECONDS);
        }
    }

    synchronized boolean migrate() {
        if (done) {
            return true;
        }
        try {
            Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            done = true;
            LOG.info("Database schema is up to date");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Database migration failed, will retry: {0}", e.getMessage());
        }
        return done;
    }

    public boolean done() {
        return done;
    }
}
