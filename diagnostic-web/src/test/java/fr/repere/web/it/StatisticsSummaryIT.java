package fr.repere.web.it;

import org.junit.jupiter.api.Test;

import fr.repere.scoring.Level;
import fr.repere.scoring.Progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics summaries (V14 triggers) stay equal to a GROUP BY on the base tables after a
 * random mix of every write path the application has: new diagnostic (answers, scores, actions),
 * decision and override, territory recorded then changed, unmet need, referral and its status
 * changes, anonymization (answers deleted, id renumbered: still counted) and erasure (stops
 * counting; both as JPA does it, children first, and by cascade). The age band and the progress
 * cannot be read back from the base tables once a dossier is anonymized, so the test keeps them
 * as they were when written and the reference joins them in.
 */
class StatisticsSummaryIT {

    /** Its own organisation, so that other tests' diagnostics in the shared database do not matter. */
    private static final String ORGANISATION = "org-statistiques-it";
    private static final String[] TEAMS = {"team-stat-1", "team-stat-2"};
    private static final String[] ORIENTATIONS = {"AUTONOMOUS", "TRAIN", "MEDIATOR", "ON_BEHALF"};
    private static final String[] LEVELS = {"AUTONOMOUS", "SUPPORTED", "FRAGILE", "VERY_FAR", "NOT_ASSESSED"};
    private static final String[] DIMENSIONS = {"ACCESS", "SKILLS", "MOTIVATION", "BANKING"};
    private static final String[] AGES = {"AGE_16_25", "AGE_26_44", "AGE_45_64", "AGE_65_79", "AGE_80_PLUS", "NSP"};
    private static final String[] ACTIONS = {"EQUIPMENT", "CONNECTIVITY", "BANK_ACCOUNT", "BUDGET"};
    private static final String[] SERVICES = {"AIDE_AUX_DEMARCHES_ADMINISTRATIVES", "MAITRISE_DES_OUTILS_NUMERIQUES", "ACCES_INTERNET"};
    private static final String[][] COMMUNES = { // commune, EPCI (null: none), département
        {"59001", "245900001", "59"}, {"59002", "245900001", "59"}, {"59003", "245900002", "59"},
        {"59004", "245900002", "59"}, {"59005", null, "59"}, {"62001", "246200001", "62"}, {"62002", "246200001", "62"}};

    private final Random random = new Random(20261124);
    /** What the base tables forget on anonymization, as written: diagnostic id → age band, progress. */
    private final Map<String, String> ageOf = new HashMap<>();
    private final Map<String, Map<String, String>> progressOf = new HashMap<>();
    /** Alive, not anonymized diagnostics per dossier (team + case), in order, with their levels. */
    private final Map<String, List<String>> dossiers = new HashMap<>();
    private final Map<String, Map<String, String>> levelsOf = new HashMap<>();
    private final List<String> alive = new ArrayList<>();
    private LocalDateTime clock = LocalDateTime.of(2025, 1, 3, 9, 0);

    @Test
    void afterARandomMixOfWritesTheSummariesEqualTheRawGroupBy() throws Exception {
        try (Connection c = TestDatabase.connectAsOwner()) { // it plants data, then rebuilds the statistics (CALL stat_rebuild)
            execute(c, "INSERT INTO organisation (id, name) VALUES (?, 'Statistiques')", ORGANISATION);
            execute(c, "INSERT INTO team (id, organisation_id, name) VALUES ('team-stat-1', ?, 'Un'), ('team-stat-2', ?, 'Deux')",
                    ORGANISATION, ORGANISATION);
            c.setAutoCommit(false);
            for (int step = 0; step < 600; step++) {
                int what = random.nextInt(100);
                if (what < 40 || alive.isEmpty()) {
                    newDiagnostic(c);
                } else if (what < 52) {
                    decide(c, pick(alive));
                } else if (what < 62) {
                    recordTerritory(c, pick(alive));
                } else if (what < 72) {
                    referral(c, pick(alive));
                } else if (what < 80) {
                    changeReferralStatus(c);
                } else if (what < 87) {
                    unmetNeed(c, pick(alive));
                } else if (what < 94) {
                    anonymizeDossier(c);
                } else {
                    eraseDossier(c, what % 2 == 0);
                }
                c.commit();
                if (step % 150 == 149) {
                    assertSummariesMatch(c);
                }
            }
            assertSummariesMatch(c);
            assertTrue(count(c, "SELECT COUNT(*) FROM stat_progress") > 10, "the mix must exercise progress");
            assertTrue(count(c, "SELECT COUNT(*) FROM diagnostic WHERE anonymized_at IS NOT NULL") > 10, "and anonymization");
            // the rebuild from the base tables (after a bulk load) agrees with what the triggers kept, but
            // for what anonymization removed from the base tables (age bands, dossier links for progress)
            String kept = "SELECT organisation_id, departement_code, level, unit_code, parent_code, period_kind, period_start,"
                    + " measure, category, n FROM stat_count WHERE n <> 0 AND organisation_id = ? AND measure <> 'AGE'"
                    + " AND measure NOT LIKE 'PROGRESS%'";
            Map<String, Long> before = rows(c, kept);
            execute(c, "CALL stat_rebuild()");
            c.commit();
            assertEquals(before, rows(c, kept));
        }
    }

