package fr.repere.web.dev;

import fr.repere.web.platform.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database of an earlier version, where one account with ALL PRIVILEGES ran everything (a
 * `.repere/` of the run command, or an installation upgraded as docs/exploitation.md says), still
 * starts with two accounts: the old account becomes the migration account, a new runtime account
 * gets only its privileges, and the old account's ALL PRIVILEGES given to the runtime account is
 * revoked. Keeping the old account as the runtime account is refused with a message, not half-done.
 */
class OneAccountUpgradeIT {

    private static final String OLD = "repere";
    private static final String OLD_PASSWORD = "repere";

    @Test
    void theOldAccountBecomesTheMigrationAccountAndANewRuntimeAccountIsRestricted() throws Exception {
        Path home = home("upgrade");
        int port = freePort();
        oldDatabase(home, port);
        var accounts = new EmbeddedMariaDb.Accounts(OLD, OLD_PASSWORD, "repere_app", "repere-app");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port, accounts)) { // what RepereDevServer does
            try (Connection admin = admin(db); Statement s = admin.createStatement()) {
                // an administrator's earlier ALL PRIVILEGES on the schema: revoked by the migration
                s.execute("GRANT ALL PRIVILEGES ON repere.* TO 'repere_app'@'localhost', 'repere_app'@'127.0.0.1'");
            }
            SchemaMigration.flyway(db.jdbcUrl(), OLD, OLD_PASSWORD, "repere_app", EmbeddedMariaDb.HOSTS).migrate();
            try (Connection app = DriverManager.getConnection(db.jdbcUrl(), "repere_app", "repere-app");
                 Statement s = app.createStatement()) {
                s.execute("INSERT INTO organisation (id, name) VALUES ('org-up', 'Organisation')");
                s.execute("INSERT INTO team (id, organisation_id, name) VALUES ('team-up', 'org-up', 'Équipe')");
                // fires the statistics triggers of V14, defined by the old account
                s.execute("INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, ruleset_version, taken_at,"
                        + " primary_orientation) VALUES ('d-up', 'UP-1', 'team-up', '1.0', '1.0.0', UTC_TIMESTAMP(3), 'TRAIN')");
                s.execute("INSERT INTO journal_entry (at, actor, action, allowed) VALUES ('2001-01-01', 'up', 'DIAGNOSTIC_READ', TRUE)");
                assertEquals(1, count(s, "SELECT COUNT(*) FROM journal_entry WHERE actor = 'up' AND at > UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE"));
                assertEquals(1, count(s, "SELECT COUNT(*) FROM stat_diagnostic WHERE diagnostic_id = 'd-up'"));
                SQLException truncate = assertThrows(SQLException.class, () -> s.execute("TRUNCATE TABLE journal_entry"));
                assertTrue(truncate.getMessage().contains("DROP command denied"), truncate.getMessage());
                SQLException delete = assertThrows(SQLException.class, () -> s.execute("DELETE FROM journal_entry"));
                assertTrue(delete.getMessage().contains("DELETE command denied"), delete.getMessage());
                s.execute("CALL journal_purge(UTC_TIMESTAMP(3), 500)");
            }
        }
    }

    @Test
    void keepingTheOldAccountAsTheRuntimeAccountIsRefusedWithAMessage() throws Exception {
        Path home = home("refused");
        int port = freePort();
        oldDatabase(home, port);
        var accounts = new EmbeddedMariaDb.Accounts("repere_migration", "migration", OLD, OLD_PASSWORD);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port, accounts)) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> SchemaMigration.flyway(db.jdbcUrl(),
                    "repere_migration", "migration", OLD, EmbeddedMariaDb.HOSTS).migrate());
            StringBuilder message = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                message.append(t.getMessage()).append(" | ");
            }
            assertTrue(message.toString().contains("the runtime account repere (DB_USER) is the definer of [trigger"), message.toString());
            try (Connection old = DriverManager.getConnection(db.jdbcUrl(), OLD, OLD_PASSWORD); Statement s = old.createStatement()) {
                // nothing was restricted: the installation keeps running as before until the accounts are fixed
                s.execute("INSERT INTO organisation (id, name) VALUES ('org-kept', 'Organisation')");
                s.execute("INSERT INTO team (id, organisation_id, name) VALUES ('team-kept', 'org-kept', 'Équipe')");
                s.execute("INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, ruleset_version, taken_at,"
                        + " primary_orientation) VALUES ('d-kept', 'K-1', 'team-kept', '1.0', '1.0.0', UTC_TIMESTAMP(3), 'TRAIN')");
            }
        }
    }

    /** The schema of the version before two accounts (V15), made by one account with ALL PRIVILEGES and no GRANT OPTION. */
    private static void oldDatabase(Path home, int port) throws SQLException {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port, new EmbeddedMariaDb.Accounts(OLD, OLD_PASSWORD, OLD, OLD_PASSWORD))) {
            try (Connection admin = admin(db); Statement s = admin.createStatement()) {
                s.execute("REVOKE GRANT OPTION ON repere.* FROM 'repere'@'localhost', 'repere'@'127.0.0.1'");
            }
            Flyway.configure().dataSource(db.jdbcUrl(), OLD, OLD_PASSWORD).locations("classpath:db/migration").target("15")
                    .load().migrate();
        }
    }

    private static Connection admin(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(db.rootUrl(), EmbeddedMariaDb.ADMIN, EmbeddedMariaDb.ADMIN_PASSWORD);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A server of its own beside the tests' one (the binaries unpacked once), with a new data directory. */
    private static Path home(String name) throws IOException {
        Path home = Path.of(System.getProperty("repere.it.db.dir")).resolveSibling("it-db-upgrade");
        Folders.deleteRecursively(home.resolve("data"));
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
