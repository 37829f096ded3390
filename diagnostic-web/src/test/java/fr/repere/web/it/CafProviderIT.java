package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Provider behaviours the CAF consultation had never met (the stub TestCafStub reproduces each):
 * endless and huge bodies, a body slower than the time-out, the documented 404 « Erreur
 * inattendue », a refused token, an error text echoing the identity; the circuit's half-open
 * probe; a consultation whose background call was lost. The tests run in any order: the circuit
 * keeps its state between tests (the deployment's pause is 3 s), so each starts with it closed
 * ({@link CafSteps#closeCircuit()}) and counts the stub's requests for a first name of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CafProviderIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("cafprovider");

    /** A consultation whose node "died": pending since long before the deadline, on an interview nobody reads. */
    private static final String LOST_INTERVIEW = UUID.randomUUID().toString();
    private static final String LOST_ID = UUID.randomUUID().toString();

    @ArquillianResource
    private URL base;

    private CafSteps caf;

    /** This test's own first name: the stub's counts for it are this test's requests alone. */
    private final String prenom = CafSteps.ownFirstName();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void aConsultationLeftPendingByADeadNode() throws Exception {
        insertPending(LOST_ID, LOST_INTERVIEW, Instant.now().minus(Duration.ofMinutes(10)));
    }

    @BeforeEach
    void workerAndAClosedCircuit() throws InterruptedException {
        caf = new CafSteps(URI.create(base.toString()));
        Http.loginAs(caf.uri("/"), ORG.worker().email());
        caf.closeCircuit();
    }

    @Test
    void endlessAndHugeBodiesAreRefusedAtTheirCapWhileOthersAreServed() throws Exception {
        String endless = caf.draft("CAF-P-1");
        caf.started(endless, "SANSFIN");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Http.get(caf.uri("/api/v1/questionnaires/current")).statusCode(), "another agent is served");
        }
        JsonObject result = caf.awaitResult(endless);
        assertEquals("UNAVAILABLE", result.getString("status"), result.toString());
        assertEquals("UNEXPECTED", result.getString("failure"));
        assertEquals("revenu_solidarite_active taille", CafSteps.text("SELECT GROUP_CONCAT(detail) FROM journal_entry "
                + "WHERE action = 'CAF_CALL' AND target = ?", endless), "refused once, not retried");
        assertEquals("UNEXPECTED", CafSteps.text("SELECT detail FROM journal_entry WHERE action = 'CAF_LOOKUP' AND target = ?", endless));

        String huge = caf.draft("CAF-P-2");
        caf.started(huge, "ENORME");
        JsonObject hugeResult = caf.awaitResult(huge);
        assertEquals("UNEXPECTED", hugeResult.getString("failure"), hugeResult.toString());
        assertEquals("revenu_solidarite_active taille", CafSteps.text("SELECT GROUP_CONCAT(detail) FROM journal_entry "
                + "WHERE action = 'CAF_CALL' AND target = ?", huge));
        caf.complete(huge);
    }

    @Test
    void aBodySlowerThanTheTimeOutIsCutAtTheDeadlineAndRetried() throws Exception {
        String draft = caf.draft("CAF-P-3");
        Instant start = Instant.now();
        caf.started(draft, "LENTEUR");
        JsonObject result = caf.awaitResult(draft);
        assertEquals("PROVIDER_DOWN", result.getString("failure"), result.toString());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 25,
                "three attempts of 3 s at most, though the body trickles for a minute");
        assertEquals(3, CafSteps.count("SELECT COUNT(*) FROM journal_entry WHERE action = 'CAF_CALL' AND target = ? "
                + "AND detail = 'revenu_solidarite_active délai'", draft), "a time-out is retried");
    }

    @Test
    void theDocumentedUnexpectedErrorIsNotNoFile() throws Exception {
        String draft = caf.draft("CAF-P-4");
        caf.started(draft, "INATTENDU");
        JsonObject result = caf.awaitResult(draft);
        assertEquals("UNAVAILABLE", result.getString("status"), "a 404 with code 35003 is not « aucun dossier trouvé »");
        assertEquals("UNEXPECTED", result.getString("failure"));
        assertTrue(result.getString("message").contains("n'a pas pu être lue"), result.toString());
    }

    @Test
    void aRefusedTokenIsForTheAdministratorNotTheProviderBeingDown() throws Exception {
        String draft = caf.draft("CAF-P-5");
        caf.started(draft, "JETON");
        JsonObject result = caf.awaitResult(draft);
        assertEquals("CONFIGURATION", result.getString("failure"), result.toString());
        assertTrue(result.getString("message").contains("prévenez l'administrateur de Repère"), result.toString());
        assertEquals("CONFIGURATION HTTP 401", CafSteps.text("SELECT detail FROM journal_entry WHERE action = 'CAF_LOOKUP' "
                + "AND target = ?", draft));
    }

    @Test
    void anIdentityEchoedByTheProviderIsWrittenNowhere() throws Exception {
        String draft = caf.draft("CAF-P-6");
        caf.started(draft, "ECHO");
        HttpResponse<String> read = Http.get(caf.uri("/api/v1/drafts/" + draft + "/caf"));
        JsonObject result = caf.awaitResult(draft);
        assertEquals("IDENTITY_REFUSED", result.getString("failure"), result.toString());
        assertTrue(result.getString("message").contains("vérifiez l'état civil"), result.toString());
        String shown = Http.get(caf.uri("/api/v1/drafts/" + draft + "/caf")).body() + read.body();
        for (String personal : List.of("YVES", "1980", "08480")) {
            assertFalse(shown.contains(personal), personal + " shown: " + shown);
            assertEquals(0, CafSteps.count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ? AND reason LIKE '%"
                    + personal + "%'", draft), personal + " stored");
            assertEquals(0, CafSteps.count("SELECT COUNT(*) FROM journal_entry WHERE target = ? AND detail LIKE '%"
                    + personal + "%'", draft), personal + " journaled");
        }
    }

    @Test
    void refusedTokensOpenTheCircuitThenOneProbeGoesThroughAndAFailedProbeReopensIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            String draft = caf.draft("CAF-P-7-" + i);
            caf.started(draft, "JETON");
            assertEquals("CONFIGURATION", caf.awaitResult(draft).getString("failure"));
        }
        String refused = caf.draft("CAF-P-8");
        caf.started(refused, "PANNE", prenom);
        assertTrue(caf.awaitResult(refused).getString("reason").contains("ne répond plus"), "three refused tokens opened it");
        assertEquals(0, TestCafStub.calls("PANNE", prenom), "open: the provider is not asked");

        Thread.sleep(3500); // the pause
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(caf.draft("CAF-P-9-" + i));
        }
        List<CompletableFuture<HttpResponse<String>>> all = drafts.stream()
                .map(d -> CompletableFuture.supplyAsync(() -> caf.consult(d, "PANNE", prenom, true))).toList();
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertEquals(202, f.get().statusCode());
        }
        for (String d : drafts) {
            assertEquals("UNAVAILABLE", caf.awaitResult(d).getString("status"));
        }
        assertEquals(3, TestCafStub.calls("PANNE", prenom), "five consultations after the pause: one probe (and its two retries)");

        String afterFailedProbe = caf.draft("CAF-P-10");
        caf.started(afterFailedProbe, "PANNE", prenom);
        assertTrue(caf.awaitResult(afterFailedProbe).getString("reason").contains("ne répond plus"), "the failed probe reopened it");
        assertEquals(3, TestCafStub.calls("PANNE", prenom));

        Thread.sleep(3500);
        String probe = caf.draft("CAF-P-11");
        caf.started(probe, "ALLOCATAIRE", prenom);
        assertEquals("FOUND", caf.awaitResult(probe).getString("status"), "a good probe closes it");
        assertEquals(2, TestCafStub.calls("ALLOCATAIRE", prenom), "the probe went through");
        String closed = caf.draft("CAF-P-12");
        caf.started(closed, "PANNE", prenom);
        assertEquals("PROVIDER_DOWN", caf.awaitResult(closed).getString("failure"));
        assertEquals(6, TestCafStub.calls("PANNE", prenom), "closed: asked again, and one failure does not reopen it");
    }

    @Test
    void aConsultationLeftPendingPastItsDeadlineIsClosedWhenReadAndByTheSweep() throws Exception {
        String draft = caf.draft("CAF-P-13");
        String id = UUID.randomUUID().toString();
        insertPending(id, draft, Instant.now().minus(Duration.ofMinutes(10)));
        JsonObject read = caf.awaitResult(draft);
        assertEquals("UNAVAILABLE", read.getString("status"), "read past its deadline: closed at once, not pending forever");
        assertEquals("INTERNAL", read.getString("failure"));
        assertEquals("INTERNAL", CafSteps.text("SELECT detail FROM journal_entry WHERE action = 'CAF_LOOKUP' AND target = ? "
                + "AND actor = 'system'", draft));

        // nobody reads the other one: the sweep, every minute, closes it
        Instant deadline = Instant.now().plusSeconds(90);
        while (CafSteps.count("SELECT COUNT(*) FROM caf_consultation WHERE id = ? AND status = 'PENDING'", LOST_ID) == 1
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertEquals(1, CafSteps.count("SELECT COUNT(*) FROM caf_consultation WHERE id = ? AND status = 'UNAVAILABLE' "
                + "AND failure = 'INTERNAL' AND completed_at IS NOT NULL", LOST_ID));
        assertEquals(1, CafSteps.count("SELECT COUNT(*) FROM journal_entry WHERE action = 'CAF_LOOKUP' AND target = ? "
                + "AND actor = 'system' AND detail = 'INTERNAL'", LOST_INTERVIEW), "journaled once");
    }

    private static void insertPending(String id, String interview, Instant consentedAt) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("INSERT INTO caf_consultation "
                + "(id, interview_id, team_id, consented_at, consented_by, status) VALUES (?, ?, ?, ?, 'agent-mort', 'PENDING')")) {
            s.setString(1, id);
            s.setString(2, interview);
            s.setString(3, ORG.team());
            s.setObject(4, consentedAt.atZone(ZoneOffset.UTC).toLocalDateTime());
            assertEquals(1, s.executeUpdate());
        }
    }
}
