package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the CAF said belongs to the dossier: in the person's copy, erased, anonymized and deleted
 * with it; and the worker is told the truth about it — a failed second consultation does not wipe
 * out the first answer, and an answer arriving after the interview ended is said not to be used.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CafDossierIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("cafdossier");

    @ArquillianResource
    private URL base;

    private CafSteps caf;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(RetentionTrigger.class);
    }

    @BeforeEach
    void worker() {
        caf = new CafSteps(URI.create(base.toString()));
        Http.loginAs(caf.uri("/"), ORG.worker().email());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static int consultations(String interview) throws Exception {
        return CafSteps.count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ?", interview);
    }

    @Test
    void theCafAnswerIsInThePersonsCopyAndErasedWithTheDossier() throws Exception {
        String caseRef = unique("CAF-D");
        String draft = caf.draft(caseRef);
        caf.started(draft, "ALLOCATAIRE");
        assertEquals("FOUND", caf.awaitResult(draft).getString("status"));
        caf.complete(draft);
        String pending = caf.draft(caseRef);
        caf.started(pending, "INCONNU");
        caf.awaitResult(pending);

        JsonObject export = Http.json(Http.postJson(caf.uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()));
        JsonArray copied = export.getJsonArray("cafConsultations");
        assertEquals(2, copied.size(), export.toString());
        JsonObject first = copied.getJsonObject(0);
        assertEquals(draft, first.getString("interview"));
        assertEquals("FOUND", first.getString("status"));
        assertTrue(first.getBoolean("rsa"));
        assertFalse(first.getBoolean("primeActivite"));
        assertEquals("USED", first.getString("inOrientation"));
        assertEquals("NOT_FOUND", copied.getJsonObject(1).getString("status"));
        assertFalse(copied.getJsonObject(1).containsKey("inOrientation"), "that interview goes on");

        HttpResponse<String> erased = Http.postJson(caf.uri("/api/v1/dossiers/erasure"),
                "{\"caseRef\": \"" + caseRef + "\", \"reason\": \"PERSON_REQUEST\"}", Map.of());
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(0, consultations(draft), "no orphan left behind");
        assertEquals(0, consultations(pending));
    }

    @Test
    void anAbandonedInterviewTakesItsCafAnswerWithIt() throws Exception {
        String draft = caf.draft(unique("CAF-A"));
        caf.started(draft, "INCONNU");
        caf.awaitResult(draft);
        assertEquals(1, consultations(draft));
        assertEquals(204, Http.send(HttpRequest.newBuilder(caf.uri("/api/v1/drafts/" + draft)).DELETE()).statusCode());
        assertEquals(0, consultations(draft));
    }

    @Test
    void retentionAnonymizesTheDossierAndItsCafAnswersGo() throws Exception {
        String caseRef = unique("CAF-R");
        String draft = caf.draft(caseRef);
        caf.started(draft, "ALLOCATAIRE");
        caf.awaitResult(draft);
        caf.complete(draft);
        Instant longAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(26).toInstant().truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("UPDATE diagnostic SET taken_at = ? WHERE id = ?")) {
            s.setObject(1, longAgo.atZone(ZoneOffset.UTC).toLocalDateTime());
            s.setString(2, draft);
            assertEquals(1, s.executeUpdate());
        }
        HttpResponse<String> run = Http.post(caf.uri("/it/retention?job=dossiers&asOf=" + Instant.now()),
                "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(0, CafSteps.count("SELECT COUNT(*) FROM diagnostic WHERE case_ref = ?", caseRef), "anonymized");
        assertEquals(0, consultations(draft), "the CAF's answer is about the person: it goes");
    }

    @Test
    void aFailedSecondConsultationDoesNotReplaceTheEarlierAnswer() throws Exception {
        String draft = caf.draft(unique("CAF-S"));
        caf.started(draft, "ALLOCATAIRE");
        assertEquals("FOUND", caf.awaitResult(draft).getString("status"));
        caf.started(draft, "PANNE");
        JsonObject result = caf.awaitResult(draft);
        assertEquals("FOUND", result.getString("status"), "the answer in force: " + result);
        assertTrue(result.getBoolean("quarterlyDeclarations"));
        assertEquals("UNAVAILABLE", result.getJsonObject("latestAttempt").getString("status"));
        assertEquals("PROVIDER_DOWN", result.getJsonObject("latestAttempt").getString("failure"));

        caf.complete(draft);
        assertEquals("FOUND USED,UNAVAILABLE NOT_USED", CafSteps.text("SELECT GROUP_CONCAT(CONCAT(status, ' ', in_orientation) "
                + "ORDER BY status) FROM caf_consultation WHERE interview_id = ?", draft));
        JsonObject after = caf.awaitResult(draft);
        assertEquals("USED", after.getString("inOrientation"));
        assertTrue(after.getString("message").endsWith("prise en compte dans l'orientation."), after.toString());
    }

    @Test
    void anAnswerArrivingAfterTheInterviewEndedIsSaidNotToBeUsed() throws Exception {
        String draft = caf.draft(unique("CAF-T"));
        int before = TestCafStub.calls("TARDIF");
        try {
            caf.started(draft, "TARDIF");
            Instant deadline = Instant.now().plusSeconds(10);
            while (TestCafStub.calls("TARDIF") == before && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            caf.complete(draft); // while the CAF is still being asked
        } finally {
            TestCafStub.release();
        }
        JsonObject result = caf.awaitResult(draft);
        assertEquals("FOUND", result.getString("status"), result.toString());
        assertEquals("NOT_USED", result.getString("inOrientation"));
        assertTrue(result.getString("message").contains("n'a pas été prise en compte dans l'orientation"), result.toString());
        assertEquals(0, CafSteps.count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ? AND in_orientation = 'USED'", draft));
    }
}
