package fr.repere.web.it;

import fr.repere.identity.Role;
import fr.repere.web.security.oidc.FakeOidcProvider;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ProConnect login, end to end: Payara Micro is configured (failsafe environment) with the
 * fake provider of {@link TestOidcProvider}; the test plays the browser with a plain HTTP client
 * (login redirect → provider, which approves at once → callback → session), and checks what the
 * agent table and the journal hold over JDBC. Every refusal must be journaled and leave no session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OidcLoginIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("oidclogin");

    private static final String LEAD_ID = "agent-oidc-lead";
    private static final String LEAD_EMAIL = "Camille.Martin@Departement.test";
    private static final String INACTIVE_EMAIL = "ancien.agent@departement.test";
    private static final String LINKED_EMAIL = "deja.lie@departement.test";
    private static final String WORKER_ID = "agent-oidc-worker";
    private static final String WORKER_EMAIL = "travailleur.proconnect@departement.test";

    @ArquillianResource
    private URL deployed;

    private URI base;
    private FakeOidcProvider provider;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void agents() throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            agent(c, LEAD_ID, ORG.otherTeam(), Role.TEAM_LEAD, LEAD_EMAIL, true, null);
            agent(c, "agent-oidc-inactive", ORG.team(), Role.WORKER, INACTIVE_EMAIL, false, null);
            agent(c, WORKER_ID, ORG.team(), Role.WORKER, WORKER_EMAIL, true, null);
            agent(c, "agent-oidc-linked", ORG.team(), Role.WORKER, LINKED_EMAIL, true, "another-pairwise-sub");
        }
    }

    @BeforeEach
    void browser() {
        // the callback URL is derived from the request: plain http is accepted on loopback only
        base = URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
        provider = TestOidcProvider.reset();
        Http.anonymous();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    @Test
    void firstLoginLinksTheAgentByEmailAndOpensASession() throws Exception {
        provider.subject = "sub-camille-martin";
        provider.userinfoSub = "sub-camille-martin";
        provider.email = "camille.martin@departement.TEST"; // another case than the agent table's
        long logins = journal("LOGIN", LEAD_ID);
        assertNull(linkedSubject(LEAD_ID), "not linked before its first login");

        HttpResponse<String> callback = loginThroughProvider();

        assertEquals(303, callback.statusCode(), callback.body());
        assertEquals(base.resolve("/"), URI.create(callback.headers().firstValue("Location").orElseThrow()));
        JsonObject session = currentSession();
        assertEquals(LEAD_ID, session.getString("agent"));
        assertEquals("TEAM_LEAD", session.getString("role"));
        assertEquals(ORG.otherTeam(), session.getString("team"));
        assertTrue(session.getString("csrfToken").length() >= 32);
        assertEquals(logins + 1, journal("LOGIN", LEAD_ID));
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT oidc_issuer, oidc_subject FROM agent WHERE id = ?")) {
            s.setString(1, LEAD_ID);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(provider.issuer(), rs.getString(1));
                assertEquals("sub-camille-martin", rs.getString(2));
            }
        }

        // later logins find the agent by its account, whatever address the provider now gives
        Http.anonymous();
        provider.email = "c.martin@autre-adresse.test";
        assertEquals(303, loginThroughProvider().statusCode());
        assertEquals(LEAD_ID, currentSession().getString("agent"));
    }

    @Test
    void theSessionWorksForTheApiAndLogoutEndsItWithTheProviderLogoutAddress() {
        provider.subject = "sub-worker";
        provider.userinfoSub = "sub-worker";
        provider.email = WORKER_EMAIL;
        assertEquals(303, loginThroughProvider().statusCode());
        assertEquals("WORKER", currentSession().getString("role"));
        String csrf = currentSession().getString("csrfToken");

        // a state-changing call with the session and its token passes authentication and roles
        HttpResponse<String> draft = Http.send(HttpRequest.newBuilder(base.resolve("/api/v1/drafts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"consent\":true,\"caseRef\":\"OIDC-1\",\"answers\":{}}"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf));
        assertEquals(201, draft.statusCode(), draft.body());

        HttpResponse<String> logout = Http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session")).DELETE()
                .header("X-CSRF-Token", csrf));
        assertEquals(200, logout.statusCode(), logout.body());
        String providerLogout = Http.json(logout).getString("providerLogoutUrl");
        // the parameters' order is Nimbus's (LogoutRequest); their values are checked by OidcClientTest
        assertTrue(providerLogout.startsWith(provider.issuer() + "/session/end?"), providerLogout);
        assertTrue(providerLogout.contains("id_token_hint="), providerLogout);
        assertTrue(providerLogout.contains("post_logout_redirect_uri="), providerLogout);
        assertEquals(401, Http.get(base.resolve("/api/v1/session")).statusCode(), "the server session is over");
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        long refused = refusals();
        URI callback = callbackFromProvider();
        String forged = callback.toString().replaceFirst("state=[^&]+", "state=" + "x".repeat(43));
        assertFalse(forged.equals(callback.toString()));

        assertRefused(Http.get(URI.create(forged)), 401);
        assertEquals(refused + 1, refusals());
        // the login in progress was used up: the genuine callback now fails too
        assertRefused(Http.get(callback), 401);
        assertEquals(refused + 2, refusals());
    }

    @Test
    void aCallbackWithoutALoginInProgressIsRefused() throws Exception {
        long refused = refusals();
        URI callback = callbackFromProvider();
        Http.anonymous(); // another browser: no session, no login in progress
        assertRefused(Http.get(callback), 401);
        assertEquals(refused + 1, refusals());
    }

    @Test
    void aTamperedUserinfoSignatureIsRefused() throws Exception {
        provider.email = WORKER_EMAIL;
        provider.userinfoKey = TestOidcProvider.impostorKey();
        long refused = refusals();
        assertRefused(loginThroughProvider(), 401);
        assertEquals(refused + 1, refusals());
    }

    @Test
    void aUserinfoForAnotherSubjectThanTheIdTokenIsRefused() throws Exception {
        provider.email = WORKER_EMAIL;
        provider.userinfoSub = "someone-else";
        long refused = refusals();
        assertRefused(loginThroughProvider(), 401);
        assertEquals(refused + 1, refusals());
    }

    @Test
    void anUnknownAddressIsRefused() throws Exception {
        provider.subject = "sub-unknown";
        provider.userinfoSub = "sub-unknown";
        provider.email = "personne@ailleurs.test";
        long refused = refusals();
        HttpResponse<String> r = loginThroughProvider();
        assertRefused(r, 403);
        assertFalse(r.body().contains("personne@ailleurs.test"), "no personal data in the answer");
        assertEquals(refused + 1, refusals());
    }

    @Test
    void aDeactivatedAgentIsRefusedAndNotLinked() throws Exception {
        provider.subject = "sub-inactive";
        provider.userinfoSub = "sub-inactive";
        provider.email = INACTIVE_EMAIL;
        long refused = refusals();
        assertRefused(loginThroughProvider(), 403);
        assertEquals(refused + 1, refusals());
        assertNull(linkedSubject("agent-oidc-inactive"));
    }

    @Test
    void anAgentLinkedToAnotherAccountIsNotTakenOverByAddress() throws Exception {
        provider.subject = "sub-usurper";
        provider.userinfoSub = "sub-usurper";
        provider.email = LINKED_EMAIL;
        long refused = refusals();
        assertRefused(loginThroughProvider(), 403);
        assertEquals(refused + 1, refusals());
        assertEquals("another-pairwise-sub", linkedSubject("agent-oidc-linked"));
    }

    // ------------------------------------------------------------------ the browser

    /** Login button → provider (approves) → callback; returns the callback's answer. */
    private HttpResponse<String> loginThroughProvider() {
        return Http.get(callbackFromProvider());
    }

    /** Login button → provider; returns where the provider sends the browser back. */
    private URI callbackFromProvider() {
        HttpResponse<String> start = Http.get(base.resolve("/api/v1/session/oidc"));
        assertEquals(302, start.statusCode(), start.body());
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(provider.issuer() + "/authorize?"), authorize.toString());
        HttpResponse<String> approved = Http.get(authorize);
        assertEquals(302, approved.statusCode(), "the provider refused the authorization request: " + authorize);
        URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertEquals(base.resolve("/api/v1/session/oidc/callback").getPath(), callback.getPath());
        assertEquals(base.getAuthority(), callback.getAuthority());
        return callback;
    }

    private JsonObject currentSession() {
        HttpResponse<String> r = Http.get(base.resolve("/api/v1/session"));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** A refusal: a French problem detail without internals, and no session opened. */
    private void assertRefused(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Http.json(r);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("ProConnect"), problem.getString("detail"));
        for (String internal : new String[] {"Exception", "INVALID_", "SUB_MISMATCH", "STATE_", "token", "sub"}) {
            assertFalse(r.body().contains(internal), "internal detail in " + r.body());
        }
        assertEquals(401, Http.get(base.resolve("/api/v1/session")).statusCode(), "no session after a refusal");
    }

    // ------------------------------------------------------------------ the database

    private static void agent(Connection c, String id, String team, Role role, String email, boolean active,
                              String linkedSubject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agent (id, team_id, role, display_name, email, "
                + "active, oidc_issuer, oidc_subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, team);
            s.setString(3, role.name());
            s.setString(4, "Agent ProConnect de test");
            s.setString(5, email);
            s.setBoolean(6, active);
            s.setString(7, linkedSubject == null ? null : "http://127.0.0.1:" + System.getProperty("repere.it.oidc.port") + "/api/v2");
            s.setString(8, linkedSubject);
            s.executeUpdate();
        }
    }

    private static String linkedSubject(String agentId) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT oidc_subject FROM agent WHERE id = ?")) {
            s.setString(1, agentId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /** Journal entries of this action (refusals: not allowed, no actor). */
    /** Refusals are counted per source and minute (issue 14), no longer journaled one entry each. */
    private static long refusals() throws SQLException {
        return LoginRecords.refusals(LoginRecords.LOOPBACK, "LOGIN_REFUSED");
    }

    private static long journal(String action, String actor) throws SQLException {
        String sql = "SELECT COUNT(*) FROM journal_entry WHERE action = ? AND "
                + (actor == null ? "actor IS NULL AND allowed = FALSE" : "actor = ? AND allowed = TRUE");
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, action);
            if (actor != null) {
                s.setString(2, actor);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
