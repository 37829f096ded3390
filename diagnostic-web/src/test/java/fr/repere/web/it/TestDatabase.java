package fr.repere.web.it;

import fr.repere.web.dev.EmbeddedMariaDb;
import fr.repere.web.dev.Folders;
import fr.repere.web.platform.SchemaMigration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One real MariaDB for the whole integration-test run, started before any Payara Micro boots
 * (the application reads its address from DB_URL, set by failsafe). Inactive in unit tests.
 */
public class TestDatabase implements LauncherSessionListener {

    private static EmbeddedMariaDb server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("repere.it.db.port");
        if (port == null || server != null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            Path home = Path.of(System.getProperty("repere.it.db.dir"));
            if (!Boolean.getBoolean("repere.it.db.keep")) { // kept only on demand, to time a benchmark on data generated before
                Folders.deleteRecursively(home);
            }
            server = EmbeddedMariaDb.start(home, Integer.parseInt(port), ACCOUNTS);
            migrate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static EmbeddedMariaDb server() {
        if (server == null) {
            throw new IllegalStateException("no test database: run integration tests through failsafe (mvn verify)");
        }
        return server;
    }

    /** A connection as the application's (runtime) account, to check what really is in the database and what it may do. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(server().jdbcUrl(), ACCOUNTS.runtimeUser(), ACCOUNTS.runtimePassword());
    }

    /**
     * A connection as the schema's owner (the migration account), for a test's set-up that the
     * application's account may not do: back-dated journal rows, statistics rebuilt, data planted.
     */
    public static Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(server().jdbcUrl(), ACCOUNTS.migrationUser(), ACCOUNTS.migrationPassword());
    }

    /** Migrates the schema as the application does at start-up (idempotent), grants included. */
    public static void migrate() {
        SchemaMigration.flyway(server().jdbcUrl(), ACCOUNTS.migrationUser(), ACCOUNTS.migrationPassword(),
                ACCOUNTS.runtimeUser(), EmbeddedMariaDb.HOSTS).migrate();
    }

    /** The accounts failsafe gives the application (DB_MIGRATION_USER, DB_USER and their passwords). */
    public static final EmbeddedMariaDb.Accounts ACCOUNTS = new EmbeddedMariaDb.Accounts(
            System.getenv("DB_MIGRATION_USER"), System.getenv("DB_MIGRATION_PASSWORD"),
            System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));

}
