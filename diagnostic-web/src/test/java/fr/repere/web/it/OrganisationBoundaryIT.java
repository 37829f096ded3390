package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.strings;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One organisation never reads or changes another's: the directory (places, imports and their
 * reports) is the importing organisation's, a referral copies a place of the worker's organisation
 * only, and a host key answers per team, within its restriction, never across organisations.
 * Both organisations are this class's own ({@link TestOrganisations}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationBoundaryIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("organisation");
    /** Another organisation of this class's own, the one that must find nothing of {@link #ORG}. */
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("organi-other");
    private static final String HOST_KEY = TestOrganisations.hostKey(ORG);
    private static final String OTHER_HOST_KEY = TestOrganisations.hostKey(OTHER_ORG);

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
    void anotherOrganisationsAdministratorReimportingOurPlaceIdChangesNothingOfOurs() throws Exception {
        String id = unique("lieu-org1");
        URI ours = importAs(ORG.admin().email(), place(id, "Lieu de l'organisation 1 (fictif)", "1 rue de l'Organisation Une"));
        assertEquals("DONE", Http.json(Http.get(ours)).getString("status"));

        URI theirs = importAs(OTHER_ORG.admin().email(), place(id, "Lieu réécrit par l'organisation 2 (fictif)", "2 rue de l'Intrus"));
        JsonObject report = Http.json(Http.get(theirs));
        assertEquals("DONE", report.getString("status"), report.toString());
        assertEquals(1, report.getInt("placesCreated"), "the other organisation gets a place of its own");
        assertEquals(0, report.getInt("placesUpdated"), "ours is not touched");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject place = Http.json(Http.get(uri("/api/v1/places/" + id)));
        assertEquals("Lieu de l'organisation 1 (fictif)", place.getString("nom"));
        assertEquals("1 rue de l'Organisation Une", place.getString("adresse"));

        String referral = Http.json(created(Dossiers.refer(uri("/"), takeDiagnostic(uri("/"), unique("ORG1")),
                "{\"id\": \"" + id + "\"}"))).getString("id");
        String slip = Http.send(HttpRequest.newBuilder(uri("/api/v1/referrals/" + referral + "/slip"))
                .header("Accept", "text/html")).body();
        assertTrue(slip.contains("Lieu de l&#39;organisation 1 (fictif)") || slip.contains("Lieu de l'organisation 1 (fictif)"), slip);
        assertTrue(slip.contains("1 rue de l&#39;Organisation Une") || slip.contains("1 rue de l'Organisation Une"), slip);
        assertFalse(slip.contains("Intrus") || slip.contains("réécrit"), "nothing of the other organisation's line");

        Http.loginAs(uri("/"), OTHER_ORG.worker().email());
        assertEquals("Lieu réécrit par l'organisation 2 (fictif)",
                Http.json(Http.get(uri("/api/v1/places/" + id))).getString("nom"), "each organisation reads its own copy");
        assertEquals(List.of(OTHER_ORG.id(), ORG.id()),
                strings("SELECT organisation_id FROM place WHERE id = ? ORDER BY organisation_id", id));
    }

    @Test
    void anotherOrganisationsAdministratorCannotReadOurImportReport() throws Exception {
        URI ours = importAs(ORG.admin().email(), place(unique("lieu-rapport"), "Lieu du rapport (fictif)", "3 rue du Rapport"));

        Http.loginAs(uri("/"), OTHER_ORG.admin().email());
        JsonObject problem = assertProblem(Http.get(ours), 404);
        assertEquals("Import introuvable", problem.getString("title"));

        Http.loginAs(uri("/"), ORG.admin().email());
        assertEquals(200, Http.get(ours).statusCode(), "our administrator still reads it");
    }

    @Test
    void anotherOrganisationsWorkerNeverFindsOurPlaces() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject ourDiagnostic = Http.json(created(Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.URGENT_WITHOUT_DEVICE, Map.of())));
        JsonObject need = ourDiagnostic.getJsonObject("orientation").getJsonArray("needs").getJsonObject(0);
        String care = String.join("|", need.getJsonArray("priseEnChargeSpecifique").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        String id = unique("lieu-seul-org1");
        importAs(ORG.admin().email(), DirectoryIT.HEADER + "\r\n" + DirectoryIT.line(id, "Lieu de l'organisation 1 seule (fictif)",
                "48095", "48000", "Mende", "44.517", "3.500", need.getString("service"), care, "Gratuit") + "\r\n");

        Http.loginAs(uri("/"), ORG.worker().email());
        assertTrue(placeIds(ourDiagnostic.getString("id")).contains(id), "the place meets the need, for its organisation");

        Http.loginAs(uri("/"), OTHER_ORG.worker().email());
        JsonObject problem = assertProblem(Http.get(uri("/api/v1/places/" + id)), 404);
        assertEquals("Lieu introuvable", problem.getString("title"));
        JsonObject theirDiagnostic = Http.json(created(Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.URGENT_WITHOUT_DEVICE, Map.of())));
        assertEquals(need.getString("service"), theirDiagnostic.getJsonObject("orientation").getJsonArray("needs")
                .getJsonObject(0).getString("service"), "the same answers, the same need");
        assertFalse(placeIds(theirDiagnostic.getString("id")).contains(id), "another organisation's place is never proposed");

        JsonObject refused = assertProblem(Dossiers.refer(uri("/"), theirDiagnostic.getString("id"), "{\"id\": \"" + id + "\"}"), 400);
        assertEquals("/place/id", refused.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertEquals(0, count("SELECT COUNT(*) FROM referral WHERE place_id = ? AND team_id = ?", id, OTHER_ORG.team()));
    }

    @Test
    void twoTeamsDossiersUnderOneCaseReferenceComeBackAsTwoLabelledEntries() {
        String caseRef = unique("DOSSIER-PARTAGE");
        Http.loginAs(uri("/"), ORG.worker().email());
        String inA = takeDiagnostic(uri("/"), caseRef);
        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        String inB = takeDiagnostic(uri("/"), caseRef);

        Http.asHost(HOST_KEY);
        JsonArray dossiers = caseDiagnostics(caseRef);
        assertEquals(2, dossiers.size(), dossiers.toString());
        JsonObject a = dossiers.getJsonObject(0);
        JsonObject b = dossiers.getJsonObject(1);
        assertEquals(List.of(ORG.team(), "Équipe A", caseRef, List.of(inA)),
                List.of(a.getString("teamId"), a.getString("teamName"), a.getString("caseRef"), ids(a)));
        assertEquals(List.of(ORG.otherTeam(), "Équipe B", caseRef, List.of(inB)),
                List.of(b.getString("teamId"), b.getString("teamName"), b.getString("caseRef"), ids(b)));

        Http.asHost(OTHER_HOST_KEY);
        assertEquals("[]", Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of())
                .body(), "another organisation's key sees none of our teams");
    }

    @Test
    void aHostKeyRestrictedToTeamANeverSeesTeamBsDossier() throws Exception {
        String caseRef = unique("DOSSIER-RESTREINT");
        Http.loginAs(uri("/"), ORG.worker().email());
        String inA = takeDiagnostic(uri("/"), caseRef);
        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        String inB = takeDiagnostic(uri("/"), caseRef);

        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> issued = Http.postJson(uri("/api/v1/admin/host-keys"),
                "{\"label\": \"Logiciel de l'équipe A\", \"teams\": [\"" + ORG.team() + "\"]}", Map.of());
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject key = Http.json(issued);
        assertEquals(List.of(ORG.team()), key.getJsonArray("teams").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(List.of(ORG.team()), strings("SELECT team_id FROM host_credential_team WHERE credential_id = ?",
                key.getString("id")), "the restriction is stored with the key");
        JsonObject listed = Http.json("{\"l\":" + Http.get(uri("/api/v1/admin/host-keys")).body() + "}").getJsonArray("l")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("id").equals(key.getString("id"))).findFirst()
                .orElseThrow();
        assertEquals(ORG.team(), listed.getJsonArray("teams").getString(0));

        JsonObject foreignTeam = assertProblem(Http.postJson(uri("/api/v1/admin/host-keys"),
                "{\"label\": \"Clé mal restreinte\", \"teams\": [\"" + OTHER_ORG.team() + "\"]}", Map.of()), 422);
        assertEquals("/teams/0", foreignTeam.getJsonArray("errors").getJsonObject(0).getString("pointer"));

        Http.asHost(key.getString("key"));
        HttpResponse<String> found = Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of());
        assertEquals(200, found.statusCode(), found.body());
        assertFalse(found.body().contains(inB), "team B's dossier is never read by a key restricted to team A");
        JsonArray dossiers = Http.json("{\"l\":" + found.body() + "}").getJsonArray("l");
        assertEquals(1, dossiers.size(), found.body());
        assertEquals(ORG.team(), dossiers.getJsonObject(0).getString("teamId"));
        assertEquals(List.of(inA), ids(dossiers.getJsonObject(0)));
        assertEquals(0, count("SELECT COUNT(*) FROM journal_entry WHERE action = 'DIAGNOSTIC_READ' AND target = ? AND actor = ?",
                inB, key.getString("id")), "nothing of team B is read, so nothing is journaled");
    }

    private JsonArray caseDiagnostics(String caseRef) {
        HttpResponse<String> found = Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of());
        assertEquals(200, found.statusCode(), found.body());
        return Http.json("{\"l\":" + found.body() + "}").getJsonArray("l");
    }

    private static List<String> ids(JsonObject dossier) {
        return dossier.getJsonArray("diagnostics").getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
    }

    private List<String> placeIds(String diagnostic) {
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics/" + diagnostic + "/places"),
                "{\"commune\": \"48095\", \"limit\": 50}", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getJsonArray("needs").getValuesAs(JsonObject.class).stream()
                .flatMap(n -> n.getJsonArray("places").getValuesAs(JsonObject.class).stream()).map(p -> p.getString("id")).toList();
    }

    private static String place(String id, String nom, String adresse) {
        return DirectoryIT.HEADER + "\r\n" + DirectoryIT.line(id, nom, "48095", "48000", "Mende", "44.517", "3.500",
                "Aide aux démarches administratives", "", "Gratuit").replace("2 place de l'Essai", adresse) + "\r\n";
    }

    /** Imports a file as this administrator, waits for the end of the job, and returns its address. */
    private URI importAs(String admin, String csv) throws InterruptedException {
        Http.loginAs(uri("/"), admin);
        HttpResponse<String> started = Http.post(uri("/api/v1/directory/imports"), "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8)), Map.of());
        assertEquals(202, started.statusCode(), started.body());
        URI job = URI.create(started.headers().firstValue("Location").orElseThrow());
        for (int i = 0; i < 600 && !Http.json(Http.get(job)).getBoolean("finished"); i++) {
            Thread.sleep(100);
        }
        assertEquals("DONE", Http.json(Http.get(job)).getString("status"), Http.get(job).body());
        return job;
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
