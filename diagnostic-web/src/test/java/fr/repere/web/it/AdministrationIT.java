package fr.repere.web.it;

import fr.repere.identity.Passwords;

import jakarta.json.JsonArray;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator manages the teams, accounts and host-system keys of the organisation, never
 * another's; deactivating or moving an account ends its sessions at once; a host system reads the
 * diagnostics of its organisation's cases with its key, and nothing once the key is revoked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdministrationIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("administrati");
    /** Another organisation of this class's own, the one that must find nothing of {@link #ORG}. */
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("admini-other");
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
    void anAdministratorCreatesATeamAndAnAccountInItsOrganisationOnly() {
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> team = Http.postJson(uri("/api/v1/admin/teams"), "{\"name\": \"Équipe RSA Nord\"}", Map.of());
        assertEquals(201, team.statusCode(), team.body());
        String teamId = Http.json(team).getString("id");

        String email = "nouvelle." + UUID.randomUUID() + "@test.invalid";
        HttpResponse<String> created = Http.postJson(uri("/api/v1/admin/agents"), agent(email, "WORKER", teamId), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(Http.get(uri("/api/v1/admin/agents")).body().contains(email));
        assertFalse(Http.get(uri("/api/v1/admin/agents")).body().contains("autre.organisation@test.invalid"),
                "another organisation's accounts are not listed");

        HttpResponse<String> twice = Http.postJson(uri("/api/v1/admin/agents"), agent(email.toUpperCase(), "WORKER", teamId), Map.of());
        assertEquals(409, twice.statusCode(), twice.body());
        HttpResponse<String> otherTeam = Http.postJson(uri("/api/v1/admin/agents"), agent("x" + email, "WORKER", OTHER_ORG.team()), Map.of());
        assertEquals(422, otherTeam.statusCode(), otherTeam.body());
        HttpResponse<String> malformed = Http.postJson(uri("/api/v1/admin/agents"),
                "{\"displayName\": \"\", \"email\": \"pas-une-adresse\", \"role\": \"HOST\", \"team\": 3, \"x\": 1}", Map.of());
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals(5, Http.json(malformed).getJsonArray("errors").size(), malformed.body());

        HttpResponse<String> foreign = Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/agents/" + OTHER_ORG.worker().id()))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"active\": false}")).header("Content-Type", "application/json"));
        assertEquals(404, foreign.statusCode(), "another organisation's account does not exist here");
        HttpResponse<String> self = patch(ORG.admin().id(), "{\"active\": false}");
        assertEquals(422, self.statusCode(), "an administrator cannot lock themselves out");
    }

    @Test
    void deactivatingOrMovingAnAccountEndsItsSessionsAtOnce() throws Exception {
        Http.loginAs(uri("/"), ORG.admin().email());
        String email = "a.desactiver." + UUID.randomUUID() + "@test.invalid";
        String id = Http.json(Http.postJson(uri("/api/v1/admin/agents"), agent(email, "WORKER", ORG.team()), Map.of())).getString("id");
        setPassword(id);

        Session worker = Session.login(uri("/"), email);
        assertEquals(200, worker.get(uri("/api/v1/session")).statusCode());

        HttpResponse<String> moved = patch(id, "{\"team\": \"" + ORG.otherTeam() + "\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(401, worker.get(uri("/api/v1/session")).statusCode(), "a moved account must log in again");

        worker = Session.login(uri("/"), email);
        assertEquals(200, worker.get(uri("/api/v1/session")).statusCode());
        HttpResponse<String> off = patch(id, "{\"active\": false}");
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(Http.json(off).getBoolean("active"));
        assertEquals(401, worker.get(uri("/api/v1/session")).statusCode(), "a deactivated account's session ends");
        assertEquals(401, Session.attempt(uri("/"), email), "and it cannot log in again");

        assertEquals(200, patch(id, "{\"active\": true}").statusCode());
        assertEquals(200, Session.attempt(uri("/"), email));
        assertEquals(3, journal("AGENT_CHANGE", id), "each change is journaled");
    }

    @Test
    void aHostSystemReadsItsOrganisationsCasesWithItsKeyUntilRevoked() throws Exception {
        String caseRef = "HOTE-" + UUID.randomUUID();
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> taken = Http.postJson(uri("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef), Map.of());
        assertEquals(201, taken.statusCode(), taken.body());
        String diagnostic = Http.json(taken).getString("id");

        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> issued = Http.postJson(uri("/api/v1/admin/host-keys"), "{\"label\": \"Logiciel de suivi\"}", Map.of());
        assertEquals(201, issued.statusCode(), issued.body());
        String key = Http.json(issued).getString("key");
        String keyId = Http.json(issued).getString("id");
        assertFalse(Http.get(uri("/api/v1/admin/host-keys")).body().contains(key), "a key is shown once, never listed");

        Http.asHost(key);
        HttpResponse<String> found = Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of());
        assertEquals(200, found.statusCode(), found.body());
        JsonArray list = Http.json("{\"l\":" + found.body() + "}").getJsonArray("l");
        assertEquals(1, list.size(), "one dossier: the team's");
        assertEquals(ORG.team(), list.getJsonObject(0).getString("teamId"));
        assertEquals(1, list.getJsonObject(0).getJsonArray("diagnostics").size());
        assertEquals(diagnostic, list.getJsonObject(0).getJsonArray("diagnostics").getJsonObject(0).getString("id"));
        assertEquals(1, journal("DIAGNOSTIC_READ", diagnostic, keyId), "the host's read is journaled with its key");
        assertEquals(403, Http.get(uri("/api/v1/diagnostics/" + diagnostic)).statusCode(), "a key opens the host endpoints only");
        assertEquals(403, Http.get(uri("/api/v1/admin/agents")).statusCode());

        Http.asHost(OTHER_HOST_KEY);
        HttpResponse<String> other = Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of());
        assertEquals("[]", other.body(), "another organisation's software sees none of our cases");

        Http.loginAs(uri("/"), ORG.admin().email());
        assertEquals(204, Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/host-keys/" + keyId)).DELETE()).statusCode());
        Http.asHost(key);
        assertEquals(401, Http.postJson(uri("/api/v1/host/case-diagnostics"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()).statusCode());
        Http.asHost(key.substring(0, key.length() - 2) + "xx");
        assertEquals(401, Http.get(uri("/api/v1/questionnaires/current")).statusCode(), "a wrong key is refused even on public pages");
    }

    private HttpResponse<String> patch(String id, String body) {
        return Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/agents/" + id))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private static String agent(String email, String role, String team) {
        return "{\"displayName\": \"Camille Test\", \"email\": \"" + email + "\", \"role\": \"" + role + "\", \"team\": \"" + team + "\"}";
    }

    private static void setPassword(String agentId) throws Exception {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("UPDATE agent SET password_hash = ? WHERE id = ?")) {
            s.setString(1, Passwords.hash(TestOrganisations.PASSWORD.toCharArray()));
            s.setString(2, agentId);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static int journal(String action, String target, String... actor) throws Exception {
        String sql = "SELECT COUNT(*) FROM journal_entry WHERE action = ? AND target = ?" + (actor.length > 0 ? " AND actor = ?" : "");
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, action);
            s.setString(2, target);
            if (actor.length > 0) {
                s.setString(3, actor[0]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A second browser: its own cookies, so the administrator's session stays open meanwhile. */
    private record Session(HttpClient client) {
        static Session login(URI base, String email) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
            HttpResponse<String> r = client.send(loginRequest(base, email), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return new Session(client);
        }

        static int attempt(URI base, String email) throws Exception {
            return HttpClient.newHttpClient().send(loginRequest(base, email), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        private static HttpRequest loginRequest(URI base, String email) {
            return HttpRequest.newBuilder(base.resolve("/api/v1/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + TestOrganisations.PASSWORD + "\"}"))
                    .build();
        }

        HttpResponse<String> get(URI uri) throws Exception {
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
