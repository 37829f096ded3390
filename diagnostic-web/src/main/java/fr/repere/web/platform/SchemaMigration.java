package fr.repere.web.platform;

import fr.repere.infrastructure.SchemaPrivileges;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations at start-up, as the migration account ({@code db.migration-user},
 * env {@code DB_MIGRATION_USER}), then gives the runtime account ({@code db.user}, the data source
 * of the application) exactly its privileges ({@link SchemaPrivileges}). If MariaDB is not
 * reachable yet, the application still starts (readiness says DOWN) and the migration is retried
 * until it succeeds.
 *
 * <p>Without a migration account, the runtime account migrates as before (an upgraded
 * installation keeps starting) and a warning says at every start that its journals are then not
 * protected from the application's own account.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = RepereDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "db.url")
    private String url;

    @Inject
    @ConfigProperty(name = "db.user")
    private String user;

    @Inject
    @ConfigProperty(name = "db.user-host", defaultValue = "%")
    private String userHost;

    @Inject
    @ConfigProperty(name = "db.migration-user")
    private Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "db.migration-password")
    private Optional<String> migrationPassword;

    private volatile boolean done;
    private ScheduledFuture<?> retry;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        if (migrationUser.filter(u -> !u.isBlank()).isEmpty()) {
            LOG.warning("DB_MIGRATION_USER is not set: the schema is migrated with DB_USER, which therefore keeps the right to "
                    + "alter, truncate or drop the journals. Set DB_MIGRATION_USER and DB_MIGRATION_PASSWORD to a separate "
                    + "account (README, \"Running against an external MariaDB\").");
        }
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
            Optional<String> migrator = migrationUser.filter(u -> !u.isBlank());
            (migrator.isPresent()
                    ? flyway(url, migrator.get(), migrationPassword.orElse(""), user, userHost)
                    : Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(dataSource)
                            .locations(LOCATIONS).load())
                    .migrate();
            done = true;
            LOG.info("Database schema is up to date");
            warnIfRuntimeAccountHoldsMore();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Database migration failed, will retry: {0}", messages(e));
        }
        return done;
    }

    /** Every message of the chain: Flyway wraps the grants callback's reason in its own. */
    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" — ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** A runtime account given more by hand (globally, say) keeps it: say so at every start. */
    private void warnIfRuntimeAccountHoldsMore() {
        if (migrationUser.filter(u -> !u.isBlank() && !u.equals(user)).isEmpty()) {
            return; // one account: already warned
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> excess = SchemaPrivileges.excessOfCurrentAccount(c);
            if (!excess.isEmpty()) {
                LOG.warning("The runtime account DB_USER holds more than the application needs, which Repère cannot revoke "
                        + "(revoke it as the MariaDB administrator): " + excess);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the runtime account's grants: {0}", e.getMessage());
        }
    }

    public boolean done() {
        return done;
    }

    private static final String LOCATIONS = "classpath:db/migration";

    /**
     * Flyway as the migration account; after every migration (even one with nothing to apply) the
     * runtime account {@code 'runtimeUser'@'runtimeHost'} gets exactly its privileges, so tables
     * added by later migrations are covered. {@code runtimeHost} may list several hosts, separated
     * by commas or spaces (one account per host). The same user for both: no grants (one account).
     */
    public static Flyway flyway(String url, String migrationUser, String migrationPassword, String runtimeUser,
                                String runtimeHost) {
        var configuration = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(url, migrationUser, migrationPassword)
                .locations(LOCATIONS);
        if (!migrationUser.equals(runtimeUser)) {
            configuration.callbacks(new RuntimeGrants(runtimeUser, runtimeHost));
        }
        return configuration.load();
    }

    /** The afterMigrate callback: the runtime account's grants. */
    static final class RuntimeGrants extends BaseCallback {

        private final String user;
        private final String host;

        RuntimeGrants(String user, String host) {
            this.user = user;
            this.host = host;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                List<String> owned = SchemaPrivileges.definedBy(context.getConnection(), user);
                if (!owned.isEmpty()) {
                    throw new IllegalStateException("the runtime account " + user + " (DB_USER) is the definer of " + owned
                            + ": they run with its rights and would fail once it is restricted. Use the account that "
                            + "created them as DB_MIGRATION_USER and a new account as DB_USER (README).");
                }
                int statements = 0;
                for (String oneHost : host.strip().split("[,\\s]+")) {
                    statements += SchemaPrivileges.grantRuntime(context.getConnection(), user, oneHost).size();
                }
                int count = statements;
                LOG.info(() -> "Runtime account " + user + "@" + host + ": " + count + " grant statements applied");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot give the runtime account " + user + "@" + host + " its privileges "
                        + "(does DB_MIGRATION_USER hold them WITH GRANT OPTION? does DB_USER_HOST match the account?): "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "repere-runtime-grants";
        }
    }
}
