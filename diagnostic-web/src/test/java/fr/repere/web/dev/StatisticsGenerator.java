package fr.repere.web.dev;

import fr.repere.territory.Commune;
import fr.repere.territory.Geography;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic, realistic diagnostics for demonstrations and benchmarks — test scope only, never in
 * the WAR. Bulk SQL with the statistics triggers silenced ({@code @stat_bulk = 1}), then
 * {@code CALL stat_rebuild()} recomputes the summaries from the base tables, exactly as the
 * triggers would have kept them. Distributions: see docs/statistiques-generateur.md.
 *
 * <p>Command (after {@code ./repere run} has built the modules):
 * {@code mvn -B -o -q -pl diagnostic-web exec:java -Dexec.mainClass=fr.repere.web.dev.StatisticsGenerator
 * -Dexec.classpathScope=test -Dexec.args="jdbc:mariadb://127.0.0.1:3306/repere repere secret 59 100000 2025 2026"}
 * (URL, user, password, département, number of diagnostics, first year, last year).
 */
public final class StatisticsGenerator {

    /** The organisation and teams the generated diagnostics belong to (created if missing). */
    public static final String ORGANISATION = "org-generateur";
    private static final int TEAMS = 8;
    private static final int BATCH = 2_000;

    private static final String[] ORIENTATIONS = {"AUTONOMOUS", "TRAIN", "MEDIATOR", "ON_BEHALF"};
    private static final double[] ORIENTATION_SHARE = {0.15, 0.30, 0.35, 0.20};
    private static final String[] AGES = {"AGE_16_25", "AGE_26_44", "AGE_45_64", "AGE_65_79", "AGE_80_PLUS", "NSP"};
    private static final double[] AGE_SHARE = {0.12, 0.26, 0.27, 0.20, 0.10, 0.05};
    private static final String[] LEVELS = {"AUTONOMOUS", "SUPPORTED", "FRAGILE", "VERY_FAR", "NOT_ASSESSED"};
    private static final String[] DIMENSIONS = {"ACCESS", "SKILLS", "MOTIVATION", "BANKING"};
    /** Per dimension: shares of the levels above (Emmaüs Connect: 32 % lack equipment, 30 % literacy, 38 % fear). */
    private static final double[][] LEVEL_SHARE = {
        {0.30, 0.22, 0.14, 0.32, 0.02}, {0.20, 0.25, 0.23, 0.30, 0.02},
        {0.35, 0.20, 0.05, 0.38, 0.02}, {0.55, 0.20, 0.10, 0.10, 0.05}};
    private static final String[] ACTIONS = {"EQUIPMENT", "CONNECTIVITY", "BANK_ACCOUNT", "BUDGET", "EMAIL_IDENTITY",
        "FRENCH_COURSE", "LITERACY"};
    private static final String[] SERVICES = {"AIDE_DEMARCHES", "OUTILS_QUOTIDIEN", "ACCES_INTERNET_MATERIEL", "MATERIEL_SOLIDAIRE"};
    private static final String[] STATUSES = {"OPEN", "ACCEPTED", "REFUSED", "EXPIRED", "COMPLETED"};
    private static final double[] STATUS_SHARE = {0.15, 0.20, 0.10, 0.15, 0.40};

    private final Random random;
    private final String organisation;
    private final String organisationName;

    /** Into the organisation {@link #ORGANISATION}. */
    public StatisticsGenerator(long seed) {
        this(seed, ORGANISATION, "Données de démonstration");
    }

    /** Into {@code organisation} (created if missing, with that name), in 8 teams of its own. */
    public StatisticsGenerator(long seed, String organisation, String organisationName) {
        this.random = new Random(seed);
        this.organisation = organisation;
        this.organisationName = organisationName;
    }

