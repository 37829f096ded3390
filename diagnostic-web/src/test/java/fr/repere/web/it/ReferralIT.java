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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.executeAsOwner;
import static fr.repere.web.it.Dossiers.referral;
import static fr.repere.web.it.Dossiers.status;
import static fr.repere.web.it.Dossiers.strings;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral lifecycle through the API against the real database: Dora's statuses and their
 * history, forbidden changes, the reminder at 10 days and the expiry at 30 days (the jobs run "as
 * of now" through {@link ReferralTrigger}, added to this deployment alone, over referrals
 * back-dated over JDBC), the printable slip, and who may see what.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferralIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("referral");

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
    void aWorkerRefersThePersonAndRecordsThePlacesAnswerThenTheVisit() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("REF"));
        HttpResponse<String> made = Dossiers.refer(uri("/"), diagnostic, Dossiers.PLACE);
        assertEquals(201, made.statusCode(), made.body());
        JsonObject r = Http.json(made);
        String id = r.getString("id");
        assertEquals(uri("/api/v1/referrals/" + id).toString(), made.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", made.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("OPEN", r.getString("status"));
        assertEquals("Ouverte / En cours de traitement", r.getString("statusLabel"));
        assertEquals("Aide aux démarches administratives", r.getString("serviceLabel"));
        assertEquals("Espace numérique de la mairie (fictif)", r.getJsonObject("place").getString("nom"));
        assertEquals(Instant.parse(r.getString("createdAt")).plus(Duration.ofDays(10)), Instant.parse(r.getString("remindAt")));
        assertEquals(Instant.parse(r.getString("createdAt")).plus(Duration.ofDays(30)), Instant.parse(r.getString("expiresAt")));

        JsonObject accepted = Http.json(status(uri("/"), id, "{\"status\": \"ACCEPTED\"}"));
        assertEquals("Validée", accepted.getString("statusLabel"));
        Http.loginAs(uri("/"), ORG.lead().email()); // anyone of the team follows it up
        JsonObject done = Http.json(status(uri("/"), id, "{\"status\": \"COMPLETED\"}"));
        assertEquals("Réalisée", done.getString("statusLabel"));
        JsonArray history = done.getJsonArray("history");
        assertEquals(List.of("OPEN", "ACCEPTED", "COMPLETED"), history.stream().map(v -> v.asJsonObject().getString("to")).toList());
        assertEquals(ORG.lead().id(), history.getJsonObject(2).getString("actor"));

        assertEquals(List.of("OPEN", "ACCEPTED", "COMPLETED"),
                strings("SELECT to_status FROM referral_event WHERE referral_id = ? ORDER BY id", id));
        assertEquals(List.of("REFERRAL_CREATE", "REFERRAL_STATUS", "REFERRAL_STATUS"),
                strings("SELECT action FROM journal_entry WHERE target = ? AND allowed ORDER BY id", id));
        List<String> dossiers = strings("SELECT DISTINCT dossier FROM journal_entry WHERE target IN (?, ?) AND allowed", id, diagnostic);
        assertEquals(1, dossiers.size(), "journaled on the person's dossier");
        assertTrue(dossiers.get(0) != null && !dossiers.get(0).isBlank());

        JsonArray ofDiagnostic = Http.json("{\"a\": " + Http.get(uri("/api/v1/referrals?diagnostic=" + diagnostic)).body() + "}")
                .getJsonArray("a");
        assertEquals(List.of(id), ofDiagnostic.stream().map(v -> v.asJsonObject().getString("id")).toList());
    }

    @Test
    void forbiddenChangesAreConflictsInFrenchAndARefusalNeedsItsReason() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String id = referral(uri("/"), takeDiagnostic(uri("/"), unique("REF")));

        JsonObject noReason = assertProblem(status(uri("/"), id, "{\"status\": \"REFUSED\"}"), 422);
        assertEquals("/reason", noReason.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertEquals("Motif du refus obligatoire", noReason.getString("title"));
        JsonObject selfExpiry = assertProblem(status(uri("/"), id, "{\"status\": \"EXPIRED\"}"), 409);
        assertTrue(selfExpiry.getString("detail").contains("30 jours"), selfExpiry.getString("detail"));
        assertEquals(List.of("OPEN"), strings("SELECT status FROM referral WHERE id = ?", id), "nothing changed");

        JsonObject refused = Http.json(status(uri("/"), id, "{\"status\": \"REFUSED\", \"reason\": \"Plus de créneau avant juin\"}"));
        assertEquals("Refusée", refused.getString("statusLabel"));
        assertEquals("Plus de créneau avant juin", refused.getString("refusalReason"));

        JsonObject reopen = assertProblem(status(uri("/"), id, "{\"status\": \"ACCEPTED\"}"), 409);
        assertEquals("urn:repere:problem:referral-status-conflict", reopen.getString("type"));
        assertEquals("Changement de statut impossible", reopen.getString("title"));
        assertTrue(reopen.getString("detail").contains("« Refusée » ne change plus"), reopen.getString("detail"));
        assertProblem(status(uri("/"), id, "{\"status\": \"COMPLETED\"}"), 409);
        assertEquals(2, count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ?", id));

        JsonObject unknown = assertProblem(status(uri("/"), id, "{\"status\": \"FERMEE\"}"), 400);
        assertEquals("/status", unknown.getJsonArray("errors").getJsonObject(0).getString("pointer"));

        String accepted = referral(uri("/"), takeDiagnostic(uri("/"), unique("REF")));
        status(uri("/"), accepted, "{\"status\": \"ACCEPTED\"}");
        JsonObject late = assertProblem(status(uri("/"), accepted, "{\"status\": \"REFUSED\", \"reason\": \"finalement non\"}"), 409);
        assertTrue(late.getString("detail").contains("« Réalisée »"), late.getString("detail"));
    }

    @Test
    void theWorkerIsRemindedAfterTenDaysAndTheReferralExpiresAfterThirty() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("REF"));
        String nine = referral(uri("/"), diagnostic);
        String eleven = referral(uri("/"), diagnostic);
        String thirtyOne = referral(uri("/"), diagnostic);
        String answered = referral(uri("/"), diagnostic);
        status(uri("/"), answered, "{\"status\": \"ACCEPTED\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        backdate(nine, now.minus(Duration.ofDays(9)));
        backdate(eleven, now.minus(Duration.ofDays(11)));
        backdate(thirtyOne, now.minus(Duration.ofDays(31)));
        backdate(answered, now.minus(Duration.ofDays(40)));

        JsonObject first = Dossiers.runJobs(uri("/"), now);
        assertTrue(first.getInt("reminded") >= 1 && first.getInt("expired") >= 1, first.toString());

        assertEquals(List.of("OPEN"), strings("SELECT status FROM referral WHERE id = ?", nine));
        assertEquals(0, count("SELECT COUNT(*) FROM referral WHERE id = ? AND reminded_at IS NOT NULL", nine));
        assertEquals(List.of("OPEN"), strings("SELECT status FROM referral WHERE id = ?", eleven));
        assertEquals(1, count("SELECT COUNT(*) FROM referral WHERE id = ? AND reminded_at = ?", eleven, now));
        assertEquals(List.of("STATUS", "REMINDER"), strings("SELECT kind FROM referral_event WHERE referral_id = ? ORDER BY id", eleven));
        assertEquals(List.of("EXPIRED"), strings("SELECT status FROM referral WHERE id = ?", thirtyOne));
        assertEquals(List.of("system"), strings("SELECT actor FROM referral_event WHERE referral_id = ? AND to_status = 'EXPIRED'", thirtyOne));
        assertEquals(0, count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ? AND kind = 'REMINDER'", thirtyOne),
                "expired, not reminded");
        assertEquals(List.of("ACCEPTED"), strings("SELECT status FROM referral WHERE id = ?", answered), "an answered referral never expires");
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE target = ? AND action = 'REFERRAL_EXPIRE' AND actor = 'system'", thirtyOne));
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE target = ? AND action = 'REFERRAL_REMIND'", eleven));

        JsonArray reminders = Http.json("{\"a\": " + Http.get(uri("/api/v1/referrals/reminders")).body() + "}").getJsonArray("a");
        List<String> reminded = reminders.stream().map(v -> v.asJsonObject().getString("id")).toList();
        assertTrue(reminded.contains(eleven), reminded.toString());
        assertFalse(reminded.contains(nine) || reminded.contains(thirtyOne));
        Http.loginAs(uri("/"), ORG.lead().email());
        assertFalse(Http.get(uri("/api/v1/referrals/reminders")).body().contains(eleven), "the reminder goes to the worker who referred");

        Dossiers.runJobs(uri("/"), now.plusSeconds(1)); // idempotent
        assertEquals(2, count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ?", eleven));
        assertEquals(2, count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ?", thirtyOne));

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject closed = assertProblem(status(uri("/"), thirtyOne, "{\"status\": \"ACCEPTED\"}"), 409);
        assertTrue(closed.getString("detail").contains("« Expirée »"), closed.getString("detail"));
    }

    @Test
    void theSlipIsAPrintableFrenchPageAboutThePlaceAndNothingAboutThePerson() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String caseRef = unique("SLIP");
        String place = Dossiers.PLACE.replace("Espace numérique de la mairie (fictif)", "Espace <b>Gare</b> & Cie (fictif)");
        HttpResponse<String> made = Dossiers.refer(uri("/"), takeDiagnostic(uri("/"), caseRef), place);
        String id = Http.json(made).getString("id");

        HttpResponse<String> slip = Http.send(HttpRequest.newBuilder(uri("/api/v1/referrals/" + id + "/slip")).header("Accept", "text/html"));
        assertEquals(200, slip.statusCode(), slip.body());
        assertEquals("text/html;charset=UTF-8", slip.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertEquals("no-store", slip.headers().firstValue("Cache-Control").orElse(null));
        String html = slip.body();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("Espace &lt;b&gt;Gare&lt;/b&gt; &amp; Cie (fictif)"), "the place's name, escaped");
        assertTrue(html.contains("12 rue de la Paix") && html.contains("75002 Paris"));
        assertTrue(html.contains("Du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30"), html);
        assertTrue(html.contains("Le samedi de 8 h 30 à 12 h"));
        assertTrue(html.contains("Se présenter sur place, aux horaires d'ouverture."));
        assertTrue(html.contains("Téléphoner au 01 23 45 67 89."));
        assertTrue(html.contains("accueil@lieu-fictif.invalid"));
        assertTrue(html.contains("Votre carte Vitale et le dernier courrier de la CAF"), "what to bring");
        assertTrue(html.contains("Aide aux démarches administratives"));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/imprimables/imprimable.css\">"));
        assertFalse(html.contains(caseRef), "nothing about the person");
        assertFalse(html.contains("style=") || html.contains("<style") || html.contains("<script"), "the CSP allows neither");
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE target = ? AND action = 'REFERRAL_PRINT' AND allowed", id));

        Http.anonymous();
        HttpResponse<String> css = Http.get(uri("/imprimables/imprimable.css"));
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("size: A4") && css.body().contains("font-size: 16pt"));
        assertEquals(401, Http.get(uri("/api/v1/referrals/" + id + "/slip")).statusCode(), "the slip needs a session");
    }

    @Test
    void anotherTeamFindsNothingAndRolesWithoutDossiersAreRefused() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("REF"));
        String id = referral(uri("/"), diagnostic);

        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        long refusedBefore = count("SELECT COUNT(*) FROM journal_entry WHERE actor = '" + ORG.otherTeamWorker().id() + "' AND NOT allowed AND target IN (?, ?)", id, diagnostic);
        assertProblem(Http.get(uri("/api/v1/referrals/" + id)), 404);
        assertProblem(Http.get(uri("/api/v1/referrals/" + id + "/slip")), 404);
        assertProblem(status(uri("/"), id, "{\"status\": \"ACCEPTED\"}"), 404);
        assertProblem(Dossiers.refer(uri("/"), diagnostic, Dossiers.PLACE), 404);
        assertProblem(Http.get(uri("/api/v1/referrals?diagnostic=" + diagnostic)), 404);
        assertEquals(refusedBefore + 5, count("SELECT COUNT(*) FROM journal_entry WHERE actor = '" + ORG.otherTeamWorker().id() + "' AND NOT allowed AND target IN (?, ?)", id, diagnostic));
        assertEquals(List.of("OPEN"), strings("SELECT status FROM referral WHERE id = ?", id));
        assertProblem(Http.get(uri("/api/v1/referrals/not-an-id")), 404);

        for (String agent : List.of(ORG.analyst().email(), ORG.admin().email())) {
            Http.loginAs(uri("/"), agent);
            assertProblem(Http.get(uri("/api/v1/referrals/" + id)), 403);
            assertProblem(Http.get(uri("/api/v1/referrals/" + id + "/slip")), 403);
            assertProblem(Dossiers.refer(uri("/"), diagnostic, Dossiers.PLACE), 403);
        }
        Http.loginAs(uri("/"), ORG.lead().email());
        assertEquals(200, Http.get(uri("/api/v1/referrals/" + id)).statusCode());
    }

    @Test
    void aPlaceOfTheDirectoryIsCopiedFromTheDirectoryNotFromTheBrowser() throws Exception {
        Http.loginAs(uri("/"), ORG.admin().email());
        byte[] demo;
        try (java.io.InputStream in = ReferralIT.class.getResourceAsStream("/demo/lieux-fictifs-nord.csv")) {
            demo = in.readAllBytes();
        }
        HttpResponse<String> started = Http.post(uri("/api/v1/directory/imports"), "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(demo), Map.of());
        assertEquals(202, started.statusCode(), started.body());
        URI job = URI.create(started.headers().firstValue("Location").orElseThrow());
        for (int i = 0; i < 600 && !Http.json(Http.get(job)).getBoolean("finished"); i++) {
            Thread.sleep(100);
        }
        assertEquals("DONE", Http.json(Http.get(job)).getString("status"));

        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("ANNUAIRE"));
        HttpResponse<String> byId = Dossiers.refer(uri("/"), diagnostic, "{\"id\": \"demo-fictif-lille-fs-wazemmes\"}");
        assertEquals(201, byId.statusCode(), byId.body());
        JsonObject place = Http.json(byId).getJsonObject("place");
        assertEquals("France Services (fictif) de Wazemmes", place.getString("nom"));
        assertEquals("10 rue de la Démonstration (fictive)", place.getString("adresse"));
        assertEquals("59000", place.getString("code_postal"));
        assertEquals("Mo-Fr 09:00-12:00,13:30-17:00", place.getString("horaires"));

        String forged = "{\"id\": \"demo-fictif-lille-fs-wazemmes\", \"nom\": \"Ailleurs\", \"adresse\": \"1 rue Fausse\", "
                + "\"code_postal\": \"75001\", \"commune\": \"Paris\"}";
        HttpResponse<String> tampered = Dossiers.refer(uri("/"), diagnostic, forged);
        assertEquals(201, tampered.statusCode(), tampered.body());
        assertEquals("France Services (fictif) de Wazemmes", Http.json(tampered).getJsonObject("place").getString("nom"));

        JsonObject unknown = assertProblem(Dossiers.refer(uri("/"), diagnostic, "{\"id\": \"pas-dans-l-annuaire\"}"), 400);
        assertEquals("/place/id", unknown.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertTrue(unknown.getJsonArray("errors").getJsonObject(0).getString("detail").contains("pas dans l'annuaire"));
    }

    @Test
    void badRequestsNameEveryOffendingField() {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("REF"));
        String place = """
                {"id": "x", "nom": " ", "adresse": "1 rue", "code_postal": "7500", "commune": "Paris",
                 "modalites_acces": ["Venir quand on veut"], "site": "?"}""";
        JsonObject p = assertProblem(Dossiers.refer(uri("/"), diagnostic, place), 400);
        List<String> pointers = p.getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("pointer")).sorted().toList();
        assertEquals(List.of("/place/code_postal", "/place/modalites_acces/0", "/place/nom", "/place/site"), pointers);
        assertProblem(Http.postJson(uri("/api/v1/referrals"), "{\"diagnosticId\": \"nope\"}", Map.of()), 400);
        assertProblem(Dossiers.refer(uri("/"), "00000000-0000-0000-0000-000000000000", Dossiers.PLACE), 404);
        assertProblem(Http.get(uri("/api/v1/referrals")), 400);
    }

    @Test
    void theHistoryCannotBeChangedInTheDatabaseButGoesWithAnErasedDossier() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String caseRef = unique("ERASE");
        String id = referral(uri("/"), takeDiagnostic(uri("/"), caseRef));
        // the application's account has no right to; the schema's owner is stopped by the triggers
        SQLException update = assertThrows(SQLException.class, () -> execute("UPDATE referral_event SET reason = 'x' WHERE referral_id = ?", id));
        assertTrue(update.getMessage().contains("UPDATE command denied"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> execute("DELETE FROM referral_event WHERE referral_id = ?", id));
        assertTrue(delete.getMessage().contains("DELETE command denied"), delete.getMessage());
        SQLException ownerUpdate = assertThrows(SQLException.class,
                () -> executeAsOwner("UPDATE referral_event SET reason = 'x' WHERE referral_id = ?", id));
        assertTrue(ownerUpdate.getMessage().contains("append-only"), ownerUpdate.getMessage());
        SQLException ownerDelete = assertThrows(SQLException.class,
                () -> executeAsOwner("DELETE FROM referral_event WHERE referral_id = ?", id));
        assertTrue(ownerDelete.getMessage().contains("append-only"), ownerDelete.getMessage());

        HttpResponse<String> erased = Http.postJson(uri("/api/v1/dossiers/erasure"),
                "{\"caseRef\": \"" + caseRef + "\", \"reason\": \"PERSON_REQUEST\"}", Map.of());
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(0, count("SELECT COUNT(*) FROM referral WHERE id = ?", id));
        assertEquals(0, count("SELECT COUNT(*) FROM referral_event WHERE referral_id = ?", id));
    }

    private static void backdate(String referral, Instant at) throws SQLException {
        execute("UPDATE referral SET created_at = ?, status_changed_at = ? WHERE id = ?", at, at, referral);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