    private void assertSummariesMatch(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS expected_age (diagnostic_id CHAR(36) PRIMARY KEY, age_band VARCHAR(16))");
            s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS expected_progress (diagnostic_id CHAR(36), dimension VARCHAR(16), progress VARCHAR(8))");
            s.execute("DELETE FROM expected_age");
            s.execute("DELETE FROM expected_progress");
        }
        try (PreparedStatement age = c.prepareStatement("INSERT INTO expected_age VALUES (?, ?)");
             PreparedStatement progress = c.prepareStatement("INSERT INTO expected_progress VALUES (?, ?, ?)")) {
            for (var e : ageOf.entrySet()) {
                age.setString(1, e.getKey());
                age.setString(2, e.getValue());
                age.addBatch();
            }
            for (var e : progressOf.entrySet()) {
                for (var p : e.getValue().entrySet()) {
                    progress.setString(1, e.getKey());
                    progress.setString(2, p.getKey());
                    progress.setString(3, p.getValue());
                    progress.addBatch();
                }
            }
            age.executeBatch();
            progress.executeBatch();
        }
        String contributions = "SELECT d.id AS diagnostic_id, 'PRIMARY' AS measure, d.primary_orientation AS category FROM diagnostic d"
                + " UNION ALL SELECT id, 'FINAL', final_orientation FROM diagnostic WHERE final_orientation IS NOT NULL"
                + " UNION ALL SELECT id, 'OVERRIDE', IF(overridden, 'OVERRIDDEN', 'FOLLOWED') FROM diagnostic WHERE final_orientation IS NOT NULL"
                + " UNION ALL SELECT d.id, 'AGE', COALESCE(e.age_band, 'NSP') FROM diagnostic d LEFT JOIN expected_age e ON e.diagnostic_id = d.id"
                + " UNION ALL SELECT id, 'Q_VERSION', questionnaire_version FROM diagnostic"
                + " UNION ALL SELECT id, 'R_VERSION', ruleset_version FROM diagnostic"
                + " UNION ALL SELECT diagnostic_id, CONCAT('LEVEL_', dimension), level FROM diagnostic_score"
                + " UNION ALL SELECT diagnostic_id, CONCAT('PROGRESS_', dimension), progress FROM expected_progress"
                + " UNION ALL SELECT diagnostic_id, 'ACTION', action FROM diagnostic_action"
                + " UNION ALL SELECT diagnostic_id, 'UNMET', service FROM unmet_need WHERE diagnostic_id IS NOT NULL"
                + " UNION ALL SELECT diagnostic_id, 'REFERRAL', status FROM referral";
        String grains = "SELECT 'C' AS level, 'M' AS kind UNION ALL SELECT 'C', 'Y' UNION ALL SELECT 'E', 'M'"
                + " UNION ALL SELECT 'E', 'Y' UNION ALL SELECT 'D', 'M' UNION ALL SELECT 'D', 'Y'";
        String reference = "SELECT COALESCE(t.organisation_id, ''), dt.departement_code, g.level,"
                + " CASE g.level WHEN 'C' THEN dt.commune_code WHEN 'E' THEN COALESCE(dt.epci_code, '-') ELSE dt.departement_code END,"
                + " IF(g.level = 'C', COALESCE(dt.epci_code, '-'), ''), g.kind,"
                + " IF(g.kind = 'M', DATE_FORMAT(d.taken_at, '%Y-%m-01'), DATE_FORMAT(d.taken_at, '%Y-01-01')),"
                + " x.measure, x.category, COUNT(*)"
                + " FROM diagnostic d JOIN diagnostic_territory dt ON dt.diagnostic_id = d.id"
                + " LEFT JOIN team t ON t.id = d.team_id"
                + " JOIN (" + contributions + ") x ON x.diagnostic_id = d.id CROSS JOIN (" + grains + ") g"
                + " WHERE COALESCE(t.organisation_id, '') = ? GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9";
        Map<String, Long> expected = rows(c, reference);
        Map<String, Long> kept = rows(c, "SELECT organisation_id, departement_code, level, unit_code, parent_code, period_kind,"
                + " period_start, measure, category, n FROM stat_count WHERE n <> 0 AND organisation_id = ?");
        assertTrue(expected.size() > 100, "a test over too few rows proves little: " + expected.size());
        assertEquals(expected, kept);
    }

    private static Map<String, Long> rows(Connection c, String sql) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ORGANISATION);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                StringBuilder key = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    key.append(rs.getString(i)).append('|');
                }
                rows.merge(key.toString(), rs.getLong(10), Long::sum);
            }
        }
        return rows;
    }

    private void newDiagnostic(Connection c) throws SQLException {
        String id = UUID.randomUUID().toString();
        String team = pick(TEAMS);
        // « cas-7 » and « CAS-7 » are two dossiers (CaseReference): a progress that paired them would not match
        String caseRef = (random.nextBoolean() ? "cas-" : "CAS-") + random.nextInt(40);
        String dossier = team + "/" + caseRef;
        clock = clock.plusHours(1 + random.nextInt(30));
        execute(c, "INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, ruleset_version, taken_at,"
                + " primary_orientation) VALUES (?, ?, ?, '1.0', '1.0.0', ?, ?)", id, caseRef, team,
                Timestamp.valueOf(clock), pick(ORIENTATIONS));
        String age = pick(AGES);
        execute(c, "INSERT INTO diagnostic_answer (diagnostic_id, position, question_code, option_code) VALUES (?, 0, 'ACC_EQUIPEMENT', 'OUI')", id);
        if (random.nextInt(10) > 0) {
            execute(c, "INSERT INTO diagnostic_answer (diagnostic_id, position, question_code, option_code) VALUES (?, 1, 'CTX_AGE', ?)", id, age);
            ageOf.put(id, age);
        }
        List<String> earlier = dossiers.computeIfAbsent(dossier, k -> new ArrayList<>());
        Map<String, String> previous = earlier.isEmpty() ? null : levelsOf.get(earlier.get(earlier.size() - 1));
        Map<String, String> levels = new HashMap<>();
        Map<String, String> progress = new HashMap<>();
        for (String dimension : DIMENSIONS) {
            String level = pick(LEVELS);
            levels.put(dimension, level);
            execute(c, "INSERT INTO diagnostic_score (diagnostic_id, dimension, score, level, confidence) VALUES (?, ?, 50, ?, 80)",
                    id, dimension, level);
            // the one definition of progress (core's Progress, also the dossier history's): the triggers must agree
            Progress moved = previous == null ? Progress.UNKNOWN : Progress.between(Level.valueOf(previous.get(dimension)), Level.valueOf(level));
            if (moved != Progress.UNKNOWN) {
                progress.put(dimension, moved.name());
            }
        }
        levelsOf.put(id, levels);
        progressOf.put(id, progress);
        int actions = random.nextInt(3);
        for (int i = 0; i < actions; i++) {
            execute(c, "INSERT INTO diagnostic_action (diagnostic_id, position, action, rule_name, text) VALUES (?, ?, ?, 'r', 't')",
                    id, i, ACTIONS[(i + random.nextInt(2)) % ACTIONS.length]);
        }
        earlier.add(id);
        alive.add(id);
        if (random.nextBoolean()) {
            recordTerritory(c, id);
        }
    }


    private void decide(Connection c, String id) throws SQLException {
        boolean overridden = random.nextInt(4) == 0;
        execute(c, "UPDATE diagnostic SET final_orientation = ?, overridden = ?, override_reason = IF(anonymized_at IS NULL, ?, NULL), decided_at = UTC_TIMESTAMP(3)"
                + " WHERE id = ?", pick(ORIENTATIONS), overridden, overridden ? "raison" : null, id);
    }

    private void recordTerritory(Connection c, String id) throws SQLException {
        String[] commune = pick(COMMUNES);
        execute(c, "INSERT INTO diagnostic_territory (diagnostic_id, commune_code, epci_code, departement_code, recorded_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE commune_code = VALUES(commune_code),"
                + " epci_code = VALUES(epci_code), departement_code = VALUES(departement_code)", id, commune[0], commune[1], commune[2]);
    }

    private void referral(Connection c, String id) throws SQLException {
        execute(c, "INSERT INTO referral (id, diagnostic_id, team_id, created_by, created_at, place_id, place_nom, place_adresse,"
                + " place_code_postal, place_commune, status, status_changed_at) SELECT ?, id, COALESCE(team_id, 'team-stat-1'), 'agent', UTC_TIMESTAMP(3),"
                + " 'lieu-1', 'Lieu', '1 rue', '59000', 'Lille', 'OPEN', UTC_TIMESTAMP(3) FROM diagnostic WHERE id = ?",
                UUID.randomUUID().toString(), id);
    }

    private void changeReferralStatus(Connection c) throws SQLException {
        String status = pick(new String[] {"ACCEPTED", "REFUSED", "EXPIRED", "COMPLETED", "OPEN"});
        execute(c, "UPDATE referral SET status = ?, refusal_reason = ?, status_changed_at = UTC_TIMESTAMP(3)"
                + " WHERE team_id LIKE 'team-stat-%' ORDER BY RAND(?) LIMIT 1", status, "REFUSED".equals(status) ? "motif" : null, random.nextInt());
    }

    private void unmetNeed(Connection c, String id) throws SQLException {
        String service = pick(SERVICES);
        execute(c, "INSERT IGNORE INTO unmet_need (id, diagnostic_id, need_key, service, prise_en_charge, team_id, commune_code,"
                + " departement_code, recorded_at) VALUES (?, ?, ?, ?, '', 'team', '59001', '59', UTC_TIMESTAMP(3))",
                UUID.randomUUID().toString(), id, service, service);
    }

    private void anonymizeDossier(Connection c) throws SQLException {
        String dossier = pickDossier();
        if (dossier == null) {
            return;
        }
        for (String id : dossiers.remove(dossier)) {
            execute(c, "DELETE FROM diagnostic_answer WHERE diagnostic_id = ?", id);
            execute(c, "UPDATE diagnostic SET case_ref = NULL, override_reason = NULL, anonymized_at = UTC_TIMESTAMP(3) WHERE id = ?", id);
            execute(c, "UPDATE referral SET refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE 'effacé' END WHERE diagnostic_id = ?", id);
            String renumbered = UUID.randomUUID().toString();
            execute(c, "UPDATE diagnostic SET id = ? WHERE id = ?", renumbered, id);
            move(ageOf, id, renumbered);
            move(progressOf, id, renumbered);
            alive.set(alive.indexOf(id), renumbered);
        }
    }

    private void eraseDossier(Connection c, boolean childrenFirst) throws SQLException {
        String dossier = pickDossier();
        if (dossier == null) {
            return;
        }
        for (String id : dossiers.remove(dossier)) {
            if (childrenFirst) { // as EclipseLink removes an aggregate
                for (String table : new String[] {"diagnostic_answer", "diagnostic_score", "diagnostic_action", "diagnostic_territory"}) {
                    execute(c, "DELETE FROM " + table + " WHERE diagnostic_id = ?", id);
                }
            }
            execute(c, "DELETE FROM diagnostic WHERE id = ?", id);
            ageOf.remove(id);
            progressOf.remove(id);
            alive.remove(id);
        }
    }

    private String pickDossier() {
        List<String> open = dossiers.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
        return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    }

    private static <V> void move(Map<String, V> map, String from, String to) {
        V value = map.remove(from);
        if (value != null) {
            map.put(to, value);
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
