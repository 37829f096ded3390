package fr.repere.web.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The steps of a CAF consultation through the API, and the database reads, shared by the CAF test classes. */
final class CafSteps {

    private static final java.util.concurrent.atomic.AtomicLong FIRST_NAMES = new java.util.concurrent.atomic.AtomicLong();

    private final URI base;

    CafSteps(URI base) {
        this.base = base;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** A new interview of the logged-in worker's team, on that case reference. */
    String draft(String caseRef) {
        HttpResponse<String> r = Http.postJson(uri("/api/v1/drafts"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef).replace("{\"caseRef\"", "{\"consent\": true, \"caseRef\""), Map.of());
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("id");
    }

    /** Asks the CAF for the person of that birth name (the stub answers by it), first name YVES. */
    HttpResponse<String> consult(String draft, String nom, boolean consent) {
        return consult(draft, nom, "YVES", consent);
    }

    /** Asks the CAF for the person of that birth name and first name (the stub counts requests by both). */
    HttpResponse<String> consult(String draft, String nom, String prenom, boolean consent) {
        return Http.postJson(uri("/api/v1/drafts/" + draft + "/caf"), """
                {"consent": %s, "nomNaissance": "%s", "prenoms": ["%s"], "dateNaissance": "1980-09-20", "sexe": "M",
                 "codePaysNaissance": "99100", "codeCommuneNaissance": "08480"}""".formatted(consent, nom, prenom), Map.of());
    }

    /** Starts a consultation, expecting 202. */
    void started(String draft, String nom) {
        started(draft, nom, "YVES");
    }

    /** Starts a consultation for that birth name and first name, expecting 202. */
    void started(String draft, String nom, String prenom) {
        HttpResponse<String> r = consult(draft, nom, prenom, true);
        assertEquals(202, r.statusCode(), r.body());
    }

    /**
     * A first name (letters only) that no other consultation of the run uses: the stub's count for
     * a birth name and this first name ({@link TestCafStub#calls(String, String)}) is the calling
     * test's alone, whatever ran before it and whatever requests earlier tests left in flight.
     */
    static String ownFirstName() {
        long n = FIRST_NAMES.incrementAndGet();
        StringBuilder name = new StringBuilder("T");
        do {
            name.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.toString();
    }

    /**
     * Brings the application's CAF circuit breaker (one per deployment, kept between tests) back to
     * closed with no failure counted, whatever the previous test left: consultations of an RSA
     * beneficiary until one is answered (FOUND). A consultation that goes through and succeeds
     * resets the count of failures in a row when closed, and closes the circuit when it is the
     * half-open probe; while open, the answer is « ne répond plus » at once, so this waits for the
     * pause (3 s in the tests) and asks again. The logged-in agent must be a worker.
     */
    void closeCircuit() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject result;
        do {
            String draft = draft("CAF-REMISE");
            started(draft, "ALLOCATAIRE", "REMISE");
            result = awaitResult(draft);
            if ("FOUND".equals(result.getString("status"))) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the CAF circuit did not close again: " + result);
    }

    /** Reads the answer in force until neither it nor a later attempt is pending (30 s at most). */
    JsonObject awaitResult(String draft) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> r = Http.get(uri("/api/v1/drafts/" + draft + "/caf"));
            assertEquals(200, r.statusCode(), r.body());
            JsonObject result = Http.json(r);
            boolean pending = "PENDING".equals(result.getString("status")) || result.get("latestAttempt") instanceof JsonObject a
                    && "PENDING".equals(a.getString("status"));
            if (!pending || Instant.now().isAfter(deadline)) {
                return result;
            }
            Thread.sleep(200);
        }
    }

    /** Completes the interview into a diagnostic, expecting 201. */
    void complete(String draft) {
        HttpResponse<String> done = Http.post(uri("/api/v1/drafts/" + draft + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(201, done.statusCode(), done.body());
    }

    static int count(String sql, String parameter) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static String text(String sql, String parameter) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
