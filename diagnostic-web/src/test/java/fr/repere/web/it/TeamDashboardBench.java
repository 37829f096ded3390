package fr.repere.web.it;

import fr.repere.identity.Passwords;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On demand, not part of the build (its name does not end in IT):
 * {@code mvn -B -o -pl diagnostic-web -am verify -Dtest='NoSuch*' -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TeamDashboardBench}.
 * One team with 100,000 referrals (20,000 diagnostics, 10 workers, 2,000 mandates) written over
 * JDBC, then the team lead's dashboard and drill-downs called over HTTP: 5 warm-up calls, 30 timed
 * calls each; the figures go to the console and to target/team-dashboard-bench.txt. Fails if the
 * median of the dashboard is over the 300 ms target.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamDashboardBench {

    static final int REFERRALS = 100_000;
    static final int DIAGNOSTICS = 20_000;
    static final int WORKERS = 10;
    static final int MANDATES = 2_000;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @Test
    void theDashboardOf100000ReferralsAnswersInUnder300Ms() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = UUID.randomUUID().toString();
        String lead = "bench.lead." + suffix + "@test.invalid";
        long seedStart = System.nanoTime();
        seed(team, suffix, lead);
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;

        Http.loginAs(uri("/"), lead);
        List<String> report = new ArrayList<>();
        report.add("Team dashboard benchmark: " + REFERRALS + " referrals, " + DIAGNOSTICS + " diagnostics, " + WORKERS
                + " workers, " + MANDATES + " mandates in one team (seeded in " + seedMs + " ms)");
        long median = 0;
        for (String path : List.of("/api/v1/team/dashboard", "/api/v1/team/dashboard?days=365",
                "/api/v1/team/referrals/waiting", "/api/v1/team/referrals/refused?days=365", "/api/v1/team/overrides?days=365",
                "/api/v1/team/mandates/expiring")) {
            long[] ms = time(path);
            report.add(String.format("%-45s median %4d ms, p90 %4d ms, max %4d ms (30 calls)", path, ms[15], ms[27], ms[29]));
            if (path.equals("/api/v1/team/dashboard")) {
                median = ms[15];
            }
        }
        report.forEach(System.out::println);
        Files.write(Path.of(System.getProperty("java.io.tmpdir")).getParent().resolve("team-dashboard-bench.txt"), report);
        assertTrue(median < 300, "median " + median + " ms");
    }

    private long[] time(String path) {
        for (int i = 0; i < 5; i++) {
            Http.get(uri(path));
        }
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = Http.get(uri(path));
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            assertEquals(200, r.statusCode(), r.body());
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void seed(String team, String suffix, String lead) throws SQLException {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = Passwords.hash(TestOrganisations.PASSWORD.toCharArray());
        String organisation = TestOrganisations.create("dashbench").id();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO team (id, organisation_id, name) VALUES (?, '" + organisation + "', ?)")) {
                s.setString(1, team);
                s.setString(2, "Équipe banc d'essai " + suffix);
                s.executeUpdate();
            }
            String[] workers = new String[WORKERS];
            try (PreparedStatement s = c.prepareStatement("INSERT INTO agent (id, team_id, role, display_name, email, password_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i <= WORKERS; i++) {
                    String id = (i == WORKERS ? "bench-lead-" : "bench-w" + i + "-") + suffix;
                    s.setString(1, id);
                    s.setString(2, team);
                    s.setString(3, i == WORKERS ? "TEAM_LEAD" : "WORKER");
                    s.setString(4, i == WORKERS ? "Responsable" : "Travailleur " + i);
                    s.setString(5, i == WORKERS ? lead : "bench.w" + i + "." + suffix + "@test.invalid");
                    s.setString(6, hash);
                    s.addBatch();
                    if (i < WORKERS) {
                        workers[i] = id;
                    }
                }
                s.executeBatch();
            }
            String[] diagnostics = new String[DIAGNOSTICS];
            try (PreparedStatement s = c.prepareStatement("INSERT INTO diagnostic (id, case_ref, team_id, questionnaire_version, "
                    + "ruleset_version, taken_at, primary_orientation, final_orientation, overridden, override_reason, decided_at) "
                    + "VALUES (?, ?, ?, '1.0', 'bench', ?, 'MEDIATOR', ?, ?, ?, ?)")) {
                for (int i = 0; i < DIAGNOSTICS; i++) {
                    diagnostics[i] = UUID.randomUUID().toString();
                    Instant taken = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                    boolean overridden = random.nextInt(10) == 0;
                    s.setString(1, diagnostics[i]);
                    s.setString(2, "BENCH-" + i);
                    s.setString(3, team);
                    s.setObject(4, utc(taken));
                    s.setString(5, overridden ? "TRAIN" : "MEDIATOR");
                    s.setBoolean(6, overridden);
                    s.setString(7, overridden ? "Motif du banc d'essai " + i : null);
                    s.setObject(8, utc(taken.plusSeconds(600)));
                    s.addBatch();
                    if (i % 2000 == 1999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            String[] statuses = {"OPEN", "OPEN", "OPEN", "ACCEPTED", "ACCEPTED", "COMPLETED", "COMPLETED", "COMPLETED", "REFUSED", "EXPIRED"};
            try (PreparedStatement s = c.prepareStatement("INSERT INTO referral (id, diagnostic_id, team_id, created_by, created_at, "
                    + "service, place_id, place_nom, place_adresse, place_code_postal, place_commune, place_horaires, "
                    + "place_modalites_acces, status, status_changed_at, refusal_reason, reminded_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'AIDE_DEMARCHES', ?, ?, '1 place de la Mairie', '75002', 'Paris', "
                    + "'Mo-Fr 09:00-12:00', 'Se présenter', ?, ?, ?, ?)")) {
                for (int i = 0; i < REFERRALS; i++) {
                    String status = statuses[random.nextInt(statuses.length)];
                    int maxDays = status.equals("OPEN") ? 30 : 365;
                    Instant created = now.minus(Duration.ofMinutes(random.nextInt(maxDays * 24 * 60)));
                    Instant changed = status.equals("OPEN") ? created
                            : status.equals("EXPIRED") ? created.plus(Duration.ofDays(30)) : created.plus(Duration.ofDays(random.nextInt(20)));
                    s.setString(1, UUID.randomUUID().toString());
                    s.setString(2, diagnostics[i % DIAGNOSTICS]);
                    s.setString(3, team);
                    s.setString(4, workers[random.nextInt(WORKERS)]);
                    s.setObject(5, utc(created));
                    s.setString(6, "lieu-" + random.nextInt(60));
                    s.setString(7, "Lieu fictif " + random.nextInt(60));
                    s.setString(8, status);
                    s.setObject(9, utc(changed.isAfter(now) ? now : changed));
                    s.setString(10, status.equals("REFUSED") ? "Plus de place (banc d'essai)" : null);
                    s.setObject(11, status.equals("OPEN") && created.isBefore(now.minus(Duration.ofDays(10))) ? utc(created.plus(Duration.ofDays(10))) : null);
                    s.addBatch();
                    if (i % 5000 == 4999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement m = c.prepareStatement("INSERT INTO mandate (id, organisation_id, team_id, case_ref, created_by, "
                    + "created_at, duration, signed_at, expires_at) VALUES (?, '" + organisation + "', ?, ?, ?, ?, 'SIX_MONTHS', ?, ?)");
                 PreparedStatement a = c.prepareStatement("INSERT INTO mandate_autorisation (mandate_id, category) VALUES (?, 'SOCIAL')")) {
                for (int i = 0; i < MANDATES; i++) {
                    String id = UUID.randomUUID().toString();
                    Instant signed = now.minus(Duration.ofDays(random.nextInt(182)));
                    m.setString(1, id);
                    m.setString(2, team);
                    m.setString(3, "BENCH-" + i);
                    m.setString(4, workers[random.nextInt(WORKERS)]);
                    m.setObject(5, utc(signed));
                    m.setObject(6, utc(signed));
                    m.setObject(7, utc(signed.plus(Duration.ofDays(182))));
                    m.addBatch();
                    a.setString(1, id);
                    a.addBatch();
                }
                m.executeBatch();
                a.executeBatch();
            }
            c.commit();
            c.createStatement().execute("ANALYZE TABLE referral, diagnostic, mandate, mandate_autorisation");
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
