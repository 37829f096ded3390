package fr.repere.web.it;

import fr.repere.infrastructure.SchemaPrivileges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journals cannot be used against themselves. Connected as the application's runtime account
 * (DB_USER), nothing empties, rewrites or back-dates them: no TRUNCATE, DROP TRIGGER, ALTER, CREATE,
 * GRANT, UPDATE nor DELETE, and a row's time is the server's whatever the client sends. The purge
 * goes through journal_purge, which cannot delete an entry younger than 6 months. The schema's
 * owner (the migration account) is still stopped by the triggers.
 */
class JournalAppendOnlyIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("journalappen");
    /** Another organisation of this class's own, the one that must find nothing of {@link #ORG}. */
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("journa-other");

    private static final List<String> JOURNALS = List.of("journal_entry", "mandate_event", "referral_event");

    @BeforeAll
    static void migrate() {
        TestDatabase.migrate();
    }

    @Test
    void theRuntimeAccountCannotTruncateAnyJournal() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            insertEntry(c, "2001-01-01 00:00:00", "truncate");
            long before = count(c, "journal_entry", "TRUE");
            for (String journal : JOURNALS) {
                SQLException e = assertThrows(SQLException.class, () -> execute(c, "TRUNCATE TABLE " + journal));
                assertTrue(e.getMessage().contains("DROP command denied"), e.getMessage());
            }
            assertEquals(before, count(c, "journal_entry", "TRUE"));
        }
    }

    @Test
    void theRuntimeAccountCannotDropNorCreateATrigger() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            for (String trigger : List.of("journal_entry_no_update", "journal_entry_no_early_delete", "journal_entry_server_time",
                    "mandate_event_no_update", "mandate_event_no_delete", "referral_event_no_update", "referral_event_no_delete")) {
                SQLException e = assertThrows(SQLException.class, () -> execute(c, "DROP TRIGGER " + trigger));
                assertTrue(e.getMessage().contains("TRIGGER command denied"), e.getMessage());
            }
            SQLException create = assertThrows(SQLException.class, () -> execute(c,
                    "CREATE TRIGGER it_sneaky BEFORE INSERT ON diagnostic FOR EACH ROW SET NEW.case_ref = NULL"));
            assertTrue(create.getMessage().contains("TRIGGER command denied"), create.getMessage());
        }
        try (Connection owner = TestDatabase.connectAsOwner()) {
            assertEquals(7, count(owner, "information_schema.TRIGGERS", "TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME IN ("
                    + "'journal_entry_no_update', 'journal_entry_no_early_delete', 'journal_entry_server_time', "
                    + "'mandate_event_no_update', 'mandate_event_no_delete', 'referral_event_no_update', 'referral_event_no_delete')"));
        }
    }

    @Test
    void theRuntimeAccountCannotAlterCreateDropNorGrant() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            for (String ddl : List.of(
                    "ALTER TABLE journal_entry MODIFY COLUMN at DATETIME(3) NULL",
                    "ALTER TABLE journal_entry ADD COLUMN note VARCHAR(10)",
                    "ALTER TABLE diagnostic ADD COLUMN note VARCHAR(10)",
                    "CREATE TABLE it_shadow (id INT)",
                    "CREATE OR REPLACE VIEW it_shadow AS SELECT 1",
                    "CREATE PROCEDURE it_shadow() SELECT 1",
                    "DROP TABLE journal_entry",
                    "DROP PROCEDURE journal_purge",
                    "RENAME TABLE journal_entry TO journal_old",
                    "GRANT UPDATE, DELETE ON journal_entry TO CURRENT_USER",
                    "GRANT SELECT ON diagnostic TO CURRENT_USER",
                    "GRANT EXECUTE ON PROCEDURE stat_rebuild TO CURRENT_USER")) {
                SQLException e = assertThrows(SQLException.class, () -> execute(c, ddl), ddl);
                assertTrue(e.getMessage().contains("denied"), ddl + ": " + e.getMessage());
            }
            SQLException rebuild = assertThrows(SQLException.class, () -> execute(c, "CALL stat_rebuild()"));
            assertTrue(rebuild.getMessage().contains("command denied"), rebuild.getMessage());
            // what the application warns about at start-up: nothing for the runtime account, ALL for the owner
            assertEquals(List.of(), SchemaPrivileges.excessOfCurrentAccount(c));
        }
        try (Connection owner = TestDatabase.connectAsOwner()) {
            assertEquals(1, SchemaPrivileges.excessOfCurrentAccount(owner).size(), "ALL PRIVILEGES ON repere.* WITH GRANT OPTION");
        }
    }

    @Test
    void theRuntimeAccountCannotUpdateNorDeleteAJournalRowEvenAnOldOne() throws Exception {
        long old = insertAsOwner(LocalDateTime.now().minusMonths(13), "old-" + UUID.randomUUID());
        try (Connection c = TestDatabase.connect()) {
            long recent = insertEntry(c, null, "recent");
            for (long id : new long[] {old, recent}) {
                SQLException update = assertThrows(SQLException.class,
                        () -> execute(c, "UPDATE journal_entry SET actor = 'quelqu-un-d-autre' WHERE id = " + id));
                assertTrue(update.getMessage().contains("UPDATE command denied"), update.getMessage());
                SQLException delete = assertThrows(SQLException.class, () -> execute(c, "DELETE FROM journal_entry WHERE id = " + id));
                assertTrue(delete.getMessage().contains("DELETE command denied"), delete.getMessage());
            }
            assertEquals(1, count(c, "journal_entry", "id = " + old));
            assertEquals(1, count(c, "journal_entry", "id = " + recent + " AND actor = 'recent'"));
            // the derived statistics are the triggers' to write, not the application's
            SQLException stat = assertThrows(SQLException.class, () -> execute(c, "UPDATE stat_count SET n = n + 1"));
            assertTrue(stat.getMessage().contains("UPDATE command denied"), stat.getMessage());
        }
    }

    @Test
    void theRuntimeAccountCannotSilenceTheStatistics() throws Exception {
        String counted = UUID.randomUUID().toString();
        try (Connection c = TestDatabase.connect()) {
            execute(c, "SET @stat_bulk = 1");
            insertDiagnostic(c, counted);
            assertEquals(1, count(c, "stat_diagnostic", "diagnostic_id = '" + counted + "'"),
                    "a diagnostic the statistics would never count");
            execute(c, "DELETE FROM diagnostic WHERE id = '" + counted + "'");
            assertEquals(0, count(c, "stat_diagnostic", "diagnostic_id = '" + counted + "'"));
        }
        // the owner still may, for a bulk load followed by CALL stat_rebuild() (the statistics generator)
        String bulk = UUID.randomUUID().toString();
        try (Connection owner = TestDatabase.connectAsOwner()) {
            execute(owner, "SET @stat_bulk = 1");
            insertDiagnostic(owner, bulk);
            assertEquals(0, count(owner, "stat_diagnostic", "diagnostic_id = '" + bulk + "'"));
            execute(owner, "DELETE FROM diagnostic WHERE id = '" + bulk + "'");
        }
    }

    private static void insertDiagnostic(Connection c, String id) throws SQLException {
        execute(c, "INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, ruleset_version, taken_at, "
                + "primary_orientation) VALUES ('" + id + "', NULL, NULL, '1.0', '1.0.0', UTC_TIMESTAMP(3), 'TRAIN')");
    }

    @Test
    void aBackDatedRowGetsTheServersTime() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            LocalDateTime before = serverUtc(c).minusSeconds(1);
            long entry = insertEntry(c, "2001-01-01 00:00:00", "backdated");
            execute(c, "SET @repere_keep_journal_time = 1"); // only the schema's owner may ask that
            long asked = insertEntry(c, "2001-01-01 00:00:00", "backdated-asking");
            String mandate = mandate(c);
            execute(c, "INSERT INTO mandate_event (seq, mandate_id, organisation_id, at, action, actor) VALUES (0, '" + mandate
                    + "', '" + OTHER_ORG.id() + "', '2001-01-01', 'CREATE_ATTESTATION', '" + OTHER_ORG.worker().id() + "')");
            String referral = referral(c);
            execute(c, "INSERT INTO referral_event (referral_id, at, kind, to_status, actor) VALUES ('" + referral
                    + "', '2001-01-01', 'STATUS', 'OPEN', '" + ORG.worker().id() + "')");
            LocalDateTime after = serverUtc(c).plusSeconds(1);

            for (LocalDateTime at : List.of(
                    at(c, "SELECT at FROM journal_entry WHERE id = " + entry),
                    at(c, "SELECT at FROM journal_entry WHERE id = " + asked),
                    at(c, "SELECT at FROM mandate_event WHERE mandate_id = '" + mandate + "'"),
                    at(c, "SELECT at FROM referral_event WHERE referral_id = '" + referral + "'"))) {
                assertTrue(!at.isBefore(before) && !at.isAfter(after), at + " is not the server's time " + before + " .. " + after);
            }
        }
    }

    @Test
    void aSessionThatMovesItsClockCannotWriteNorPurgeTheJournal() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            execute(c, "SET timestamp = UNIX_TIMESTAMP('2001-01-01')"); // UTC_TIMESTAMP() follows it, SYSDATE() does not
            SQLException insert = assertThrows(SQLException.class, () -> insertEntry(c, null, "moved-clock"));
            assertTrue(insert.getMessage().contains("moved its clock"), insert.getMessage());
            execute(c, "SET timestamp = UNIX_TIMESTAMP() + 10 * 365 * 86400"); // ten years on: everything would be "old"
            SQLException purge = assertThrows(SQLException.class, () -> execute(c, "CALL journal_purge(UTC_TIMESTAMP(3), 10000)"));
            assertTrue(purge.getMessage().contains("moved its clock"), purge.getMessage());
            execute(c, "SET timestamp = DEFAULT");
            assertEquals(0, count(c, "journal_entry", "actor = 'moved-clock'"));
        }
    }

    @Test
    void thePurgeDeletesOnlyEntriesPastTheRetentionAndNeverOneYoungerThanSixMonths() throws Exception {
        String marker = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        long thirteen = insertAsOwner(now.minusMonths(13), marker);
        long seven = insertAsOwner(now.minusMonths(7), marker);
        long five = insertAsOwner(now.minusMonths(5), marker);
        long today = insertAsOwner(now.minusMinutes(1), marker);
        try (Connection c = TestDatabase.connect()) {
            assertEquals(0, purge(c, null, 10_000), "no cutoff, nothing purged");
            // the retention period is the application's setting: 12 months deletes the 13-month entry only
            purge(c, Timestamp.valueOf(now.minusMonths(12)), 10_000);
            assertEquals(List.of(seven, five, today), ids(c, marker));
            // asked for everything up to a year from now, it still keeps the last 6 months
            purge(c, Timestamp.valueOf(now.plusYears(1)), 10_000);
            assertEquals(List.of(five, today), ids(c, marker));
            assertEquals(0, purge(c, Timestamp.valueOf(now.plusYears(1)), 10_000));
            assertEquals(0, count(c, "journal_entry", "id = " + thirteen));
        }
        try (Connection owner = TestDatabase.connectAsOwner()) { // even the owner cannot delete a recent entry
            SQLException delete = assertThrows(SQLException.class, () -> execute(owner, "DELETE FROM journal_entry WHERE id = " + five));
            assertTrue(delete.getMessage().contains("6 months"), delete.getMessage());
            SQLException update = assertThrows(SQLException.class,
                    () -> execute(owner, "UPDATE journal_entry SET actor = 'x' WHERE id = " + today));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        }
    }

    // ----- helpers

    private static long purge(Connection c, Timestamp before, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("CALL journal_purge(?, ?)")) {
            s.setTimestamp(1, before);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> ids(Connection c, String actor) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM journal_entry WHERE actor = '" + actor + "' ORDER BY at")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** A row with the time the caller gives, as only the schema's owner can write one. */
    private static long insertAsOwner(LocalDateTime at, String actor) throws SQLException {
        try (Connection owner = TestDatabase.connectAsOwner()) {
            execute(owner, "SET @repere_keep_journal_time = 1");
            return insertEntry(owner, Timestamp.valueOf(at).toString(), actor);
        }
    }

    private static long insertEntry(Connection c, String at, String actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_entry (at, actor, actor_role, team, action, allowed) "
                + "VALUES (?, ?, 'WORKER', 'team-1', 'DIAGNOSTIC_READ', TRUE)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, at);
            s.setString(2, actor);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String mandate(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute(c, "INSERT INTO mandate (id, organisation_id, team_id, case_ref, created_by, created_at, duration) VALUES ('"
                + id + "', '" + OTHER_ORG.id() + "', '" + OTHER_ORG.team() + "', 'JOURNAL-IT', '" + ORG.worker().id() + "', UTC_TIMESTAMP(3), 'ONE_DAY')");
        return id;
    }

    private static String referral(Connection c) throws SQLException {
        String diagnostic = UUID.randomUUID().toString();
        execute(c, "INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, ruleset_version, taken_at,"
                + " primary_orientation) VALUES ('" + diagnostic + "', 'JOURNAL-IT', '" + OTHER_ORG.team() + "', '1.0', '1.0.0',"
                + " UTC_TIMESTAMP(3), 'AUTONOMOUS')");
        String id = UUID.randomUUID().toString();
        execute(c, "INSERT INTO referral (id, diagnostic_id, team_id, created_by, created_at, place_id, place_nom, place_adresse,"
                + " place_code_postal, place_commune, status, status_changed_at) VALUES ('" + id + "', '" + diagnostic
                + "', '" + OTHER_ORG.team() + "', '" + OTHER_ORG.worker().id() + "', UTC_TIMESTAMP(3), 'lieu-1', 'Lieu', '1 rue', '59000', 'Lille', 'OPEN',"
                + " UTC_TIMESTAMP(3))");
        return id;
    }

    private static LocalDateTime serverUtc(Connection c) throws SQLException {
        return at(c, "SELECT UTC_TIMESTAMP(3)");
    }

    private static LocalDateTime at(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String table, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
