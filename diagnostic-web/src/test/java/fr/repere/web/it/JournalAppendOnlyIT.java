package fr.repere.web.it;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit journal is append-only in the database itself: the application's own database user
 * can insert, but cannot change an entry nor delete one younger than 6 months; older entries can
 * be purged.
 */
class JournalAppendOnlyIT {

    @BeforeAll
    static void migrate() {
        var db = TestDatabase.server();
        Flyway.configure().dataSource(db.jdbcUrl(), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))
                .locations("classpath:db/migration").load().migrate();
    }

    @Test
    void theApplicationUserCanAppendButNotChangeNorDeleteRecentEntries() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            long id = insert(c, "UTC_TIMESTAMP(3)");
            SQLException update = assertThrows(SQLException.class, () -> execute(c,
                    "UPDATE journal_entry SET actor = 'quelqu-un-d-autre' WHERE id = " + id));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> execute(c,
                    "DELETE FROM journal_entry WHERE id = " + id));
            assertTrue(delete.getMessage().contains("6 months"), delete.getMessage());
            assertThrows(SQLException.class, () -> execute(c, "DELETE FROM journal_entry"));
            assertEquals(1, count(c, "id = " + id + " AND actor = 'agent-1'"));
        }
    }

    @Test
    void entriesOlderThanTheRetentionCanBePurged() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            long old = insert(c, "UTC_TIMESTAMP(3) - INTERVAL 13 MONTH");
            long recent = insert(c, "UTC_TIMESTAMP(3) - INTERVAL 1 MONTH");
            execute(c, "DELETE FROM journal_entry WHERE id = " + old);
            assertEquals(0, count(c, "id = " + old));
            assertEquals(1, count(c, "id = " + recent));
        }
    }

    private static long insert(Connection c, String at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_entry (at, actor, actor_role, team, action, allowed) "
                + "VALUES (" + at + ", 'agent-1', 'WORKER', 'team-1', 'DIAGNOSTIC_READ', TRUE)", Statement.RETURN_GENERATED_KEYS)) {
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM journal_entry WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
