package fr.repere.web.it;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CAF through API Particulier (the stub TestCafStub): only with the person's consent, in the
 * background, minimised and journaled; a source that fails is retried a little, then the circuit
 * opens, and the interview always goes on. The tests run in any order: each starts with the
 * circuit breaker closed (it keeps its state between tests: {@link CafSteps#closeCircuit()}), and
 * counts the stub's requests for a first name of its own ({@link CafSteps#ownFirstName()}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CafIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("caf");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** This test's own first name: the stub's counts for it are this test's requests alone. */
    private final String prenom = CafSteps.ownFirstName();

    @BeforeEach
    void workerAndAClosedCircuit() throws InterruptedException {
        Http.loginAs(uri("/"), ORG.worker().email());
        new CafSteps(uri("/")).closeCircuit();
    }

    @Test
    void withConsentTheCafIsAskedInTheBackgroundAndOnlyWhatTheRulesNeedIsKept() throws Exception {
        assertEquals("{\"cdapUrl\":\"https://cdap.caf.invalid/\",\"enabled\":true}", Http.get(uri("/api/v1/caf")).body());
        String draft = draft("CAF-1");

        HttpResponse<String> withoutConsent = consult(draft, "ALLOCATAIRE", false);
        assertEquals(422, withoutConsent.statusCode(), withoutConsent.body());
        assertEquals(0, TestCafStub.calls("ALLOCATAIRE", prenom), "no call without the person's consent");
        assertEquals(404, Http.get(uri("/api/v1/drafts/" + draft + "/caf")).statusCode());

        HttpResponse<String> started = consult(draft, "ALLOCATAIRE", true);
        assertEquals(202, started.statusCode(), started.body());
        JsonObject result = awaitResult(draft);
        assertEquals("FOUND", result.getString("status"), result.toString());
        assertTrue(result.getBoolean("rsa"));
        assertTrue(result.getBoolean("quarterlyDeclarations"));
        assertTrue(result.getString("message").contains("bénéficiaire du RSA"), result.toString());
        assertEquals(2, TestCafStub.calls("ALLOCATAIRE", prenom), "RSA and prime d'activité only: no quotient familial");

        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE action = 'CAF_LOOKUP' AND target = ? AND detail = 'FOUND'", draft));
        assertEquals("prime_activite 404,revenu_solidarite_active 200", text("SELECT GROUP_CONCAT(detail "
                + "ORDER BY detail) FROM journal_entry WHERE action = 'CAF_CALL' AND target = ?", draft), "every call, its endpoint and code");
        assertEquals(0, count("SELECT COUNT(*) FROM caf_consultation WHERE CONCAT_WS('|', id, interview_id, team_id, consented_by, "
                + "status, COALESCE(reason, '')) LIKE '%ALLOCATAIRE%' OR interview_id = ? AND consented_at IS NULL", draft));

        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        assertEquals(404, Http.get(uri("/api/v1/drafts/" + draft + "/caf")).statusCode(), "another team's interview");
        assertEquals(404, consult(draft, "ALLOCATAIRE", true).statusCode());
        assertEquals(2, TestCafStub.calls("ALLOCATAIRE", prenom), "nothing asked for another team");

        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> done = Http.post(uri("/api/v1/drafts/" + draft + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(201, done.statusCode(), done.body());
    }

    @Test
    void noFileIsSaidPlainly() throws Exception {
        String draft = draft("CAF-2");
        assertEquals(202, consult(draft, "INCONNU", true).statusCode());
        JsonObject result = awaitResult(draft);
        assertEquals("NOT_FOUND", result.getString("status"));
        assertTrue(result.getString("message").startsWith("Aucun dossier trouvé"), result.toString());
    }

    @Test
    void aProviderErrorIsRetriedTwiceThenTheInterviewGoesOnWithout() throws Exception {
        String draft = draft("CAF-3");
        assertEquals(202, consult(draft, "PANNE", true).statusCode());
        JsonObject result = awaitResult(draft);
        assertEquals("UNAVAILABLE", result.getString("status"), result.toString());
        assertTrue(result.getString("message").contains("continuez sans"), result.toString());
        assertTrue(result.getString("reason").contains("HTTP 502"), result.toString());
        assertEquals(3, TestCafStub.calls("PANNE", prenom), "one call and two retries, no more");
        assertEquals("PROVIDER_DOWN", result.getString("failure"));
        assertEquals("PROVIDER_DOWN HTTP 502", text("SELECT GROUP_CONCAT(detail) FROM journal_entry WHERE action = 'CAF_LOOKUP' "
                + "AND target = ?", draft));
        assertEquals(3, count("SELECT COUNT(*) FROM journal_entry WHERE action = 'CAF_CALL' AND target = ? "
                + "AND detail = 'revenu_solidarite_active 502'", draft), "the first request fails: the second is not made");
        assertEquals(201, Http.post(uri("/api/v1/drafts/" + draft + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
    }

    @Test
    void aCutInTheMiddleOfTheInterviewLeavesItGoingOnThenTheCircuitOpens() throws Exception {
        String draft = draft("CAF-4");
        TestCafStub.cut(true);
        try {
            Instant before = Instant.now();
            HttpResponse<String> started = consult(draft, "COUPURE", true);
            assertEquals(202, started.statusCode(), started.body());
            assertTrue(Duration.between(before, Instant.now()).toSeconds() < 5, "the worker never waits for the CAF");
            assertEquals("UNAVAILABLE", awaitResult(draft).getString("status"));
            assertEquals(201, Http.post(uri("/api/v1/drafts/" + draft + "/diagnostic"), "application/json",
                    HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode(), "the interview ends without CAF data");
        } finally {
            TestCafStub.cut(false);
        }
        int calls = TestCafStub.calls("COUPURE", prenom);
        assertTrue(calls >= 3 && calls <= 6, calls + " requests: three attempts (the JDK client itself re-sends a GET once "
                + "when the connection drops)");
        // the source keeps failing: the circuit opens, and then the stub is not even asked
        boolean opened = false;
        for (int i = 0; i < 10 && !opened; i++) {
            String next = draft("CAF-5-" + i);
            int before = TestCafStub.calls("PANNE", prenom);
            assertEquals(202, consult(next, "PANNE", true).statusCode());
            JsonObject result = awaitResult(next);
            assertEquals("UNAVAILABLE", result.getString("status"));
            if (TestCafStub.calls("PANNE", prenom) == before) {
                opened = true;
                assertTrue(result.getString("reason").contains("ne répond plus"), result.toString());
            }
        }
        assertTrue(opened, "the circuit breaker never opened");
    }

    private String draft(String caseRef) {
        return new CafSteps(uri("/")).draft(caseRef);
    }

    /** Asks for the person of that birth name with this test's own first name. */
    private HttpResponse<String> consult(String draft, String nom, boolean consent) {
        return new CafSteps(uri("/")).consult(draft, nom, prenom, consent);
    }

    private JsonObject awaitResult(String draft) throws InterruptedException {
        return new CafSteps(uri("/")).awaitResult(draft);
    }

    private static int count(String sql, String parameter) throws Exception {
        return CafSteps.count(sql, parameter);
    }

    private static String text(String sql, String parameter) throws Exception {
        return CafSteps.text(sql, parameter);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
