package fr.repere.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness follows the database down and up without a restart; the OpenAPI document lists the API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("operations");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @Test
    void readinessFollowsTheDatabaseDownAndUp() throws Exception {
        URI ready = uri("/health/ready");
        URI diagnostics = uri("/api/v1/diagnostics");
        assertEquals(200, awaitStatus(ready, 200).statusCode());
        Http.loginAs(ready, ORG.worker().email()); // the session lives in Payara, not in the database

        TestDatabase.server().stop();
        try {
            HttpResponse<String> down = awaitStatus(ready, 503);
            assertTrue(down.body().contains("DOWN"), down.body());
            HttpResponse<String> refused = Http.postJson(diagnostics, DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of());
            assertTrue(refused.statusCode() == 503, refused.statusCode() + " " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        } finally {
            TestDatabase.server().restart();
        }

        HttpResponse<String> up = awaitStatus(ready, 200);
        assertTrue(up.body().contains("UP"), up.body());
        assertEquals(201, Http.postJson(diagnostics, DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of()).statusCode());
    }

    /**
     * Four clients keep taking diagnostics while MariaDB is killed (SIGKILL, a crash: no shutdown) and
     * started again a few seconds later: every answer is a 201, or a 503 with Retry-After (the client
     * retries with the same Idempotency-Key), never a 500, whichever layer the crash struck (pool,
     * EclipseLink, commit, session check); and every diagnostic answered 201 is in the database
     * afterwards with all its rows, as many as the same answers gave before the crash.
     */
    @Test
    void concurrentClientsGetOnly201Or503WithRetryAfterWhileTheDatabaseCrashesAndNothingAcknowledgedIsLost() throws Exception {
        URI ready = uri("/health/ready");
        URI diagnostics = uri("/api/v1/diagnostics");
        assertEquals(200, awaitStatus(ready, 200).statusCode());
        Http.loginAs(ready, ORG.worker().email());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        HttpResponse<String> reference = Http.postJson(diagnostics, DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of());
        assertEquals(201, reference.statusCode(), reference.body());
        String referenceId = Http.json(reference).getString("id");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            loops.add(clients.submit(() -> {
                for (int i = 0; i < 2_000 && running.get(); i++) { // bounded: stops by itself
                    HttpResponse<String> r = Http.postJson(diagnostics, DiagnosticApiIT.AUTONOMOUS_PERSON,
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    if (r.statusCode() == 201) {
                        created.incrementAndGet();
                        acknowledged.add(Http.json(r).getString("id"));
                    } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()
                            && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        unavailable.incrementAndGet();
                    } else {
                        wrong.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
                    }
                    sleep(100);
                }
            }));
        }
        try {
            sleep(2_000);
            TestDatabase.server().kill();
            try {
                awaitStatus(ready, 503);
                sleep(5_000);
                // a request caught on a dying connection can take its time to fail: keep the database down
                // until the clients have had an answer from the outage (bounded), so that its 503 is seen
                for (int i = 0; i < 300 && unavailable.get() == 0 && wrong.isEmpty(); i++) {
                    sleep(200);
                }
            } finally {
                TestDatabase.server().restart();
            }
            awaitStatus(ready, 200);
            int before = created.get();
            for (int i = 0; i < 100 && created.get() < before + 8; i++) {
                sleep(200);
            }
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(150, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
            Http.anonymous();
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " answers neither 201 nor 503 with Retry-After, e.g. " + wrong.peek());
        assertTrue(unavailable.get() > 0, "no 503 while the database was down");
        assertTrue(created.get() > 8, created.get() + " diagnostics taken");
        for (String table : new String[] {"diagnostic_answer", "diagnostic_score", "diagnostic_reason", "stat_diagnostic"}) {
            long rows = Dossiers.count("SELECT COUNT(*) FROM " + table + " WHERE diagnostic_id = ?", referenceId);
            assertTrue(rows > 0, table);
            for (String id : acknowledged) {
                assertEquals(rows, Dossiers.count("SELECT COUNT(*) FROM " + table + " WHERE diagnostic_id = ?", id),
                        table + " of diagnostic " + id + ", answered 201 around the crash");
            }
        }
        assertEquals(acknowledged.size(), Dossiers.count("SELECT COUNT(*) FROM journal_entry WHERE action = 'DIAGNOSTIC_CREATE' AND target IN ("
                + String.join(",", acknowledged.stream().map(id -> "'" + id + "'").toList()) + ")"), "each one journaled");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        HttpResponse<String> doc = Http.get(uri("/openapi"));
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("/api/v1/diagnostics"), doc.body());
        assertTrue(doc.body().contains("/api/v1/diagnostics/{id}"), doc.body());
        assertTrue(doc.body().contains("Idempotency-Key"), doc.body());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/api/v1/questionnaires/current", "/api/v1/diagnostics/inconnu", "/nulle-part"}) {
            HttpResponse<String> r = Http.get(uri(path));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndNotSentWithOtherSitesRequests() {
        Http.anonymous();
        HttpResponse<String> login = Http.postJson(uri("/api/v1/session"),
                "{\"email\": \"" + ORG.worker().email() + "\", \"password\": \"" + TestOrganisations.PASSWORD + "\"}", Map.of());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers().map()));
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        Http.anonymous();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    /** Polls for at most 60 s: readiness is computed per call, the pool needs a moment to notice. */
    private static HttpResponse<String> awaitStatus(URI uri, int status) throws InterruptedException {
        HttpResponse<String> last = null;
        for (int i = 0; i < 120; i++) {
            last = Http.get(uri);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + status + " from " + uri + ", last: " + last.statusCode() + " " + last.body());
    }
}
