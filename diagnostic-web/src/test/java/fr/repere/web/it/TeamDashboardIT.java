package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.referral;
import static fr.repere.web.it.Dossiers.status;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The team lead's view against the real database, on a team of its own made for this test (so
 * the figures are exact whatever the other tests did): every figure, its drill-down to the
 * dossiers, the journal of what the lead saw, and who may see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamDashboardIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("teamdashboar");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(ReferralTrigger.class);
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    @Test
    void everyFigureOfTheOwnTeamDrillsDownToItsDossiersAndTheReadsAreJournaled() throws Exception {
        Team t = Team.create(ORG.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Http.loginAs(uri("/"), t.worker1);
        String caseA = unique("EQD");
        String dA = takeDiagnostic(uri("/"), caseA);
        String dB = takeDiagnostic(uri("/"), unique("EQD"));
        String dC = takeDiagnostic(uri("/"), unique("EQD"));
        String waiting = referral(uri("/"), dA);
        String fresh = referral(uri("/"), dA);
        String refused = referral(uri("/"), dB);
        String expired = referral(uri("/"), dC);
        status(uri("/"), refused, "{\"status\": \"REFUSED\", \"reason\": \"Atelier complet jusqu'en juin\"}");
        execute("UPDATE referral SET created_at = ?, status_changed_at = ? WHERE id = ?", now.minus(Duration.ofDays(12)),
                now.minus(Duration.ofDays(12)), waiting);
        execute("UPDATE referral SET created_at = ?, status_changed_at = ? WHERE id = ?", now.minus(Duration.ofDays(31)),
                now.minus(Duration.ofDays(31)), expired);
        String soon = mandate(dA, "[\"SOCIAL\", \"ARGENT\"]");
        mandate(dB, "[\"LOGEMENT\"]"); // a month left: not yet
        String revoked = mandate(dC, "[\"PAPIERS\"]");
        Http.postJson(uri("/api/v1/mandates/" + revoked + "/revocation"), "{}", Map.of());
        execute("UPDATE mandate SET expires_at = ? WHERE id IN (?, ?)", now.plus(Duration.ofDays(10)), soon, revoked);

        Http.loginAs(uri("/"), t.worker2);
        String dD = takeDiagnostic(uri("/"), unique("EQD"));
        assertEquals(200, Dossiers.decide(uri("/"), dD,
                "{\"orientation\": \"TRAIN\", \"reason\": \"Préfère un atelier collectif près de chez elle\"}").statusCode());
        String accepted = referral(uri("/"), dD);
        status(uri("/"), accepted, "{\"status\": \"ACCEPTED\"}");

        Dossiers.runJobs(uri("/"), now.plusSeconds(1));

        Http.loginAs(uri("/"), t.lead);
        HttpResponse<String> r = Http.get(uri("/api/v1/team/dashboard"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        JsonObject d = Http.json(r);
        assertEquals(90, d.getInt("days"));
        assertEquals(1, figure(d, "referralsWaiting"));
        assertEquals(1, figure(d, "referralsRefused"));
        assertEquals(1, figure(d, "referralsExpired"));
        assertEquals(1, figure(d, "overrides"));
        assertEquals(1, figure(d, "mandatesExpiringSoon"));
        JsonObject w1 = worker(d, t.worker1Id);
        assertEquals(4, w1.getInt("referrals"));
        assertEquals(2, w1.getInt("open"));
        assertEquals(1, w1.getInt("waiting"));
        assertEquals(1, w1.getInt("refused"));
        assertEquals(1, w1.getInt("expired"));
        assertEquals(3, w1.getInt("mandates"));
        assertEquals(t.worker1Name(), w1.getString("displayName"));
        JsonObject w2 = worker(d, t.worker2Id);
        assertEquals(1, w2.getInt("referrals"));
        assertEquals(1, w2.getInt("accepted"));
        assertEquals(0, worker(d, t.leadId).getInt("referrals"));

        long journalBefore = count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'TEAM_DOSSIER_READ'", t.leadId);
        assertEquals(0, journalBefore, "the figures name no dossier: nothing journaled");

        JsonObject w = drill(d, "referralsWaiting");
        assertEquals(List.of(waiting), ids(w, "referralId"));
        JsonObject row = w.getJsonArray("items").getJsonObject(0);
        assertEquals(caseA, row.getString("caseRef"));
        assertEquals(12, row.getInt("daysWithoutAnswer"));
        assertEquals("Espace numérique de la mairie (fictif)", row.getString("placeNom"));
        assertEquals(t.worker1Id, row.getString("agentId"));
        assertTrue(row.containsKey("remindedAt") && !row.isNull("remindedAt"), "reminded by the job");

        JsonObject ref = drill(d, "referralsRefused");
        assertEquals(List.of(refused), ids(ref, "referralId"));
        assertEquals("Atelier complet jusqu'en juin", ref.getJsonArray("items").getJsonObject(0).getString("reason"));
        JsonObject exp = drill(d, "referralsExpired");
        assertEquals(List.of(expired), ids(exp, "referralId"));
        assertEquals("Sans réponse du lieu 30 jours après l'envoi", exp.getJsonArray("items").getJsonObject(0).getString("reason"));
        JsonObject ov = drill(d, "overrides");
        assertEquals(List.of(dD), ids(ov, "diagnosticId"));
        assertEquals("Préfère un atelier collectif près de chez elle", ov.getJsonArray("items").getJsonObject(0).getString("reason"));
        assertEquals("TRAIN", ov.getJsonArray("items").getJsonObject(0).getString("decided"));
        JsonObject md = drill(d, "mandatesExpiringSoon");
        assertEquals(List.of(soon), ids(md, "mandateId"));
        assertEquals(List.of("Social - Santé", "Argent - Impôts - Consommation").stream().sorted().toList(),
                md.getJsonArray("items").getJsonObject(0).getJsonArray("categoriesInForce").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).sorted().toList());
        JsonObject mine = Http.json(Http.get(uri(w1.getString("dossiers"))));
        assertEquals(4, mine.getJsonArray("items").size());

        assertEquals(2, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'TEAM_DOSSIER_READ' AND target = ? "
                + "AND dossier IS NOT NULL AND allowed", t.leadId, waiting), "shown twice: waiting, and among the worker's referrals");
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'TEAM_DOSSIER_READ' AND target = ?", t.leadId, soon));
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'TEAM_DOSSIER_READ' AND target = ?", t.leadId, dD));
        // waiting 1 + refused 1 + expired 1 + overrides 1 + mandates 1 + the worker's referrals 4
        assertEquals(9, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'TEAM_DOSSIER_READ'", t.leadId),
                "one entry per dossier shown");

        // another team's lead sees none of it, and cannot drill into this team's worker
        Http.loginAs(uri("/"), ORG.lead().email());
        assertFalse(Http.get(uri("/api/v1/team/referrals/waiting")).body().contains(waiting));
        assertProblem(Http.get(uri("/api/v1/team/workers/" + t.worker1Id + "/referrals")), 404);
        Http.loginAs(uri("/"), t.lead);
        assertProblem(Http.get(uri("/api/v1/team/workers/agent-worker-a/referrals")), 404);
        assertProblem(Http.get(uri("/api/v1/team/dashboard?days=0")), 400);
        assertProblem(Http.get(uri("/api/v1/team/overrides?offset=-1")), 400);
    }

    @Test
    void onlyTeamLeadsSeeTheirTeamsView() {
        for (String agent : List.of(ORG.worker().email(), ORG.analyst().email(), ORG.admin().email())) {
            Http.loginAs(uri("/"), agent);
            assertProblem(Http.get(uri("/api/v1/team/dashboard")), 403);
            assertProblem(Http.get(uri("/api/v1/team/referrals/waiting")), 403);
        }
        Http.anonymous();
        assertEquals(401, Http.get(uri("/api/v1/team/dashboard")).statusCode());
        Http.loginAs(uri("/"), ORG.lead().email());
        assertEquals(200, Http.get(uri("/api/v1/team/dashboard?days=365")).statusCode());
    }

    private String mandate(String diagnostic, String categories) {
        HttpResponse<String> r = Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + diagnostic
                + "\", \"categories\": " + categories + ", \"duration\": \"ONE_MONTH\"}", Map.of());
        assertEquals(201, r.statusCode(), r.body());
        String id = Http.json(r).getString("id");
        assertEquals(200, Http.postJson(uri("/api/v1/mandates/" + id + "/signature"), "{}", Map.of()).statusCode());
        return id;
    }

    private static long figure(JsonObject dashboard, String name) {
        return dashboard.getJsonObject(name).getJsonNumber("count").longValue();
    }

    private static JsonObject worker(JsonObject dashboard, String agent) {
        return dashboard.getJsonArray("workers").stream().map(v -> v.asJsonObject())
                .filter(w -> w.getString("agentId").equals(agent)).findFirst().orElseThrow();
    }

    private JsonObject drill(JsonObject dashboard, String figure) {
        HttpResponse<String> r = Http.get(uri(dashboard.getJsonObject(figure).getString("dossiers")));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static List<String> ids(JsonObject page, String field) {
        JsonArray items = page.getJsonArray("items");
        return items.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    /** A team of its own in {@code organisation}: a lead and two workers, with the test password. */
    record Team(String id, String lead, String leadId, String worker1, String worker1Id, String worker1Name, String worker2,
                String worker2Id) {

        static Team create(String organisation) {
            TestOrganisations.Team t = TestOrganisations.team(organisation, "dashboard");
            return new Team(t.id(), t.lead().email(), t.lead().id(), t.worker().email(), t.worker().id(), t.worker().displayName(),
                    t.secondWorker().email(), t.secondWorker().id());
        }
    }
}
