package fr.repere.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.referral;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statement budgets (as Django's assertNumQueries): the number of SQL statements a request sends
 * must not grow with the rows it reads, so an N+1 fails the build. Each endpoint is read over N
 * rows and over 3N rows, on a team or a case of its own, and both reads must cost the same number
 * of statements (but for the journal's one INSERT per record shown, where the endpoint journals
 * each), which must also stay within the budget of docs/performance.md.
 *
 * <p>The count is the server's own (header {@code X-Repere-Statements}, present because the
 * integration tests set {@code REPERE_STATEMENT_COUNT=true}): the statements sent on the thread
 * that served the request, from its start to its answer, so the scheduled jobs running meanwhile
 * (CAF sweep, referral reminders, retention) are not counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatementBudgetIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("statementbud");
    private static final String HOST_KEY = TestOrganisations.hostKey(ORG);

    private static final int N = 2;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    @Test
    void aDiagnosticsResultHasAFixedCost() throws Exception {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Http.loginAs(uri("/"), t.worker1());
        String id = takeDiagnostic(uri("/"), unique("BUD"));
        int undecided = statements("GET /api/v1/diagnostics/{id}", Http.get(uri("/api/v1/diagnostics/" + id)));
        HttpResponse<String> decided = Dossiers.decide(uri("/"), id,
                "{\"orientation\": \"TRAIN\", \"reason\": \"Préfère un atelier collectif\"}");
        int decision = statements("PUT /api/v1/diagnostics/{id}/decision", decided);
        System.out.println("StatementBudgetIT: PUT /api/v1/diagnostics/{id}/decision — " + decision + " statements");
        int read = statements("GET /api/v1/diagnostics/{id} (decided)", Http.get(uri("/api/v1/diagnostics/" + id)));
        report("GET /api/v1/diagnostics/{id}", undecided, read);
        within("GET /api/v1/diagnostics/{id}", read, 9);
        within("PUT /api/v1/diagnostics/{id}/decision", decision, 16);
    }

    /**
     * Taking a diagnostic is one transaction, whatever its answers: one commit, and the same round
     * trips to the database for 29 chosen options as for 31 (each table's rows go in one batch),
     * although EclipseLink counts one statement per row.
     */
    @Test
    void aDiagnosticIsOneCommitAndAFixedNumberOfRoundTrips() {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Http.loginAs(uri("/"), t.worker1());
        String more = DiagnosticApiIT.AUTONOMOUS_PERSON
                .replace("[\"ORDINATEUR\", \"SMARTPHONE\"]", "[\"ORDINATEUR\", \"SMARTPHONE\", \"TABLETTE\"]")
                .replace("[\"BOX\"]", "[\"BOX\", \"DONNEES_MOBILES\"]");
        Cost fewer = cheapest("POST /api/v1/diagnostics", 5, () -> Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", unique("BUD")), Map.of("Idempotency-Key", unique("KEY"))));
        Cost two = cheapest("POST /api/v1/diagnostics", 5, () -> Http.postJson(uri("/api/v1/diagnostics"),
                more.replace("CASE-42", unique("BUD")), Map.of("Idempotency-Key", unique("KEY"))));
        System.out.println("StatementBudgetIT: POST /api/v1/diagnostics — 29 / 31 options: " + fewer + " / " + two);
        for (Cost cost : List.of(fewer, two)) {
            assertEquals(1, cost.database().get("Com_commit"), "one commit per diagnostic: " + cost);
            assertEquals(0, cost.database().get("Com_xa_commit"), "a local transaction, not XA: " + cost);
            assertTrue(cost.database().get("Innodb_data_fsyncs") <= 1, "one durable write per diagnostic: " + cost);
        }
        assertEquals(fewer.statements() + 2, two.statements(), "EclipseLink: one statement per answer line");
        assertEquals(fewer.roundTrips(), two.roundTrips(), "the round trips grow with the answers: rows not batched");
        within("POST /api/v1/diagnostics (round trips)", two.roundTrips(), 13);
    }

    /**
     * Saving one answer of an interview writes that answer, not the whole sheet: the same round
     * trips and the same rows whether the draft holds 1 answer or 28.
     */
    @Test
    void anAnswerOfAnInterviewWritesThatAnswer() {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Http.loginAs(uri("/"), t.worker1());
        String one = "{\"consent\": true, \"answers\": {\"CTX_FRANCAIS_ECRIT\": \"FACILE\"}}";
        String all = "{\"consent\": true, " + DiagnosticApiIT.AUTONOMOUS_PERSON.substring(
                DiagnosticApiIT.AUTONOMOUS_PERSON.indexOf("\"answers\""));
        List<Cost> costs = new java.util.ArrayList<>();
        for (String body : List.of(one, all)) {
            HttpResponse<String> started = Http.postJson(uri("/api/v1/drafts"), body, Map.of());
            assertEquals(201, started.statusCode(), started.body());
            URI draft = URI.create(started.headers().firstValue("Location").orElseThrow());
            int[] turn = new int[1];
            costs.add(cheapest("PATCH /api/v1/drafts/{id}", 6, () -> Http.send(java.net.http.HttpRequest.newBuilder(draft)
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"answers\": {\"CTX_FRANCAIS_ECRIT\": \""
                            + (turn[0]++ % 2 == 0 ? "DIFFICILE" : "FACILE") + "\"}}"))
                    .header("Content-Type", "application/json"))));
        }
        System.out.println("StatementBudgetIT: PATCH /api/v1/drafts/{id} — drafts of 1 / 28 answers: " + costs);
        assertEquals(costs.get(0), costs.get(1), "the cost of an answer grows with the answers already given");
        assertEquals(1, costs.get(0).database().get("Com_commit"), "one commit per answer saved: " + costs);
        // the changed answer's line replaced, the draft's revision bumped: nothing else rewritten
        assertEquals(1, costs.get(0).database().get("Handler_delete"), costs.toString());
        assertEquals(1, costs.get(0).database().get("Handler_update"), costs.toString());
        within("PATCH /api/v1/drafts/{id} (round trips)", costs.get(0).roundTrips(), 10);
    }

    /** What a request costs: EclipseLink's statements, round trips to MariaDB, MariaDB's own counters. */
    record Cost(int statements, int roundTrips, Map<String, Long> database) {
    }

    /** The smallest cost over {@code times} runs of a request that must succeed (see {@link DatabaseCounters}). */
    private static Cost cheapest(String what, int times, Supplier<HttpResponse<String>> request) {
        int[] least = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        Map<String, Long> database = DatabaseCounters.cheapest(times, () -> {
            HttpResponse<String> r = request.get();
            least[0] = Math.min(least[0], statements(what, r));
            least[1] = Math.min(least[1], Integer.parseInt(r.headers().firstValue("X-Repere-Round-Trips").orElseThrow()));
            return r;
        });
        return new Cost(least[0], least[1], database);
    }

    @Test
    void theHistoryOfADossierCostsTheSameWhateverItsDiagnostics() throws Exception {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Http.loginAs(uri("/"), t.worker1());
        String small = caseWith(N);
        String large = caseWith(3 * N);
        journaled("POST /api/v1/dossiers/history", 1, 9 + 3 * N,
                () -> Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"" + small + "\"}", Map.of()),
                () -> Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"" + large + "\"}", Map.of()));
        // the export reads the referrals of all the dossier's diagnostics in one statement
        flat("POST /api/v1/dossiers/export", 14,
                () -> Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + small + "\"}", Map.of()),
                () -> Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + large + "\"}", Map.of()));
        Http.anonymous();
        Http.asHost(HOST_KEY);
        journaled("POST /api/v1/host/case-diagnostics", 1, 10 + 3 * N,
                () -> Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + small + "\"}", Map.of()),
                () -> Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + large + "\"}", Map.of()));
    }

    @Test
    void theReferralsOfADiagnosticCostTheSameWhateverTheirNumber() throws Exception {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Http.loginAs(uri("/"), t.worker1());
        String few = takeDiagnostic(uri("/"), unique("BUD"));
        String many = takeDiagnostic(uri("/"), unique("BUD"));
        for (int i = 0; i < N; i++) {
            referral(uri("/"), few);
        }
        for (int i = 0; i < 3 * N; i++) {
            referral(uri("/"), many);
        }
        // the histories come with their referrals (JOIN FETCH); one journal entry per referral shown
        journaled("GET /api/v1/referrals?diagnostic=", 1, 8 + 3 * N,
                () -> Http.get(uri("/api/v1/referrals?diagnostic=" + few)),
                () -> Http.get(uri("/api/v1/referrals?diagnostic=" + many)));
    }

    @Test
    void theTeamLeadsViewCostsTheSameWhateverTheTeamsSize() throws Exception {
        TeamDashboardIT.Team small = team(N);
        TeamDashboardIT.Team large = team(3 * N);
        flat("GET /api/v1/team/dashboard", 9,
                () -> { Http.loginAs(uri("/"), small.lead()); return Http.get(uri("/api/v1/team/dashboard")); },
                () -> { Http.loginAs(uri("/"), large.lead()); return Http.get(uri("/api/v1/team/dashboard")); });
        // the drill-down lists journal one entry per dossier shown
        for (String path : List.of("/api/v1/team/referrals/waiting", "/api/v1/team/overrides?days=365",
                "/api/v1/team/referrals/refused?days=365", "/api/v1/team/mandates/expiring")) {
            journaled("GET " + path, 1, 2 + 3 * N,
                    () -> { Http.loginAs(uri("/"), small.lead()); return Http.get(uri(path)); },
                    () -> { Http.loginAs(uri("/"), large.lead()); return Http.get(uri(path)); });
        }
    }

    @Test
    void theStatisticsPageCostsTheSameWhateverTheDiagnostics() throws Exception {
        String path = "/api/v1/statistics?departement=48&annee=" + Year.now();
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        placedDiagnostics(t, N);
        Http.loginAs(uri("/"), ORG.analyst().email());
        int before = statements("GET " + path, Http.get(uri(path)));
        placedDiagnostics(t, 2 * N);
        Http.loginAs(uri("/"), ORG.analyst().email());
        int after = statements("GET " + path, Http.get(uri(path)));
        report("GET /api/v1/statistics", before, after);
        assertEquals(before, after, "GET /api/v1/statistics: the statements grow with the diagnostics");
        within("GET /api/v1/statistics", after, 4);
    }

    /**
     * Diagnostics of the team whose places were searched from Mende: they count in the statistics
     * of Lozère, a département no other test counts (StatisticsApiIT counts Corse-du-Sud exactly).
     */
    private void placedDiagnostics(TeamDashboardIT.Team t, int count) {
        Http.loginAs(uri("/"), t.worker1());
        for (int i = 0; i < count; i++) {
            String id = takeDiagnostic(uri("/"), unique("BUD"));
            assertEquals(200, Http.postJson(uri("/api/v1/diagnostics/" + id + "/places"),
                    "{\"commune\": \"48095\", \"limit\": 5}", Map.of()).statusCode());
        }
    }

    /** A case of the logged-in worker's team with {@code diagnostics} diagnostics, one of them decided. */
    private String caseWith(int diagnostics) {
        String caseRef = unique("BUD");
        String last = null;
        for (int i = 0; i < diagnostics; i++) {
            last = takeDiagnostic(uri("/"), caseRef);
        }
        assertEquals(200, Dossiers.decide(uri("/"), last, "{\"orientation\": \"TRAIN\", \"reason\": \"Atelier\"}").statusCode());
        return caseRef;
    }

    /**
     * A team whose workers took {@code size} diagnostics, each overridden, referred twice (one
     * referral waiting for 12 days, one refused) and under a mandate expiring in 10 days.
     */
    private TeamDashboardIT.Team team(int size) throws SQLException {
        TeamDashboardIT.Team t = TeamDashboardIT.Team.create(ORG.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < size; i++) {
            Http.loginAs(uri("/"), i % 2 == 0 ? t.worker1() : t.worker2());
            String d = takeDiagnostic(uri("/"), unique("BUD"));
            assertEquals(200, Dossiers.decide(uri("/"), d, "{\"orientation\": \"TRAIN\", \"reason\": \"Atelier\"}").statusCode());
            String waiting = referral(uri("/"), d);
            String refused = referral(uri("/"), d);
            Dossiers.status(uri("/"), refused, "{\"status\": \"REFUSED\", \"reason\": \"Atelier complet\"}");
            execute("UPDATE referral SET created_at = ?, status_changed_at = ? WHERE id = ?", now.minus(Duration.ofDays(12)),
                    now.minus(Duration.ofDays(12)), waiting);
            HttpResponse<String> m = Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + d
                    + "\", \"categories\": [\"SOCIAL\"], \"duration\": \"ONE_MONTH\"}", Map.of());
            assertEquals(201, m.statusCode(), m.body());
            String mandate = Http.json(m).getString("id");
            assertEquals(200, Http.postJson(uri("/api/v1/mandates/" + mandate + "/signature"), "{}", Map.of()).statusCode());
            execute("UPDATE mandate SET expires_at = ? WHERE id = ?", now.plus(Duration.ofDays(10)), mandate);
        }
        return t;
    }

    /** Reads over N then 3N rows: the same number of statements, within the budget. */
    private void flat(String what, int budget, Supplier<HttpResponse<String>> overN, Supplier<HttpResponse<String>> over3N) {
        journaled(what, 0, budget, overN, over3N);
    }

    /**
     * Reads over N then 3N rows: the same number of statements but for {@code journaledPerRow}
     * statements per row — the journal, which records each dossier or record read in an entry of
     * its own (one INSERT per row, by design), and the per-row reads left to remove (said where
     * they are allowed); within the budget over 3N rows.
     */
    private void journaled(String what, int journaledPerRow, int budget, Supplier<HttpResponse<String>> overN,
                           Supplier<HttpResponse<String>> over3N) {
        int small = statements(what, overN.get());
        int large = statements(what, over3N.get());
        report(what, small, large);
        assertEquals(small + 2 * N * journaledPerRow, large, what + ": the statements grow with the rows (N+1)"
                + (journaledPerRow == 0 ? "" : " beyond the journal's " + journaledPerRow + " INSERT per row"));
        within(what, large, budget);
    }

    private static void report(String what, int small, int large) {
        String line = "StatementBudgetIT: " + what + " — " + small + " statements over N rows, " + large + " over 3N";
        System.out.println(line);
    }

    private static void within(String what, int count, int budget) {
        assertTrue(count <= budget, what + ": " + count + " statements, budget " + budget);
    }

    private static int statements(String what, HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, what + ": " + r.statusCode() + " " + r.body());
        String header = r.headers().firstValue("X-Repere-Statements")
                .orElseThrow(() -> new AssertionError(what + ": no X-Repere-Statements header (REPERE_STATEMENT_COUNT not set?)"));
        return Integer.parseInt(header);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
