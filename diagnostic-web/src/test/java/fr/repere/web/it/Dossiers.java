package fr.repere.web.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the referral, mandate and team-lead tests do again and again: diagnostics, referrals, SQL checks. */
final class Dossiers {

    static final String PLACE = """
            {"id": "lieu-fictif-75-001", "nom": "Espace numérique de la mairie (fictif)", "adresse": "12 rue de la Paix",
             "code_postal": "75002", "commune": "Paris", "horaires": "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
             "telephone": "01 23 45 67 89", "courriels": ["accueil@lieu-fictif.invalid"],
             "modalites_acces": ["Se présenter", "Téléphoner"]}""";

    private Dossiers() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String takeDiagnostic(URI base, String caseRef) {
        HttpResponse<String> r = Http.postJson(base.resolve("/api/v1/diagnostics"),
                DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", caseRef), Map.of());
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("id");
    }

    static HttpResponse<String> refer(URI base, String diagnostic, String place) {
        return Http.postJson(base.resolve("/api/v1/referrals"), "{\"diagnosticId\": \"" + diagnostic
                + "\", \"service\": \"AIDE_DEMARCHES\", \"whatToBring\": \"Votre carte Vitale et le dernier courrier de la CAF\", "
                + "\"place\": " + place + "}", Map.of());
    }

    static String referral(URI base, String diagnostic) {
        HttpResponse<String> r = refer(base, diagnostic, PLACE);
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("id");
    }

    static HttpResponse<String> status(URI base, String referral, String body) {
        return Http.postJson(base.resolve("/api/v1/referrals/" + referral + "/status"), body, Map.of());
    }

    static HttpResponse<String> decide(URI base, String diagnostic, String body) {
        return Http.send(HttpRequest.newBuilder(base.resolve("/api/v1/diagnostics/" + diagnostic + "/decision"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    static JsonObject runJobs(URI base, Instant asOf) {
        HttpResponse<String> r = Http.post(base.resolve("/it/referrals?asOf=" + asOf), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    static JsonObject assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        return Http.json(r);
    }

    static void execute(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    /** As the schema's owner (the migration account): what even it may not do is the triggers' to refuse. */
    static void executeAsOwner(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.connectAsOwner(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            s.setObject(i + 1, p instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : p);
        }
    }

}
