package fr.repere.web.it;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.executeAsOwner;
import static fr.repere.web.it.Dossiers.strings;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mandates (Aidants Connect model) through the API against the real database: prepared, printed,
 * signed (hash given, or computed from the uploaded scan, which is not kept), used, revoked one
 * category at a time, expired; the journal refuses UPDATE and DELETE in the database itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MandateIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("mandate");

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
    void aMandateIsPreparedPrintedSignedUsedAndRevokedCategoryByCategory() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("MANDAT"));
        HttpResponse<String> made = prepare(diagnostic, "[\"SOCIAL\", \"LOGEMENT\"]", "ONE_MONTH");
        assertEquals(201, made.statusCode(), made.body());
        JsonObject m = Http.json(made);
        String id = m.getString("id");
        assertEquals("AWAITING_SIGNATURE", m.getString("status"));
        assertEquals("En attente de signature", m.getString("statusLabel"));
        assertFalse(m.getBoolean("active"));
        assertEquals(ORG.id(), m.getString("organisation"), "the organisation holds the mandate, not the worker");
        assertEquals("Mandat d'un mois", m.getString("durationLabel"));
        assertEquals(31, m.getInt("durationDays"));
        assertFalse(made.body().toLowerCase().contains("password") || made.body().contains("motDePasse"));

        HttpResponse<String> attestation = Http.get(uri("/api/v1/mandates/" + id + "/attestation"));
        assertEquals(200, attestation.statusCode());
        assertEquals("no-store", attestation.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(attestation.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = attestation.body();
        assertTrue(html.contains("Attestation de mandat") && html.contains(ORG.name()), html);
        assertTrue(html.contains("Social - Santé") && html.contains("Logement"));
        assertTrue(html.contains("Mandat d'un mois : 31 jours"));
        assertTrue(html.contains("ne conserve jamais mes mots de passe"));
        assertTrue(html.contains("révoquer ce mandat à tout moment"));
        assertTrue(html.contains("/imprimables/imprimable.css") && !html.contains("<script") && !html.contains("style="));

        assertProblem(use(id, "SOCIAL"), 409); // not signed yet

        String sha = "ab".repeat(32);
        JsonObject signed = Http.json(Http.postJson(uri("/api/v1/mandates/" + id + "/signature"),
                "{\"attestationSha256\": \"" + sha.toUpperCase() + "\"}", Map.of()));
        assertEquals("ACTIVE", signed.getString("status"));
        assertTrue(signed.getBoolean("active"));
        assertEquals(sha, signed.getString("attestationSha256"));
        assertEquals(Instant.parse(signed.getString("signedAt")).plus(Duration.ofDays(31)), Instant.parse(signed.getString("expiresAt")));
        assertEquals(409, Http.postJson(uri("/api/v1/mandates/" + id + "/signature"), "{}", Map.of()).statusCode(), "signed once");

        assertEquals(200, use(id, "LOGEMENT").statusCode());
        JsonObject revoked = Http.json(revoke(id, "{\"category\": \"SOCIAL\"}"));
        assertTrue(revoked.getBoolean("active"), "active while one category remains");
        JsonObject refusedUse = assertProblem(use(id, "SOCIAL"), 409);
        assertEquals("L'autorisation pour cette catégorie de démarches a été révoquée.", refusedUse.getString("detail"));
        assertProblem(use(id, "JUSTICE"), 409);

        Http.loginAs(uri("/"), ORG.lead().email()); // the team's mandate, whoever prepared it
        JsonObject all = Http.json(revoke(id, "{}"));
        assertEquals("REVOKED", all.getString("status"));
        assertFalse(all.getBoolean("active"));
        assertEquals(List.of("CREATE_ATTESTATION", "CREATE_AUTORISATION", "CREATE_AUTORISATION", "USE_AUTORISATION",
                        "CANCEL_AUTORISATION", "CANCEL_AUTORISATION", "CANCEL_MANDAT"),
                strings("SELECT action FROM mandate_event WHERE mandate_id = ? ORDER BY seq", id));
        assertEquals("Révocation d'un mandat", all.getJsonArray("journal").getJsonObject(6).getString("label"));
        assertEquals(List.of(ORG.lead().id()), strings("SELECT actor FROM mandate_event WHERE mandate_id = ? AND action = 'CANCEL_MANDAT'", id));
        assertEquals(1, count("SELECT COUNT(*) FROM mandate_event WHERE mandate_id = ? AND organisation_id = '" + ORG.id() + "' AND action = 'CREATE_ATTESTATION'", id));
        assertEquals(List.of("MANDATE_CREATE", "MANDATE_PRINT", "MANDATE_SIGN", "MANDATE_USE", "MANDATE_REVOKE", "MANDATE_REVOKE"),
                strings("SELECT action FROM journal_entry WHERE target = ? AND allowed ORDER BY id", id));

        JsonObject listed = Http.json("{\"a\": " + Http.get(uri("/api/v1/mandates?diagnostic=" + diagnostic)).body() + "}")
                .getJsonArray("a").getJsonObject(0);
        assertEquals(id, listed.getString("id"));
    }

    @Test
    void theScanIsHashedAndNotKept() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String id = Http.json(prepare(takeDiagnostic(uri("/"), unique("MANDAT")), "[\"ARGENT\"]", "ONE_DAY")).getString("id");
        byte[] scan = ("%PDF-1.4 attestation signée (fictive) " + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = Http.post(uri("/api/v1/mandates/" + id + "/signature"), "application/pdf",
                HttpRequest.BodyPublishers.ofByteArray(scan), Map.of());
        assertEquals(200, r.statusCode(), r.body());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        assertEquals(expected, Http.json(r).getString("attestationSha256"));
        assertEquals(List.of(expected), strings("SELECT attestation_sha256 FROM mandate WHERE id = ?", id));
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name LIKE 'mandate%' AND data_type IN ('blob', 'longblob', 'mediumblob')"), "no column could hold the scan");
        assertProblem(Http.postJson(uri("/api/v1/mandates/" + id + "/signature"), "{\"attestationSha256\": \"court\"}", Map.of()), 400);
    }

    @Test
    void aMandatePastItsDurationIsExpiredAndCannotBeUsed() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String id = Http.json(prepare(takeDiagnostic(uri("/"), unique("MANDAT")), "[\"TRAVAIL\"]", "ONE_DAY")).getString("id");
        Http.postJson(uri("/api/v1/mandates/" + id + "/signature"), "{}", Map.of());
        Instant signed = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        execute("UPDATE mandate SET signed_at = ?, expires_at = ? WHERE id = ?", signed, signed.plus(Duration.ofDays(1)), id);
        JsonObject m = Http.json(Http.get(uri("/api/v1/mandates/" + id)));
        assertEquals("EXPIRED", m.getString("status"));
        assertEquals("Expiré", m.getString("statusLabel"));
        assertFalse(m.getBoolean("active"));
        JsonObject refused = assertProblem(use(id, "TRAVAIL"), 409);
        assertEquals("Action impossible sur ce mandat", refused.getString("title"));
        assertTrue(refused.getString("detail").contains("expiré"));
        assertProblem(revoke(id, "{}"), 409);
    }

    @Test
    void theMandateJournalRefusesUpdateAndDeleteInTheDatabase() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String id = Http.json(prepare(takeDiagnostic(uri("/"), unique("MANDAT")), "[\"PAPIERS\"]", "TWELVE_MONTHS")).getString("id");
        // the application's account has no right to; the schema's owner is stopped by the triggers
        SQLException update = assertThrows(SQLException.class,
                () -> execute("UPDATE mandate_event SET actor = 'quelqu-un' WHERE mandate_id = ?", id));
        assertTrue(update.getMessage().contains("UPDATE command denied"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> execute("DELETE FROM mandate_event WHERE mandate_id = ?", id));
        assertTrue(delete.getMessage().contains("DELETE command denied"), delete.getMessage());
        SQLException ownerUpdate = assertThrows(SQLException.class,
                () -> executeAsOwner("UPDATE mandate_event SET actor = 'quelqu-un' WHERE mandate_id = ?", id));
        assertTrue(ownerUpdate.getMessage().contains("mandate_event is append-only"), ownerUpdate.getMessage());
        SQLException ownerDelete = assertThrows(SQLException.class, () -> executeAsOwner("DELETE FROM mandate_event WHERE mandate_id = ?", id));
        assertTrue(ownerDelete.getMessage().contains("mandate_event is append-only"), ownerDelete.getMessage());
        SQLException truncateLike = assertThrows(SQLException.class, () -> execute("DELETE FROM mandate WHERE id = ?", id));
        assertTrue(truncateLike.getMessage().contains("foreign key"), truncateLike.getMessage()); // the journal keeps its mandate
        assertEquals(1, count("SELECT COUNT(*) FROM mandate_event WHERE mandate_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM mandate WHERE id = ?", id));
    }

    @Test
    void anotherTeamFindsNothingRolesWithoutDossiersAreRefusedAndBadRequestsNameTheField() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("MANDAT"));
        String id = Http.json(prepare(diagnostic, "[\"FAMILLE\"]", "SIX_MONTHS")).getString("id");

        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        assertProblem(Http.get(uri("/api/v1/mandates/" + id)), 404);
        assertProblem(Http.get(uri("/api/v1/mandates/" + id + "/attestation")), 404);
        assertProblem(Http.postJson(uri("/api/v1/mandates/" + id + "/signature"), "{}", Map.of()), 404);
        assertProblem(revoke(id, "{}"), 404);
        assertProblem(prepare(diagnostic, "[\"FAMILLE\"]", "SIX_MONTHS"), 404);
        assertEquals(5, count("SELECT COUNT(*) FROM journal_entry WHERE actor = '" + ORG.otherTeamWorker().id() + "' AND NOT allowed AND target IN (?, ?)", id, diagnostic));
        assertEquals(0, count("SELECT COUNT(*) FROM mandate WHERE signed_at IS NOT NULL AND id = ?", id));

        for (String agent : List.of(ORG.analyst().email(), ORG.admin().email())) {
            Http.loginAs(uri("/"), agent);
            assertProblem(Http.get(uri("/api/v1/mandates/" + id)), 403);
            assertProblem(prepare(diagnostic, "[\"FAMILLE\"]", "SIX_MONTHS"), 403);
        }

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject bad = assertProblem(prepare(diagnostic, "[\"FAMILLE\", \"CHASSE\"]", "DEUX_ANS"), 400);
        assertEquals(List.of("/categories/1", "/duration"), bad.getJsonArray("errors").stream()
                .map(v -> v.asJsonObject().getString("pointer")).sorted().toList());
        JsonObject none = assertProblem(prepare(diagnostic, "[]", "ONE_DAY"), 400);
        assertEquals("/categories", none.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertProblem(Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + diagnostic
                + "\", \"categories\": [\"FAMILLE\"], \"duration\": \"ONE_DAY\", \"motDePasse\": \"secret\"}", Map.of()), 400);
    }

    private HttpResponse<String> prepare(String diagnostic, String categories, String duration) {
        return Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + diagnostic + "\", \"categories\": " + categories
                + ", \"duration\": \"" + duration + "\"}", Map.of());
    }

    private HttpResponse<String> use(String mandate, String category) {
        return Http.postJson(uri("/api/v1/mandates/" + mandate + "/use"), "{\"category\": \"" + category + "\"}", Map.of());
    }

    private HttpResponse<String> revoke(String mandate, String body) {
        return Http.postJson(uri("/api/v1/mandates/" + mandate + "/revocation"), body, Map.of());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
