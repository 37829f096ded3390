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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's rights (export, erasure) through the API, and the retention jobs against the real
 * database. The jobs are run by a test-only servlet added to this test's deployment
 * ({@link RetentionTrigger}), "as of" an instant; old dossiers and journal entries are made by
 * back-dating real rows over JDBC (the journal's triggers allow inserting old entries). Instants
 * "as of" are never in the future, so the shared test database holds no entry from the future.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("retention");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(RetentionTrigger.class);
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    // ----- right of access and erasure

    @Test
    void aWorkerExportsEverythingOnTheDossierOfTheTeamAndItIsJournaled() throws Exception {
        String caseRef = unique("EXPORT");
        Http.loginAs(uri("/"), ORG.worker().email());
        String first = takeDiagnostic(caseRef);
        String second = takeDiagnostic(caseRef);
        assertEquals(200, decide(second, "{\"orientation\": \"TRAIN\", \"reason\": \"Souhaite apprendre avec sa fille\"}").statusCode());
        String draft = Http.json(Http.postJson(uri("/api/v1/drafts"),
                "{\"consent\": true, \"caseRef\": \"" + caseRef + "\", \"answers\": {\"CTX_DEMARCHE_EN_COURS\": \"URGENTE\"}}", Map.of())).getString("id");
        takeDiagnostic(unique("OTHER")); // another dossier of the team: not exported
        String referral = Dossiers.referral(uri("/"), second);
        String mandate = Http.json(Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + second
                + "\", \"categories\": [\"SOCIAL\"], \"duration\": \"ONE_DAY\"}", Map.of())).getString("id");

        HttpResponse<String> r = Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        JsonObject export = Http.json(r);
        assertEquals(caseRef, export.getString("caseRef"));
        JsonArray diagnostics = export.getJsonArray("diagnostics");
        assertEquals(List.of(first, second), ids(diagnostics));
        JsonObject answer = diagnostics.getJsonObject(0).getJsonArray("answers").getJsonObject(0);
        assertNotNull(answer.getString("question"));
        assertFalse(answer.getString("questionLabel").isBlank(), "answers come with the question's wording");
        assertFalse(answer.getString("optionLabel").isBlank());
        assertEquals(4, diagnostics.getJsonObject(0).getJsonArray("scores").size());
        assertNotNull(diagnostics.getJsonObject(0).getJsonObject("orientation").getString("primary"));
        assertEquals("Souhaite apprendre avec sa fille", diagnostics.getJsonObject(1).getJsonObject("decision").getString("reason"));
        assertEquals(List.of(draft), ids(export.getJsonArray("drafts")));
        assertEquals("URGENTE", export.getJsonArray("drafts").getJsonObject(0).getJsonArray("answers").getJsonObject(0).getString("option"));
        JsonObject referred = export.getJsonArray("referrals").getJsonObject(0);
        assertEquals(List.of(referral), ids(export.getJsonArray("referrals")));
        assertEquals(second, referred.getString("diagnosticId"));
        assertEquals("Espace numérique de la mairie (fictif)", referred.getJsonObject("place").getString("nom"));
        assertEquals("OPEN", referred.getJsonArray("history").getJsonObject(0).getString("to"));
        JsonObject mandated = export.getJsonArray("mandates").getJsonObject(0);
        assertEquals(List.of(mandate), ids(export.getJsonArray("mandates")));
        assertEquals("SOCIAL", mandated.getJsonArray("autorisations").getJsonObject(0).getString("category"));
        assertEquals("CREATE_ATTESTATION", mandated.getJsonArray("journal").getJsonObject(0).getString("action"));
        List<String> actions = export.getJsonArray("journal").stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("DIAGNOSTIC_CREATE", "DIAGNOSTIC_CREATE", "DECISION_RECORD", "DRAFT_START", "REFERRAL_CREATE",
                "MANDATE_CREATE", "CASE_EXPORT"), actions);
        assertFalse(r.body().contains(ORG.worker().id()), "the journal part names roles, not agents");

        String pseudonym = pseudonymOf(first);
        assertEquals(1, count("journal_entry", "action = 'CASE_EXPORT' AND actor = '" + ORG.worker().id() + "' AND dossier = '" + pseudonym + "' AND allowed"));

        Http.loginAs(uri("/"), ORG.lead().email());
        assertEquals(200, Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()).statusCode(),
                "the team lead exercises the rights too");
    }

    @Test
    void anotherTeamsDossierOrAnUnknownOneIsNotFoundAndRolesWithoutDossiersAreRefused() throws Exception {
        String caseRef = unique("SCOPE");
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(caseRef);

        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        long refusedBefore = count("journal_entry", "actor = '" + ORG.otherTeamWorker().id() + "' AND action IN ('CASE_EXPORT', 'CASE_ERASE') AND NOT allowed");
        assertProblem(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()), 404);
        assertProblem(erase(caseRef, "PERSON_REQUEST"), 404);
        assertEquals(refusedBefore + 2, count("journal_entry",
                "actor = '" + ORG.otherTeamWorker().id() + "' AND action IN ('CASE_EXPORT', 'CASE_ERASE') AND NOT allowed AND dossier IS NULL"));
        assertEquals(1, count("diagnostic", "id = '" + diagnostic + "'"), "nothing erased by another team");

        Http.loginAs(uri("/"), ORG.worker().email());
        assertProblem(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + unique("NEVER") + "\"}", Map.of()), 404);

        for (String agent : new String[] {ORG.analyst().email(), ORG.admin().email()}) {
            Http.loginAs(uri("/"), agent);
            assertProblem(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()), 403);
            assertProblem(erase(caseRef, "PERSON_REQUEST"), 403);
        }
        Http.anonymous();
        assertEquals(401, Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()).statusCode());
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject missing = assertProblem(Http.postJson(uri("/api/v1/dossiers/export"), "{}", Map.of()), 400);
        assertEquals("/caseRef", missing.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        JsonObject badRef = assertProblem(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"Jean Dupont\"}", Map.of()), 400);
        assertEquals("/caseRef", badRef.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        JsonObject freeText = assertProblem(erase("CASE-1", "la personne l'a demandé"), 400);
        assertEquals("/reason", freeText.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertTrue(freeText.getJsonArray("errors").getJsonObject(0).getString("detail").contains("PERSON_REQUEST"));
        assertProblem(Http.postJson(uri("/api/v1/dossiers/erasure"), "{\"caseRef\": \"CASE-1\"}", Map.of()), 400);
        assertProblem(Http.postJson(uri("/api/v1/dossiers/erasure"), "[1, 2]", Map.of()), 400);
    }

    @Test
    void erasureDeletesTheDossierOfTheTeamOnlyIsJournaledAndASecondOneSaysNothingIsLeft() throws Exception {
        String caseRef = unique("ERASE");
        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        String otherTeams = takeDiagnostic(caseRef); // same reference in team B: another person
        Http.loginAs(uri("/"), ORG.worker().email());
        String first = takeDiagnostic(caseRef);
        String second = takeDiagnostic(caseRef);
        assertEquals(200, decide(first, "{\"orientation\": \"ON_BEHALF\", \"reason\": \"Mme Martin, 3 rue des Lilas\"}").statusCode());
        Http.postJson(uri("/api/v1/drafts"), "{\"consent\": true, \"caseRef\": \"" + caseRef + "\"}", Map.of());
        String pseudonym = pseudonymOf(first);

        HttpResponse<String> r = erase(caseRef, "PERSON_REQUEST");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject erased = Http.json(r);
        assertEquals(2, erased.getInt("erasedDiagnostics"));
        assertEquals(1, erased.getInt("erasedDrafts"));
        assertEquals(0, count("diagnostic", "id IN ('" + first + "', '" + second + "')"));
        assertEquals(0, count("diagnostic_answer", "diagnostic_id IN ('" + first + "', '" + second + "')"));
        assertEquals(0, count("diagnostic", "case_ref = '" + caseRef + "' AND team_id = '" + ORG.team() + "'"));
        assertEquals(0, count("diagnostic_draft", "case_ref = '" + caseRef + "'"));
        assertEquals(1, count("diagnostic", "id = '" + otherTeams + "' AND case_ref = '" + caseRef + "'"), "team B's dossier stays");
        assertEquals(1, count("journal_entry", "action = 'CASE_ERASE' AND actor = '" + ORG.worker().id() + "' AND dossier = '" + pseudonym
                + "' AND detail = 'PERSON_REQUEST' AND target IS NULL AND allowed"));

        HttpResponse<String> again = erase(caseRef, "PERSON_REQUEST");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, Http.json(again).getInt("erasedDiagnostics"));
        assertTrue(Http.json(again).getString("detail").startsWith("Rien à effacer"));

        JsonObject export = Http.json(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()));
        assertTrue(export.getJsonArray("diagnostics").isEmpty());
        assertTrue(export.getJsonArray("drafts").isEmpty());
        assertTrue(export.getJsonArray("journal").stream().anyMatch(e -> e.asJsonObject().getString("action").equals("CASE_ERASE")),
                "what remains (the journal) is still shown to the person");
    }

    // ----- the retention jobs

    @Test
    void aDossierWithoutActivityForTheRetentionPeriodIsAnonymizedOnceAndKeptForStatistics() throws Exception {
        String old = unique("OLD");
        String recent = unique("RECENT");
        Http.loginAs(uri("/"), ORG.worker().email());
        String oldDiagnostic = takeDiagnostic(old);
        assertEquals(200, decide(oldDiagnostic, "{\"orientation\": \"TRAIN\", \"reason\": \"M. Durand, voisin du 12\"}").statusCode());
        String oldDraft = Http.json(Http.postJson(uri("/api/v1/drafts"), "{\"consent\": true, \"caseRef\": \"" + old + "\"}", Map.of())).getString("id");
        String refused = Dossiers.referral(uri("/"), oldDiagnostic);
        assertEquals(200, Dossiers.status(uri("/"), refused, "{\"status\": \"REFUSED\", \"reason\": \"Mme Martin est déjà suivie par nous\"}").statusCode());
        String mandate = Http.json(Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + oldDiagnostic
                + "\", \"categories\": [\"SOCIAL\"], \"duration\": \"ONE_DAY\"}", Map.of())).getString("id");
        String recentDiagnostic = takeDiagnostic(recent);
        String pseudonym = pseudonymOf(oldDiagnostic);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant twentySixMonthsAgo = now.atZone(ZoneOffset.UTC).minusMonths(26).toInstant();
        drain("dossiers", now);
        execute("UPDATE diagnostic SET taken_at = ?, decided_at = ? WHERE id = '" + oldDiagnostic + "'", twentySixMonthsAgo, twentySixMonthsAgo);
        execute("UPDATE diagnostic_draft SET started_at = ?, updated_at = ? WHERE id = '" + oldDraft + "'", twentySixMonthsAgo, twentySixMonthsAgo);
        Map<String, Object> before = row(oldDiagnostic);
        long reasons = count("diagnostic_reason", "diagnostic_id = '" + oldDiagnostic + "'");
        assertTrue(reasons > 0, "the proposal gave its reasons");

        // as of three months ago, the dossier had been idle 23 months: not yet due
        assertEquals(0, runJob("dossiers", now.atZone(ZoneOffset.UTC).minusMonths(3).toInstant()));
        assertEquals(1, count("diagnostic", "id = '" + oldDiagnostic + "'"));

        assertEquals(1, runJob("dossiers", now), "one dossier due: its diagnostic and its interview are one dossier");
        assertEquals(0, count("diagnostic", "id = '" + oldDiagnostic + "'"), "an anonymized diagnostic takes a new id");
        assertEquals(0, count("diagnostic", "case_ref = '" + old + "'"));
        assertEquals(0, count("diagnostic_draft", "id = '" + oldDraft + "'"), "the unfinished interview is deleted");
        List<Map<String, Object>> anonymous = rows("SELECT id, team_id, overridden, override_reason, final_orientation, "
                + "primary_orientation, ruleset_version, questionnaire_version, anonymized_at FROM diagnostic "
                + "WHERE anonymized_at IS NOT NULL AND team_id = '" + ORG.team() + "' AND final_orientation = 'TRAIN' "
                + "AND primary_orientation = '" + before.get("primary_orientation") + "' AND taken_at = ?",
                twentySixMonthsAgo.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertEquals(1, anonymous.size(), "the diagnostic stays for statistics, dated to the month: " + anonymous);
        Map<String, Object> kept = anonymous.get(0);
        String newId = (String) kept.get("id");
        assertEquals(Boolean.TRUE, kept.get("overridden"), "the override is still counted");
        assertNull(kept.get("override_reason"), "its free text, which named someone, is gone");
        assertEquals(before.get("ruleset_version"), kept.get("ruleset_version"));
        assertEquals(0, count("diagnostic_answer", "diagnostic_id = '" + newId + "'"), "answers are personal: gone");
        assertEquals(4, count("diagnostic_score", "diagnostic_id = '" + newId + "'"), "scores stay");
        assertEquals(reasons, count("diagnostic_reason", "diagnostic_id = '" + newId + "'"), "the proposal's reasons stay, all of them");
        assertEquals(1, count("diagnostic", "id = '" + recentDiagnostic + "' AND case_ref = '" + recent + "'"), "active dossiers stay");
        assertEquals(1, count("referral", "id = '" + refused + "' AND diagnostic_id = '" + newId + "' AND status = 'REFUSED'"
                + " AND refusal_reason = 'Motif effacé (dossier anonymisé)' AND place_a_apporter IS NULL"),
                "the refusal is still counted, its words are gone");
        assertEquals(0, count("referral_event", "referral_id = '" + refused + "' AND reason IS NOT NULL"));
        assertEquals(2, count("referral_event", "referral_id = '" + refused + "'"), "the history keeps its steps");
        assertEquals(0, count("mandate", "case_ref = '" + old + "'"), "the mandate no longer names the case");
        assertEquals(1, count("mandate", "id = '" + mandate + "'"), "the organisation keeps the mandate and its journal");

        assertEquals(1, count("journal_entry", "action = 'RETENTION_ANONYMIZE' AND actor = 'system' AND dossier = '" + pseudonym
                + "' AND target IS NULL AND allowed"));
        assertEquals(0, count("journal_entry", "target = '" + newId + "'"), "nothing in the journal points to the anonymous diagnostic");

        assertEquals(0, runJob("dossiers", now), "a second run finds nothing to do");
        assertEquals(1, count("journal_entry", "action = 'RETENTION_ANONYMIZE' AND dossier = '" + pseudonym + "'"));
    }

    @Test
    void twoReferencesThatDifferOnlyByCaseAreTwoDossiersEverywhere() throws Exception {
        String upper = unique("CASSE").toUpperCase();
        String lower = upper.toLowerCase();
        Http.loginAs(uri("/"), ORG.worker().email());
        String upperDiagnostic = takeDiagnostic(upper);
        String lowerDiagnostic = takeDiagnostic(lower);
        for (String diagnostic : List.of(upperDiagnostic, lowerDiagnostic)) {
            assertEquals(201, Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + diagnostic
                    + "\", \"categories\": [\"SOCIAL\"], \"duration\": \"ONE_DAY\"}", Map.of()).statusCode());
        }

        JsonObject history = Http.json(Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"" + upper + "\"}", Map.of()));
        assertEquals(List.of(upperDiagnostic), ids(history.getJsonArray("diagnostics")), "the history holds one dossier");
        JsonObject export = Http.json(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + lower + "\"}", Map.of()));
        assertEquals(List.of(lowerDiagnostic), ids(export.getJsonArray("diagnostics")));
        assertEquals(1, export.getJsonArray("mandates").size(), "the copy holds its own mandate only");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        drain("dossiers", now);
        execute("UPDATE diagnostic SET taken_at = ? WHERE id = '" + upperDiagnostic + "'", now.atZone(ZoneOffset.UTC).minusMonths(26).toInstant());
        assertEquals(1, runJob("dossiers", now), "the idle dossier only, not the one that differs by case");
        assertEquals(0, count("mandate", "case_ref = '" + upper + "'"), "the idle dossier's mandate no longer names it");
        assertEquals(1, count("mandate", "case_ref = '" + lower + "'"), "the other dossier's mandate is untouched");
        assertEquals(1, count("diagnostic", "id = '" + lowerDiagnostic + "' AND case_ref = '" + lower + "'"));
    }

    @Test
    void aDiagnosticAndAnInterviewSavedWithoutACaseReferenceFollowTheSameRetention() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> taken = Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("\"caseRef\": \"CASE-42\", ", ""), Map.of());
        assertEquals(201, taken.statusCode(), taken.body());
        String loose = Http.json(taken).getString("id");
        assertEquals(200, decide(loose, "{\"orientation\": \"ON_BEHALF\", \"reason\": \"Mme Petit, aveugle\"}").statusCode());
        String refused = Dossiers.referral(uri("/"), loose);
        assertEquals(200, Dossiers.status(uri("/"), refused, "{\"status\": \"REFUSED\", \"reason\": \"Mme Petit déménage\"}").statusCode());
        String abandoned = Http.json(Http.postJson(uri("/api/v1/drafts"), "{\"consent\": true}", Map.of())).getString("id");
        String recentDraft = Http.json(Http.postJson(uri("/api/v1/drafts"), "{\"consent\": true}", Map.of())).getString("id");
        assertEquals(0, count("diagnostic", "id = '" + loose + "' AND case_ref IS NOT NULL"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant twentySixMonthsAgo = monthsBefore(now, 26);
        drain("dossiers", now);
        execute("UPDATE diagnostic SET taken_at = ?, decided_at = ? WHERE id = '" + loose + "'", twentySixMonthsAgo, twentySixMonthsAgo);
        execute("UPDATE diagnostic_draft SET started_at = ?, updated_at = ? WHERE id = '" + abandoned + "'", twentySixMonthsAgo, twentySixMonthsAgo);
        long journaledBefore = count("journal_entry", "action = 'RETENTION_ANONYMIZE' AND dossier IS NULL");

        assertEquals(0, runJob("dossiers", monthsBefore(now, 3)), "idle 23 months as of three months ago: not yet due");
        assertEquals(1, count("diagnostic", "id = '" + loose + "' AND anonymized_at IS NULL"));

        assertEquals(2, runJob("dossiers", now), "the diagnostic and the abandoned interview, each on its own");
        assertEquals(0, count("diagnostic", "id = '" + loose + "'"), "an anonymized diagnostic takes a new id");
        assertEquals(0, count("diagnostic_draft", "id = '" + abandoned + "'"), "the abandoned interview is deleted");
        assertEquals(1, count("diagnostic_draft", "id = '" + recentDraft + "'"), "an interview in progress stays");
        List<Map<String, Object>> referred = rows("SELECT d.anonymized_at, d.override_reason, r.refusal_reason FROM referral r"
                + " JOIN diagnostic d ON d.id = r.diagnostic_id WHERE r.id = '" + refused + "'");
        assertEquals(1, referred.size());
        assertNotNull(referred.get(0).get("anonymized_at"), "the referral follows its diagnostic under the new id");
        assertNull(referred.get(0).get("override_reason"));
        assertEquals("Motif effacé (dossier anonymisé)", referred.get(0).get("refusal_reason"));
        assertEquals(0, count("referral_event", "referral_id = '" + refused + "' AND reason IS NOT NULL"));
        assertEquals(journaledBefore + 2, count("journal_entry", "action = 'RETENTION_ANONYMIZE' AND dossier IS NULL AND target IS NULL"),
                "each one journaled, naming nothing");

        assertEquals(0, runJob("dossiers", now), "a second run finds nothing to do");
    }

    @Test
    void journalEntriesPastTheRetentionPeriodArePurgedAndNoOthers() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String marker = "it-purge-" + UUID.randomUUID().toString().substring(0, 8);
        drain("journal", now);
        long thirteen = insertEntry(marker, monthsBefore(now, 13));
        long eleven = insertEntry(marker, monthsBefore(now, 11));
        long seven = insertEntry(marker, monthsBefore(now, 7));
        long one = insertEntry(marker, monthsBefore(now, 1));

        assertEquals(0, runJob("journal", monthsBefore(now, 2)), "as of two months ago, nothing was 12 months old yet");
        assertEquals(4, count("journal_entry", "actor = '" + marker + "'"));

        assertEquals(1, runJob("journal", now), "the entry of 13 months only");
        assertEquals(0, count("journal_entry", "id = " + thirteen), "older than 12 months (the default): purged");
        assertEquals(List.of(eleven, seven, one), remaining(marker));

        assertEquals(0, runJob("journal", now), "a second run finds nothing to do");
    }

    @Test
    void refusalCountsAreKeptAsLongAsTheJournalAndIdleLoginThrottlesADay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String marker = UUID.randomUUID().toString().replace("-", ""); // 32 characters, as a source's pseudonym
        drain("counters", now);
        String insert = "INSERT INTO refusal_count (source, kind, minute, count) VALUES ('" + marker + "', ?, ?, 7)";
        execute(insert.replace("?, ?", "'HOST_KEY_REFUSED', ?"), monthsBefore(now, 13));
        execute(insert.replace("?, ?", "'LOGIN_REFUSED', ?"), monthsBefore(now, 11));
        String throttle = "INSERT INTO login_throttle (throttle_key, scope, failures, last_failure, blocked_until) VALUES (?, 'ADDRESS', 60, ?, ?)";
        executeWithKey(throttle, marker.substring(0, 31) + "a", now.minus(2, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS));
        executeWithKey(throttle, marker.substring(0, 31) + "b", now.minus(2, ChronoUnit.DAYS), now.plus(10, ChronoUnit.MINUTES));
        executeWithKey(throttle, marker.substring(0, 31) + "c", now.minus(1, ChronoUnit.HOURS), null);

        assertEquals(2, runJob("counters", now), "the count of 13 months and the key idle for two days");
        assertEquals(List.of("LOGIN_REFUSED"), rows("SELECT kind FROM refusal_count WHERE source = '" + marker + "'").stream()
                .map(r -> r.get("kind")).toList(), "the count older than the journal's 12 months is purged, not the other");
        assertEquals(List.of(marker.substring(0, 31) + "b", marker.substring(0, 31) + "c"),
                rows("SELECT throttle_key FROM login_throttle WHERE throttle_key LIKE '" + marker.substring(0, 31) + "_' ORDER BY 1")
                        .stream().map(r -> r.get("throttle_key")).toList(), "only the key idle for a day is purged");
    }

    private static void executeWithKey(String sql, String key, Instant lastFailure, Instant blockedUntil) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            s.setObject(2, lastFailure.atZone(ZoneOffset.UTC).toLocalDateTime());
            s.setObject(3, blockedUntil == null ? null : blockedUntil.atZone(ZoneOffset.UTC).toLocalDateTime());
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    // ----- helpers

    private String takeDiagnostic(String caseRef) {
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef), Map.of());
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("id");
    }

    private HttpResponse<String> decide(String diagnostic, String body) {
        return Http.send(HttpRequest.newBuilder(uri("/api/v1/diagnostics/" + diagnostic + "/decision"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private HttpResponse<String> erase(String caseRef, String reason) {
        return Http.postJson(uri("/api/v1/dossiers/erasure"),
                "{\"caseRef\": \"" + caseRef + "\", \"reason\": \"" + reason + "\"}", Map.of());
    }

    /**
     * Runs the job as of {@code asOf} before the test makes its own rows due: whatever other
     * classes (or an earlier failed test) left due by then is done with, so the run the test then
     * checks counts this test's rows alone, and its count is asserted exactly. Nothing else runs
     * against the database meanwhile (failsafe runs the classes one after the other).
     */
    private void drain(String job, Instant asOf) {
        runJob(job, asOf);
    }

    private int runJob(String job, Instant asOf) {
        HttpResponse<String> r = Http.post(uri("/it/retention?job=" + job + "&asOf=" + asOf), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getInt("count");
    }

    private static JsonObject assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return Http.json(r);
    }

    private static List<String> ids(JsonArray array) {
        return array.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static String unique(String prefix) {
        return "RET-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant monthsBefore(Instant now, int months) {
        return now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /** The journal's pseudonym of a diagnostic's dossier, as written when it was created. */
    private static String pseudonymOf(String diagnostic) throws SQLException {
        List<Map<String, Object>> found = rows("SELECT dossier FROM journal_entry WHERE action = 'DIAGNOSTIC_CREATE' AND target = '"
                + diagnostic + "'");
        return (String) found.get(0).get("dossier");
    }

    private static Map<String, Object> row(String diagnostic) throws SQLException {
        return rows("SELECT * FROM diagnostic WHERE id = '" + diagnostic + "'").get(0);
    }

    /** A back-dated entry: only the schema's owner may give a journal row its time, and only when it asks to. */
    private static long insertEntry(String actor, Instant at) throws SQLException {
        try (Connection c = TestDatabase.connectAsOwner(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO journal_entry (at, actor, actor_role, team, action, allowed) VALUES (?, ?, 'WORKER', 'team-it', 'DIAGNOSTIC_READ', TRUE)",
                Statement.RETURN_GENERATED_KEYS)) {
            c.createStatement().execute("SET @repere_keep_journal_time = 1");
            s.setObject(1, at.atZone(ZoneOffset.UTC).toLocalDateTime());
            s.setString(2, actor);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<Long> remaining(String actor) throws SQLException {
        return rows("SELECT id FROM journal_entry WHERE actor = '" + actor + "' ORDER BY at").stream()
                .map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private static void execute(String sql, Instant... instants) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < instants.length; i++) {
                s.setObject(i + 1, instants[i].atZone(ZoneOffset.UTC).toLocalDateTime());
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    private static long count(String table, String where) throws SQLException {
        return ((Number) rows("SELECT COUNT(*) AS n FROM " + table + " WHERE " + where).get(0).get("n")).longValue();
    }

    private static List<Map<String, Object>> rows(String sql, Instant... instants) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < instants.length; i++) {
                s.setObject(i + 1, instants[i].atZone(ZoneOffset.UTC).toLocalDateTime());
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
