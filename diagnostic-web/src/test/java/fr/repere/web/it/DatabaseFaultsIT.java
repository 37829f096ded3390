package fr.repere.web.it;

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
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database in trouble without being down (issue 18): writes refused by a read-only server, a
 * table locked for ten seconds, and more requests at once than the node takes. Each time the API
 * answers quickly with 503, Retry-After and problem+json, never 500, nothing half-written, and
 * recovers by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseFaultsIT {

    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("dbfaults");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @AfterEach
    void backToNormal() throws Exception {
        try (Connection admin = TestDatabase.server().administrator(); Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL read_only = OFF");
        }
        Http.anonymous();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private HttpResponse<String> take(String caseRef) {
        return Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef), Map.of());
    }

    /** A 503 problem+json of this type with this Retry-After. */
    private static void assertUnavailable(HttpResponse<String> r, String type, String retryAfter) {
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().map().toString());
        assertEquals("urn:repere:problem:" + type, Http.json(r).getString("type"), r.body());
        assertEquals(retryAfter, r.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void aReadOnlyDatabaseRefusesWritesWith503AndReadsGoOn() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        String refused = unique("LECTURE");
        try (Connection admin = TestDatabase.server().administrator(); Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL read_only = ON");
        }
        HttpResponse<String> write = take(refused);
        assertUnavailable(write, "read-only", "60");
        assertTrue(Http.json(write).getString("detail").contains("la consultation reste possible"), write.body());
        assertEquals(200, Http.get(uri("/api/v1/questionnaires/current")).statusCode(), "the questionnaire is read as usual");
        assertEquals(200, Http.get(uri("/api/v1/session")).statusCode(), "the session is still recognised");
        assertEquals(0, count("SELECT COUNT(*) FROM diagnostic WHERE case_ref = ?", refused));

        try (Connection admin = TestDatabase.server().administrator(); Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL read_only = OFF");
        }
        assertEquals(201, take(refused).statusCode(), "writable again: the same diagnostic goes through");
        assertEquals(1, count("SELECT COUNT(*) FROM diagnostic WHERE case_ref = ?", refused));
    }

    /**
     * While the diagnostics table is locked for 10 s, a request waits at most the session's lock wait
     * (5 s) and is answered 503 service-busy; far more requests than the node takes at once are
     * refused at once (503 overloaded) instead of queueing behind the lock. The lock is released only
     * once every request has its answer: a request queued behind it would never be answered and fail
     * the test. Afterwards the node serves again.
     */
    @Test
    void aTableLockedForTenSecondsGetsQuick503sAndNoPileUp() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        int clients = 120;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Answered>> answers = new ArrayList<>();
        long lockedAt;
        long releasedAt;
        try (Connection owner = TestDatabase.connectAsOwner(); Statement s = owner.createStatement()) {
            s.execute("LOCK TABLES diagnostic WRITE");
            lockedAt = System.nanoTime();
            List<Callable<Answered>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String caseRef = unique("VERROU");
                calls.add(() -> new Answered(take(caseRef)));
            }
            for (Callable<Answered> call : calls) {
                answers.add(pool.submit(call));
            }
            for (Future<Answered> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
            releasedAt = System.nanoTime();
            s.execute("UNLOCK TABLES");
        } finally {
            pool.shutdownNow();
        }
        int busy = 0;
        int overloaded = 0;
        for (Future<Answered> f : answers) {
            Answered a = f.get();
            String type = a.response().statusCode() == 503 ? Http.json(a.response()).getString("type") : "";
            if (type.endsWith(":service-busy")) {
                assertUnavailable(a.response(), "service-busy", "2");
                busy++;
            } else {
                assertUnavailable(a.response(), "overloaded", "1");
                overloaded++;
            }
        }
        assertTrue(busy >= 1, "some requests waited for the lock, then gave up: " + busy);
        assertTrue(overloaded >= 1, "the rest were refused without waiting for the lock: " + overloaded);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(releasedAt - lockedAt) < 30,
                "every one of the " + clients + " requests was answered within the lock's waits, not one after another");
        assertEquals(0, count("SELECT COUNT(*) FROM diagnostic WHERE case_ref LIKE 'VERROU-%'"), "nothing half-written");
        assertEquals(201, take(unique("VERROU")).statusCode(), "the lock gone, the node serves again");
    }

    private record Answered(HttpResponse<String> response) {
    }
}
