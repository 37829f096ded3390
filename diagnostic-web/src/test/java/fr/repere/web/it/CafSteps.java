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

    /** Asks the CAF for the person of that birth name (the stub answers by it). */
    HttpResponse<String> consult(String draft, String nom, boolean consent) {
        return Http.postJson(uri("/api/v1/drafts/" + draft + "/caf"), """
                {"consent": %s, "nomNaissance": "%s", "prenoms": ["YVES"], "dateNaissance": "1980-09-20", "sexe": "M",
                 "codePaysNaissance": "99100", "codeCommuneNaissance": "08480"}""".formatted(consent, nom), Map.of());
    }

    /** Starts a consultation, expecting 202. */
    void started(String draft, String nom) {
        HttpResponse<String> r = consult(draft, nom, true);
        assertEquals(202, r.statusCode(), r.body());
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
