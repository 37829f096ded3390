package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST/GET of diagnostics, idempotency and bad input, over HTTP, on Payara Micro with a real MariaDB. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiagnosticApiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("diagnosticap");

    /** Questionnaire 1.0, every best answer. */
    static final String AUTONOMOUS_PERSON = """
            {"caseRef": "CASE-42", "answers": {
              "CTX_DEMARCHE_EN_COURS": "AUCUNE", "ACC_EQUIPEMENT": ["ORDINATEUR", "SMARTPHONE"], "ACC_CONNEXION": ["BOX"],
              "ACC_CREDIT_EPUISE": "JAMAIS", "BAN_TELEPHONE": "FORFAIT", "ACC_COURRIEL": "OUI", "ACC_FRANCECONNECT": "OUI",
              "ACC_IMPRIMANTE": "CHEZ_SOI", "COMP_MANIPULATION": "SEUL", "COMP_MESSAGE": "SEUL", "COMP_COURRIEL_PJ": "SEUL",
              "COMP_RECHERCHE": "SEUL", "COMP_MOTS_DE_PASSE": "SEUL", "COMP_DEMARCHE": "SEUL", "COMP_ARNAQUE": "OUI",
              "MOT_INTERET": "OUI", "MOT_CRAINTE": "PAS_DU_TOUT", "MOT_APPRENDRE": "OUI", "MOT_DISPONIBILITE": "OUI",
              "MOT_DELEGATION": "SEUL", "BAN_COMPTE": "EN_LIGNE", "BAN_PAIEMENT": "SEUL", "BAN_BUDGET": "NON",
              "CTX_FRANCAIS_ORAL": "FACILE", "CTX_FRANCAIS_ECRIT": "FACILE", "CTX_HANDICAP": ["AUCUN"],
              "CTX_AIDE": ["PAS_BESOIN"], "CTX_AGE": "AGE_26_44"}}""";

    /** Questionnaire 1.0: no device, no bank account, a quarterly declaration due this month. */
    static final String URGENT_WITHOUT_DEVICE = """
            {"answers": {
              "CTX_DEMARCHE_EN_COURS": "URGENTE", "CTX_DEMARCHE_TYPE": ["DECLARATION_TRIMESTRIELLE"],
              "ACC_EQUIPEMENT": ["AUCUN"], "ACC_CREDIT_EPUISE": "PAS_DE_TELEPHONE", "ACC_COURRIEL": "NON",
              "ACC_FRANCECONNECT": "NON", "ACC_IMPRIMANTE": "NON",
              "MOT_INTERET": "OBLIGE", "MOT_CRAINTE": "BEAUCOUP", "MOT_APPRENDRE": "PEUT_ETRE", "MOT_DISPONIBILITE": "DIFFICILE",
              "MOT_DELEGATION": "A_MA_PLACE", "BAN_COMPTE": "AUCUN", "BAN_BUDGET": "SOUVENT",
              "CTX_FRANCAIS_ORAL": "FACILE", "CTX_FRANCAIS_ECRIT": "DIFFICILE", "CTX_HANDICAP": ["AUCUN"],
              "CTX_AIDE": ["PERSONNE"], "CTX_AGE": "AGE_45_64"}}""";

    @ArquillianResource
    private URL base;

    private URI diagnostics;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void locate() {
        diagnostics = URI.create(base.toString()).resolve("/api/v1/diagnostics");
        Http.loginAs(diagnostics, ORG.worker().email());
    }

    @Test
    void takesADiagnosticAndReadsItBack() throws Exception {
        HttpResponse<String> created = Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonObject body = Http.json(created);
        assertEquals("1.0", body.getString("questionnaireVersion"));
        assertFalse(body.getString("rulesetVersion").isBlank());
        assertEquals("CASE-42", body.getString("caseRef"));
        assertEquals(4, body.getJsonArray("scores").size());
        body.getJsonArray("scores").getValuesAs(JsonObject.class).forEach(s -> {
            assertEquals(100, s.getInt("score"), s.toString());
            assertEquals("AUTONOMOUS", s.getString("level"));
        });
        assertEquals("AUTONOMOUS", body.getJsonObject("orientation").getString("primary"));
        assertFalse(body.getJsonObject("orientation").getJsonArray("reasons").isEmpty());

        HttpResponse<String> read = Http.get(URI.create(location));
        assertEquals(200, read.statusCode());
        JsonObject again = Http.json(read);
        assertEquals(body.getString("id"), again.getString("id"));
        assertEquals(body.getJsonObject("orientation"), again.getJsonObject("orientation"));
        assertEquals(body.getJsonArray("scores"), again.getJsonArray("scores"));
        assertEquals(body.getJsonObject("answers"), again.getJsonObject("answers"));
        assertEquals("no-store", read.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(1, countRows("diagnostic WHERE id = '" + body.getString("id") + "'"));
    }

    @Test
    void theWorkerAcceptsOrOverridesTheProposalWithAReason() throws Exception {
        JsonObject created = Http.json(Http.postJson(diagnostics, URGENT_WITHOUT_DEVICE, Map.of()));
        String id = created.getString("id");
        URI decision = diagnostics.resolve("/api/v1/diagnostics/" + id + "/decision");
        String proposed = created.getJsonObject("orientation").getString("primary");
        String proposedActions = created.getJsonObject("orientation").getJsonArray("actions").getValuesAs(JsonObject.class)
                .stream().map(a -> "\"" + a.getString("code") + "\"").collect(java.util.stream.Collectors.joining(","));
        String other = proposed.equals("MEDIATOR") ? "TRAIN" : "MEDIATOR";

        HttpResponse<String> noReason = put(decision, "{\"orientation\": \"" + other + "\", \"actions\": [" + proposedActions + "]}");
        assertProblem(noReason, 422);
        assertTrue(noReason.body().contains("/reason"), noReason.body());
        assertEquals(0, countRows("diagnostic WHERE id = '" + id + "' AND decided_at IS NOT NULL"));

        HttpResponse<String> accepted = put(decision, "{\"orientation\": \"" + proposed + "\", \"actions\": [" + proposedActions + "]}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertFalse(Http.json(accepted).getJsonObject("decision").getBoolean("overridden"));

        HttpResponse<String> overridden = put(decision, "{\"orientation\": \"" + other + "\", \"actions\": [],"
                + " \"reason\": \"La personne a un rendez-vous au Point numérique CAF demain.\"}");
        assertEquals(200, overridden.statusCode(), overridden.body());
        JsonObject d = Http.json(overridden).getJsonObject("decision");
        assertTrue(d.getBoolean("overridden"));
        assertEquals(other, d.getString("orientation"));
        assertEquals(proposed, Http.json(overridden).getJsonObject("orientation").getString("primary"), "the proposal is kept");
        assertEquals(1, countRows("diagnostic WHERE id = '" + id + "' AND overridden AND final_orientation = '" + other + "'"));

        assertProblem(put(decision, "{\"orientation\": \"PARTOUT\"}"), 400);
        assertProblem(put(decision, "{\"orientation\": \"TRAIN\", \"actions\": [\"VELO\"], \"reason\": \"x\"}"), 400);
        assertProblem(put(diagnostics.resolve("/api/v1/diagnostics/" + UUID.randomUUID() + "/decision"),
                "{\"orientation\": \"TRAIN\", \"reason\": \"x\"}"), 404);
    }

    private static HttpResponse<String> put(URI uri, String body) {
        return Http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    @Test
    void urgentProcedureWithoutDeviceIsHandledOnBehalf() {
        HttpResponse<String> created = Http.postJson(diagnostics, URGENT_WITHOUT_DEVICE, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = Http.json(created);
        assertEquals("ON_BEHALF", body.getJsonObject("orientation").getString("primary"));
        assertFalse(body.getJsonObject("orientation").getJsonArray("reasons").isEmpty());
    }

    @Test
    void replayWithTheSameKeyReturnsTheFirstResponseAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = countRows("diagnostic");
        HttpResponse<String> first = Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of("Idempotency-Key", key));
        HttpResponse<String> second = Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of("Idempotency-Key", key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Location"), second.headers().firstValue("Location"));
        assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(before + 1, countRows("diagnostic"));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertEquals(201, Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of("Idempotency-Key", key)).statusCode());
        long before = countRows("diagnostic");
        HttpResponse<String> other = Http.postJson(diagnostics, URGENT_WITHOUT_DEVICE, Map.of("Idempotency-Key", key));
        assertProblem(other, 422);
        assertTrue(Http.json(other).getString("type").endsWith("idempotency-key-reused"));
        assertEquals(before, countRows("diagnostic"));
    }

    @Test
    void duplicateWhileTheFirstIsRunningIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        // the first request is "still running": its claim is in the table, not yet completed
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO idempotency_key (idem_key, fingerprint, state, created_at) VALUES (?, ?, 'IN_PROGRESS', NOW())")) {
            s.setString(1, sha256(ORG.worker().id() + "\n" + key)); // keys are scoped to the agent who sent them
            s.setString(2, fingerprint("POST", "/api/v1/diagnostics", AUTONOMOUS_PERSON));
            s.executeUpdate();
        }
        assertProblem(Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of("Idempotency-Key", key)), 409);
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneDiagnostic() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = countRows("diagnostic");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> Http.postJson(diagnostics, AUTONOMOUS_PERSON, Map.of("Idempotency-Key", key)));
            }
            int created = 0;
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.body());
                if (r.statusCode() == 201 && r.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    created++;
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, countRows("diagnostic"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                 | {"answers": {                                              | 400 |
            not an object                  | [1, 2, 3]                                                  | 400 |
            empty body                     |                                                            | 400 |
            answers of the wrong type      | {"answers": "PERSONNEL"}                                   | 400 | /answers
            option of the wrong type       | {"answers": {"ACC_EQUIPEMENT": 3}}                         | 400 | /answers/ACC_EQUIPEMENT
            unknown field                  | {"answers": {}, "nom": "Dupont"}                           | 400 | /nom
            caseRef of the wrong type      | {"caseRef": {"a": 1}, "answers": {}}                       | 400 | /caseRef
            missing answers                | {"caseRef": "X"}                                           | 400 | /answers
            unknown question               | {"answers": {"QUESTION_INCONNUE": "OUI"}}                  | 422 | /answers/QUESTION_INCONNUE
            unknown option                 | {"answers": {"ACC_EQUIPEMENT": "VOITURE"}}                 | 422 | /answers/ACC_EQUIPEMENT
            two options to a single choice | {"answers": {"ACC_COURRIEL": ["OUI", "NON"]}}              | 422 | /answers/ACC_COURRIEL
            missing required answers       | {"answers": {"ACC_EQUIPEMENT": "SMARTPHONE"}}              | 422 | /answers/ACC_CONNEXION
            answer hidden by skip logic    | {"answers": {"ACC_EQUIPEMENT": "AUCUN", "COMP_MANIPULATION": "SEUL"}} | 422 | /answers/COMP_MANIPULATION
            exclusive option combined      | {"answers": {"ACC_EQUIPEMENT": ["AUCUN", "SMARTPHONE"]}}   | 422 | /answers/ACC_EQUIPEMENT
            """)
    void badInputIsAProblemNamingTheField(String name, String body, int status, String pointer) throws Exception {
        long before = countRows("diagnostic");
        HttpResponse<String> r = Http.postJson(diagnostics, body == null ? "" : body, Map.of());
        assertProblem(r, status);
        if (pointer != null) {
            assertTrue(Http.json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getString("pointer").equals(pointer)), r.body());
        }
        assertEquals(before, countRows("diagnostic"));
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"caseRef\": \"" + "x".repeat(200_000) + "\", \"answers\": {}}";
        assertProblem(Http.postJson(diagnostics, huge, Map.of()), 413);
        // the same without Content-Length (chunked): bounded while reading
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        assertProblem(Http.post(diagnostics, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)), Map.of()), 413);
    }

    @Test
    void otherMediaTypesAndMethodsAreProblems() {
        assertProblem(Http.post(diagnostics, "text/plain", HttpRequest.BodyPublishers.ofString("bonjour"), Map.of()), 415);
        assertProblem(Http.send(HttpRequest.newBuilder(diagnostics).DELETE()), 405);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        assertProblem(Http.get(diagnostics.resolve("/api/v1/diagnostics/" + UUID.randomUUID())), 404);
        assertProblem(Http.get(diagnostics.resolve("/api/v1/diagnostics/pas-un-identifiant")), 404);
        assertProblem(Http.get(diagnostics.resolve("/api/v1/diagnostics/1%27%20OR%201=1")), 404);
    }

    @Test
    void hundredsOfMutatedRequestsNeverGetA5xx() throws Exception {
        long before = countRows("diagnostic");
        Random random = new Random(20261124);
        byte[] valid = URGENT_WITHOUT_DEVICE.getBytes(StandardCharsets.UTF_8);
        int created = 0;
        for (int i = 0; i < 300; i++) {
            byte[] mutated = valid.clone();
            for (int k = 0; k <= random.nextInt(4); k++) {
                mutated[random.nextInt(mutated.length)] = (byte) (random.nextInt(96) + 32);
            }
            HttpResponse<String> r = Http.post(diagnostics, "application/json", HttpRequest.BodyPublishers.ofByteArray(mutated), Map.of());
            assertTrue(r.statusCode() < 500, "5xx for " + new String(mutated, StandardCharsets.UTF_8) + " -> " + r.body());
            if (r.statusCode() == 201) {
                created++;
            } else {
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            }
        }
        assertEquals(before + created, countRows("diagnostic"));
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        JsonObject problem = Http.json(r);
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("title"));
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private static long countRows(String tableAndWhere) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String fingerprint(String method, String path, String body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