    /** The id of the generated team {@code t} of the organisation: distinct from any team made in the application (UUIDs). */
    private String team(int t) {
        return organisation + "-gen-" + t;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: URL USER PASSWORD DEPARTEMENT COUNT FIRST_YEAR LAST_YEAR");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            long started = System.nanoTime();
            new StatisticsGenerator(20261124).generate(c, Geography.shipped(), args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            System.out.printf("%s diagnostics generated in %d s%n", args[4], (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    /** Writes {@code count} diagnostics over the département's communes, then rebuilds the statistics. */
    public void generate(Connection c, Geography geography, String departement, int count, int firstYear, int lastYear)
            throws SQLException {
        List<Commune> communes = new ArrayList<>(geography.communesOf(departement));
        if (communes.isEmpty()) {
            throw new IllegalArgumentException("no commune in département " + departement);
        }
        // a few large towns, many villages: Zipf weights over a fixed shuffle of the communes
        Collections.shuffle(communes, new Random(departement.hashCode()));
        double[] weight = new double[communes.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 1.0 / (i + 1);
        }
        c.setAutoCommit(false);
        try (PreparedStatement org = c.prepareStatement("INSERT IGNORE INTO organisation (id, name) VALUES (?, ?)");
             PreparedStatement teams = c.prepareStatement("INSERT IGNORE INTO team (id, organisation_id, name) VALUES (?, ?, ?)");
             Statement s = c.createStatement()) {
            org.setString(1, organisation);
            org.setString(2, organisationName);
            org.executeUpdate();
            for (int t = 0; t < TEAMS; t++) {
                teams.setString(1, team(t));
                teams.setString(2, organisation);
                teams.setString(3, "Équipe fictive générée " + (t + 1));
                teams.executeUpdate();
            }
            s.execute("SET @stat_bulk = 1");
        }
        try (PreparedStatement diagnostic = c.prepareStatement("INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version,"
                + " ruleset_version, taken_at, primary_orientation, final_orientation, overridden, override_reason, decided_at)"
                + " VALUES (?, ?, ?, '1.0', '2026.1', ?, ?, ?, ?, ?, ?)");
             PreparedStatement answer = c.prepareStatement("INSERT INTO diagnostic_answer (diagnostic_id, position, question_code,"
                     + " option_code) VALUES (?, 0, 'CTX_AGE', ?)");
             PreparedStatement score = c.prepareStatement("INSERT INTO diagnostic_score (diagnostic_id, dimension, score, level,"
                     + " confidence) VALUES (?, ?, ?, ?, 90)");
             PreparedStatement action = c.prepareStatement("INSERT INTO diagnostic_action (diagnostic_id, position, action,"
                     + " rule_name, text) VALUES (?, ?, ?, 'generateur', 'Action générée')");
             PreparedStatement territory = c.prepareStatement("INSERT INTO diagnostic_territory (diagnostic_id, commune_code,"
                     + " epci_code, departement_code, recorded_at) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement referral = c.prepareStatement("INSERT INTO referral (id, diagnostic_id, team_id, created_by, created_at,"
                     + " place_id, place_nom, place_adresse, place_code_postal, place_commune, status, status_changed_at, refusal_reason)"
                     + " VALUES (?, ?, ?, 'generateur', ?, 'lieu-genere', 'Lieu généré', '1 place de la Mairie', '00000', 'Commune', ?, ?, ?)");
             PreparedStatement unmet = c.prepareStatement("INSERT INTO unmet_need (id, diagnostic_id, need_key, service,"
                     + " prise_en_charge, team_id, commune_code, epci_code, departement_code, recorded_at) VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)")) {
            // never in the future: the current year stops today
            LocalDateTime end = LocalDateTime.of(lastYear + 1, 1, 1, 0, 0);
            LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1);
            long span = java.time.Duration.between(LocalDateTime.of(firstYear, 1, 1, 0, 0), end.isAfter(now) ? now : end).toMinutes();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String team = team(random.nextInt(TEAMS));
                // about one person in six comes back: a small pool of case references per team
                String caseRef = "GEN-" + (random.nextInt(6) == 0 ? "R" + random.nextInt(Math.max(1, count / 12)) : "U" + i);
                LocalDateTime at = LocalDateTime.of(firstYear, 1, 1, 8, 0).plusMinutes((long) (random.nextDouble() * span));
                String orientation = pick(ORIENTATIONS, ORIENTATION_SHARE);
                boolean decided = random.nextDouble() < 0.85;
                boolean overridden = decided && random.nextDouble() < 0.08;
                String finalOrientation = !decided ? null : overridden ? ORIENTATIONS[random.nextInt(4)] : orientation;
                diagnostic.setString(1, id);
                diagnostic.setString(2, caseRef);
                diagnostic.setString(3, team);
                diagnostic.setTimestamp(4, Timestamp.valueOf(at));
                diagnostic.setString(5, orientation);
                diagnostic.setString(6, finalOrientation);
                diagnostic.setBoolean(7, overridden);
                diagnostic.setString(8, overridden ? "Motif de démonstration" : null);
                diagnostic.setTimestamp(9, decided ? Timestamp.valueOf(at.plusMinutes(20)) : null);
                diagnostic.addBatch();
                answer.setString(1, id);
                answer.setString(2, pick(AGES, AGE_SHARE));
                answer.addBatch();
                for (int d = 0; d < DIMENSIONS.length; d++) {
                    score.setString(1, id);
                    score.setString(2, DIMENSIONS[d]);
                    score.setInt(3, random.nextInt(101));
                    score.setString(4, pick(LEVELS, LEVEL_SHARE[d]));
                    score.addBatch();
                }
                int actions = random.nextInt(3);
                for (int a = 0; a < actions; a++) {
                    action.setString(1, id);
                    action.setInt(2, a);
                    action.setString(3, ACTIONS[(random.nextInt(ACTIONS.length) + a) % ACTIONS.length]);
                    action.addBatch();
                }
                Commune commune = communes.get(pickIndex(weight));
                String epci = commune.intercommunalite().map(e -> e.code()).orElse(null);
                territory.setString(1, id);
                territory.setString(2, commune.code());
                territory.setString(3, epci);
                territory.setString(4, departement);
                territory.setTimestamp(5, Timestamp.valueOf(at.plusMinutes(10)));
                territory.addBatch();
                if (random.nextDouble() < 0.35) {
                    String status = pick(STATUSES, STATUS_SHARE);
                    referral.setString(1, UUID.randomUUID().toString());
                    referral.setString(2, id);
                    referral.setString(3, team);
                    referral.setTimestamp(4, Timestamp.valueOf(at.plusMinutes(15)));
                    referral.setString(5, status);
                    referral.setTimestamp(6, Timestamp.valueOf(at.plusDays(5)));
                    referral.setString(7, "REFUSED".equals(status) ? "Complet" : null);
                    referral.addBatch();
                }
                if (random.nextDouble() < 0.08) {
                    String service = SERVICES[random.nextInt(SERVICES.length)];
                    unmet.setString(1, UUID.randomUUID().toString());
                    unmet.setString(2, id);
                    unmet.setString(3, service);
                    unmet.setString(4, service);
                    unmet.setString(5, team);
                    unmet.setString(6, commune.code());
                    unmet.setString(7, epci);
                    unmet.setString(8, departement);
                    unmet.setTimestamp(9, Timestamp.valueOf(at.plusMinutes(10)));
                    unmet.addBatch();
                }
                if (i % BATCH == BATCH - 1 || i == count - 1) {
                    for (PreparedStatement batch : List.of(diagnostic, answer, score, action, territory, referral, unmet)) {
                        batch.executeBatch();
                    }
                    c.commit();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET @stat_bulk = NULL");
            s.execute("CALL stat_rebuild()");
        }
        c.commit();
    }

    private String pick(String[] values, double[] shares) {
        double x = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private int pickIndex(double[] weight) {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x < 0) {
                return i;
            }
        }
        return weight.length - 1;
    }
}
