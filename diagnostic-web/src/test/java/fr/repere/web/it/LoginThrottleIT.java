package fr.repere.web.it;

import fr.repere.identity.Role;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 6: password guessing at the built-in login is slowed down per account and per
 * source address, with the state in the database; refused logins and host keys are counted per
 * source and minute instead of filling the journal. Every account here is the test's own (the
 * shared test agents must never have to wait), and the loopback address's failures are cleared
 * before and after each test, so that the other test classes are not slowed down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("loginthrottl");

    private static final String PASSWORD = TestOrganisations.PASSWORD;
    private static final String REFUSED = "Adresse e-mail ou mot de passe incorrect, ou compte désactivé.";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    @AfterEach
    void clearTheLoopbackAddress() throws SQLException {
        Http.anonymous();
        LoginRecords.forgetAddress(LoginRecords.LOOPBACK);
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsEvenWithTheRightOneAndASuccessResetsIt() throws Exception {
        String email = account(true);
        for (int i = 1; i <= 5; i++) {
            assertRefused(login(email, "faux-" + i));
        }
        HttpResponse<String> sixth = login(email, "faux-6");
        assertWaits(sixth, 60);
        assertWaits(login(email, PASSWORD), 60);
        assertEquals(5, failures(LoginRecords.accountKey(email)), "attempts while waiting are not checked nor counted");
        assertEquals(1, rows("login_throttle", "throttle_key = '" + LoginRecords.accountKey(email.toUpperCase()) + "'"),
                "one row for the account, keyed by a keyed hash of its normalised address");
        assertEquals(0, rows("login_throttle", "throttle_key LIKE '%@%'"), "no e-mail address in clear");

        // the wait is over (moved to the past rather than waited for): the right password logs in and resets the account
        endWait(LoginRecords.accountKey(email));
        assertEquals(200, login(email, PASSWORD).statusCode());
        assertEquals(0, rows("login_throttle", "throttle_key = '" + LoginRecords.accountKey(email) + "'"));
        assertRefused(login(email, "faux-7"));
        assertEquals(1, failures(LoginRecords.accountKey(email)), "counted from zero again");
    }

    @Test
    void anUnknownAccountAWrongPasswordAndADeactivatedAccountGetTheSameAnswerAndTheSameWait() throws Exception {
        String active = account(true);
        String deactivated = account(false);
        String unknown = "inconnu." + UUID.randomUUID() + "@test.invalid";
        HttpResponse<String> wrong = login(active, "faux");
        HttpResponse<String> inactive = login(deactivated, PASSWORD);
        HttpResponse<String> nobody = login(unknown, PASSWORD);
        for (HttpResponse<String> r : List.of(wrong, inactive, nobody)) {
            assertRefused(r);
            assertEquals(wrong.body(), r.body(), "one answer for every refusal");
        }
        for (int i = 2; i <= 5; i++) {
            assertRefused(login(unknown, PASSWORD));
        }
        assertWaits(login(unknown, PASSWORD), 60); // an unknown address is slowed down like a known one
    }

    @Test
    void fromOneAddressManyAccountsWaitAfterFiftyFailures() throws Exception {
        for (int i = 1; i <= 50; i++) {
            assertRefused(login("essai." + i + "." + UUID.randomUUID() + "@test.invalid", "faux"));
        }
        assertEquals(50, failures(LoginRecords.addressKey(LoginRecords.LOOPBACK)));
        assertWaits(login("essai.51." + UUID.randomUUID() + "@test.invalid", "faux"), 60);
        assertWaits(login(account(true), PASSWORD), 60);
    }

    @Test
    void threeHundredBadHostKeysAreCountedNotJournaledOneEntryEach() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String since = "action = 'LOGIN_REFUSED' AND detail = 'HOST_KEY_REFUSED' AND at >= '" + utc(start) + "'";
        long journaled = rows("journal_entry", since);
        long counted = LoginRecords.refusals(LoginRecords.LOOPBACK, "HOST_KEY_REFUSED");
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 300; i++) {
                String key = "rpk_" + UUID.randomUUID() + "_mauvaise-cle-" + i;
                answers.add(clients.submit(() -> Http.send(HttpRequest.newBuilder(uri("/api/v1/host/case-diagnostics"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"caseRef\": \"X\"}"))).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get());
            }
        } finally {
            clients.shutdown();
        }
        Instant end = Instant.now();
        long minutes = ChronoUnit.MINUTES.between(start, end.truncatedTo(ChronoUnit.MINUTES)) + 1;
        assertEquals(counted + 300, LoginRecords.refusals(LoginRecords.LOOPBACK, "HOST_KEY_REFUSED"), "every refusal counted");
        long added = rows("journal_entry", since) - journaled;
        assertTrue(added <= minutes, "at most one journal entry per minute, not 300: " + added);
        assertTrue(rows("refusal_count", "source = '" + fr.repere.journal.Refusals.source(LoginRecords.keys(), LoginRecords.LOOPBACK)
                + "' AND kind = 'HOST_KEY_REFUSED' AND minute >= '" + utc(start) + "'") <= minutes, "one count per minute");
    }

    // ----- helpers

    private HttpResponse<String> login(String email, String password) {
        Http.anonymous();
        return Http.postJson(uri("/api/v1/session"), "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}", Map.of());
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(REFUSED, Http.json(r).getString("detail"));
    }

    private static void assertWaits(HttpResponse<String> r, int atMostSeconds) {
        assertEquals(429, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= atMostSeconds, "Retry-After: " + retryAfter);
        JsonObject problem = Http.json(r);
        assertEquals(429, problem.getInt("status"));
        assertTrue(problem.getString("detail").startsWith("Trop de tentatives de connexion ont échoué : réessayez dans 1 minute."),
                problem.getString("detail"));
        assertFalse(r.body().contains("@"), "nothing about the account");
    }

    /** An account of this test alone, with the test password; active or deactivated. */
    private static String account(boolean active) {
        return TestOrganisations.account(ORG.team(), Role.WORKER, active).email();
    }

    private static int failures(String key) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT failures FROM login_throttle WHERE throttle_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void endWait(String key) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE login_throttle SET blocked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE throttle_key = ?")) {
            s.setString(1, key);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static long rows(String table, String where) throws SQLException {
        try (Connection c = TestDatabase.connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }
}
