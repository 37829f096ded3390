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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Who may see what: no session, no dossier; another team's dossier does not exist (404); roles
 * without dossiers get 403; state changes need the anti-CSRF token; refusals and reads are
 * journaled with a pseudonymous dossier. The journal and the database are counted on this class's
 * own organisation, teams and agents ({@link TestOrganisations}), exactly, whatever other classes did.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("access");
    /** Another organisation of this class's own, the one that must find nothing of {@link #ORG}. */
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("access-other");
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
    void withoutASessionNothingPersonalIsReachable() {
        Http.anonymous();
        assertEquals(401, Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of()).statusCode());
        assertEquals(401, Http.get(uri("/api/v1/diagnostics/00000000-0000-0000-0000-000000000000")).statusCode());
        assertEquals(401, Http.postJson(uri("/api/v1/drafts"), "{}", Map.of()).statusCode());
        assertEquals(401, Http.get(uri("/api/v1/rulesets")).statusCode());
        assertEquals(401, Http.get(uri("/api/v1/session")).statusCode());
        assertEquals(200, Http.get(uri("/api/v1/questionnaires/current")).statusCode(), "the questionnaire is public");
    }

    @Test
    void anotherTeamsDossierDoesNotExistForYou() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject created = Http.json(Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of()));
        String diagnostic = created.getString("id");
        HttpResponse<String> started = Http.postJson(uri("/api/v1/drafts"), "{\"caseRef\": \"CASE-A\", \"consent\": true}", Map.of());
        String draft = Http.json(started).getString("id");

        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        assertEquals(404, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode());
        assertEquals(404, put(uri("/api/v1/diagnostics/" + diagnostic + "/decision"),
                "{\"orientation\": \"TRAIN\", \"reason\": \"essai\"}").statusCode());
        assertEquals(404, Http.get(uri("/api/v1/drafts/" + draft)).statusCode());
        assertEquals(404, Http.send(HttpRequest.newBuilder(uri("/api/v1/drafts/" + draft))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"answers\": {\"MOT_INTERET\": \"OUI\"}}"))
                .header("Content-Type", "application/json")).statusCode());
        assertEquals(404, Http.post(uri("/api/v1/drafts/" + draft + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
        assertEquals(404, Http.send(HttpRequest.newBuilder(uri("/api/v1/drafts/" + draft)).DELETE()).statusCode());
        assertEquals(2, refusals(ORG.otherTeamWorker().id(), diagnostic), "each refused access is journaled, once");
        assertEquals(4, refusals(ORG.otherTeamWorker().id(), draft), "each refused access is journaled, once");
        assertEquals(0, count("actor = '" + ORG.otherTeamWorker().id() + "' AND action <> 'LOGIN' AND allowed"),
                "nothing but its logins was allowed to the other team's worker");

        Http.loginAs(uri("/"), ORG.lead().email());
        assertEquals(200, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode(), "the team lead sees the team's dossiers");
        assertEquals(200, Http.get(uri("/api/v1/drafts/" + draft)).statusCode());
    }

    @Test
    void anotherOrganisationsDossierDoesNotExistForItsCallersEither() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String caseRef = "CASE-ORG-" + java.util.UUID.randomUUID();
        String diagnostic = Http.json(Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef), Map.of())).getString("id");
        String draft = Http.json(Http.postJson(uri("/api/v1/drafts"), "{\"caseRef\": \"" + caseRef + "\", \"consent\": true}",
                Map.of())).getString("id");

        Http.loginAs(uri("/"), OTHER_ORG.worker().email());
        assertEquals(404, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode());
        assertEquals(404, Http.get(uri("/api/v1/drafts/" + draft)).statusCode());
        assertEquals(404, Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()).statusCode());
        assertEquals(1, refusals(OTHER_ORG.worker().id(), diagnostic), "the refused read is journaled, once");
        for (String other : new String[] {OTHER_ORG.analyst().email(), OTHER_ORG.admin().email()}) {
            Http.loginAs(uri("/"), other);
            assertEquals(403, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode(), "roles without dossiers, as at home");
        }
        Http.asHost(OTHER_HOST_KEY);
        assertEquals("[]", Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()).body());
        assertEquals(403, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode());
    }

    @Test
    void rolesWithoutDossiersAreRefusedAndAdministrationIsForAdministrators() {
        for (String agent : new String[] {ORG.analyst().email(), ORG.admin().email()}) {
            Http.loginAs(uri("/"), agent);
            assertEquals(403, Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of()).statusCode(), agent);
            assertEquals(403, Http.get(uri("/api/v1/diagnostics/00000000-0000-0000-0000-000000000000")).statusCode(), agent);
            assertEquals(403, Http.postJson(uri("/api/v1/drafts"), "{}", Map.of()).statusCode(), agent);
            assertEquals(200, Http.get(uri("/api/v1/rulesets")).statusCode(), agent);
        }
        Http.loginAs(uri("/"), ORG.analyst().email());
        assertEquals(403, Http.post(uri("/api/v1/rulesets/1.0.0/activation"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(403, Http.get(uri("/api/v1/rulesets")).statusCode());
    }

    @Test
    void aStateChangeWithoutTheAntiCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        // a team of this test alone (the other team of the class's organisation): its drafts and journal are this test's
        TestOrganisations.Account worker = TestOrganisations.account(ORG.otherTeam(), fr.repere.identity.Role.WORKER, true);
        Http.loginAs(uri("/"), worker.email());
        HttpResponse<String> forged = Http.sendWithoutToken(HttpRequest.newBuilder(uri("/api/v1/drafts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"consent\": true, \"caseRef\": \"CSRF-1\"}"))
                .header("Content-Type", "application/json"));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(0, rows("diagnostic_draft", "case_ref = 'CSRF-1' AND team_id = '" + ORG.otherTeam() + "'"), "no draft made");
        assertEquals(0, count("actor = '" + worker.id() + "' AND action <> 'LOGIN'"), "nothing done in the worker's name");

        HttpResponse<String> created = Http.postJson(uri("/api/v1/drafts"), "{\"consent\": true, \"caseRef\": \"CSRF-1\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(1, rows("diagnostic_draft", "case_ref = 'CSRF-1' AND team_id = '" + ORG.otherTeam() + "'"),
                "the same request with the token does change the database: the count above could see a change");
    }

    @Test
    void loginLogoutAndRefusedLoginsAreJournaledAndDemoAccountsAreOff() throws Exception {
        // refusals are counted per source address and minute (issue 14), not journaled one entry each
        URI loopback = URI.create("http://127.0.0.1:" + base.getPort() + "/api/v1/session");
        long refused = LoginRecords.refusals(LoginRecords.LOOPBACK, "LOGIN_REFUSED");
        HttpResponse<String> wrong = Http.postJson(loopback,
                "{\"email\": \"" + ORG.worker().email() + "\", \"password\": \"faux\"}", Map.of());
        assertEquals(401, wrong.statusCode());
        assertEquals(401, Http.postJson(loopback,
                "{\"email\": \"" + TestOrganisations.demoAccount(ORG.team()).email() + "\", \"password\": \"" + TestOrganisations.PASSWORD + "\"}", Map.of()).statusCode(),
                "demonstration accounts are refused unless explicitly allowed");
        assertEquals(refused + 2, LoginRecords.refusals(LoginRecords.LOOPBACK, "LOGIN_REFUSED"));

        TestOrganisations.Account worker = TestOrganisations.account(ORG.team(), fr.repere.identity.Role.WORKER, true);
        JsonObject session = Http.loginAs(uri("/"), worker.email());
        assertEquals("WORKER", session.getString("role"));
        assertEquals(200, Http.get(uri("/api/v1/session")).statusCode());
        assertEquals(204, Http.send(HttpRequest.newBuilder(uri("/api/v1/session")).DELETE()).statusCode());
        assertEquals(401, Http.get(uri("/api/v1/session")).statusCode(), "logout ends the session on the server");
        assertEquals(1, count("action = 'LOGOUT' AND actor = '" + worker.id() + "'"), "this account logged out once");
    }

    @Test
    void readsAreJournaledWithAPseudonymousDossierAndNoAnswers() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String id = Http.json(Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of())).getString("id");
        assertEquals(200, Http.get(uri("/api/v1/diagnostics/" + id)).statusCode());
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, dossier FROM journal_entry WHERE target = '" + id + "' ORDER BY id")) {
            rs.next();
            assertEquals("DIAGNOSTIC_CREATE", rs.getString(1));
            String dossier = rs.getString(2);
            assertEquals(32, dossier.length());
            assertNotEquals("CASE-42", dossier);
            rs.next();
            assertEquals("DIAGNOSTIC_READ", rs.getString(1));
            assertEquals(dossier, rs.getString(2), "the same dossier keeps its pseudonym");
        }
    }

    private static HttpResponse<String> put(URI uri, String body) {
        return Http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    private static long refusals(String actor, String target) throws Exception {
        return count("actor = '" + actor + "' AND target = '" + target + "' AND NOT allowed");
    }

    private static long count(String where) throws Exception {
        return rows("journal_entry", where);
    }

    private static long rows(String table, String where) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
