package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organisations' ruleset versions: download, upload (checked: data, never code), explicit
 * activation, reactivation, each organisation on its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulesetApiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("rulesetapi");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @org.junit.jupiter.api.BeforeEach
    void asAdministrator() {
        Http.loginAs(uri("/"), ORG.admin().email());
    }

    @Test
    void anUploadedVersionIsCheckedThenActivatedExplicitlyAndPastDiagnosticsKeepTheirVersion() throws Exception {
        List<JsonObject> versions = Http.json("{\"v\":" + Http.get(uri("/api/v1/rulesets")).body() + "}")
                .getJsonArray("v").getValuesAs(JsonObject.class);
        JsonObject shipped = versions.get(0);
        assertTrue(shipped.getBoolean("shipped") && shipped.getBoolean("inForce"), shipped.toString());
        String shippedVersion = shipped.getString("version");

        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (var name : shipped.getJsonArray("tables").getValuesAs(jakarta.json.JsonString.class)) {
            HttpResponse<byte[]> t = Http.sendBytes(HttpRequest.newBuilder(
                    uri("/api/v1/rulesets/" + shippedVersion + "/tables/" + name.getString())));
            assertEquals(200, t.statusCode());
            assertEquals('P', (char) t.body()[0], "an XLSX (zip) file");
            tables.put(name.getString(), t.body());
        }
        assertTrue(tables.size() >= 2, tables.keySet().toString());

        Http.loginAs(uri("/"), ORG.worker().email());
        String before = Http.json(Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of()))
                .getString("id");
        Http.loginAs(uri("/"), ORG.admin().email());

        String version = "test-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> uploaded = upload(version, tables);
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertFalse(Http.json(uploaded).getBoolean("inForce"), "an upload is not active until activated");
        assertEquals(shippedVersion, rulesetOfANewDiagnostic());

        HttpResponse<String> activated = Http.post(uri("/api/v1/rulesets/" + version + "/activation"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, activated.statusCode(), activated.body());
        assertEquals(version, rulesetOfANewDiagnostic());
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(shippedVersion, Http.json(Http.get(uri("/api/v1/diagnostics/" + before))).getString("rulesetVersion"),
                "a past diagnostic keeps the version it ran with");
        Http.loginAs(uri("/"), ORG.admin().email());

        assertEquals(422, upload(version, tables).statusCode(), "a version number is used once");
        assertEquals(200, Http.post(uri("/api/v1/rulesets/" + shippedVersion + "/activation"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
        assertEquals(shippedVersion, rulesetOfANewDiagnostic());
        assertEquals(404, Http.post(uri("/api/v1/rulesets/inconnue/activation"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of()).statusCode());
    }

    @Test
    void aBrokenOrIncompleteTableIsRefusedWithItsLocation() throws Exception {
        String shippedVersion = Http.json("{\"v\":" + Http.get(uri("/api/v1/rulesets")).body() + "}")
                .getJsonArray("v").getJsonObject(0).getString("version");
        String primary = "orientation-principale.drl.xlsx";
        byte[] table = Http.sendBytes(HttpRequest.newBuilder(
                uri("/api/v1/rulesets/" + shippedVersion + "/tables/" + primary))).body();

        HttpResponse<String> notXlsx = upload("broken-1", Map.of(primary, "ceci n'est pas un tableur".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, notXlsx.statusCode(), notXlsx.body());
        assertTrue(notXlsx.body().contains(primary), notXlsx.body());

        HttpResponse<String> typo = upload("typo-1", Map.of(primary, withCell(table, 17, 3, "Tres eloigne")));
        assertEquals(422, typo.statusCode(), typo.body());
        JsonObject where = Http.json(typo).getJsonArray("locations").getJsonObject(0);
        assertEquals(primary, where.getString("file"));
        assertEquals("Table", where.getString("sheet"));
        assertEquals(18, where.getInt("row"));
        assertEquals("D", where.getString("column"));
        assertTrue(where.getString("detail").contains("« Tres eloigne » n'est pas une valeur possible"), typo.body());

        HttpResponse<String> gap = upload("gap-1", Map.of(primary, withoutLastRow(table)));
        assertEquals(422, gap.statusCode(), gap.body());
        JsonObject problem = Http.json(gap);
        assertFalse(problem.getJsonArray("locations").isEmpty(), gap.body());

        assertFalse(Http.get(uri("/api/v1/rulesets")).body().contains("gap-1"), "nothing stored");
    }

    @Test
    void codeAppendedToAnActionCellIsRefusedBeforeAnythingRuns() throws Exception {
        String shippedVersion = shippedVersion();
        String primary = "orientation-principale.drl.xlsx";
        byte[] table = Http.sendBytes(HttpRequest.newBuilder(
                uri("/api/v1/rulesets/" + shippedVersion + "/tables/" + primary))).body();
        java.nio.file.Path target = java.nio.file.Files.createTempDirectory("repere-rulesets-it").resolve("ecrit-par-la-table");
        String payload = "insert(resultat.orienter(drools.getRule(), \"$param\")); java.nio.file.Files.createDirectories("
                + "java.nio.file.Path.of(\"" + target.toString().replace('\\', '/') + "\"));";

        HttpResponse<String> refused = upload("code-1", Map.of(primary, withCell(table, 13, 13, payload)));

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                refused.headers().toString());
        JsonObject problem = Http.json(refused);
        assertEquals("Tables de décision refusées", problem.getString("title"));
        JsonObject where = problem.getJsonArray("locations").getJsonObject(0);
        assertEquals(primary, where.getString("file"));
        assertEquals("Table", where.getString("sheet"));
        assertEquals(14, where.getInt("row"));
        assertEquals("N", where.getString("column"));
        assertTrue(where.getString("detail").startsWith("Cette case fait partie de la structure de la table livrée"), refused.body());
        assertFalse(java.nio.file.Files.exists(target), "the Java appended to the action cell never ran");
        assertFalse(Http.get(uri("/api/v1/rulesets")).body().contains("code-1"), "nothing stored");
    }

    @Test
    void eachOrganisationSeesUsesAndActivatesOnlyItsOwnVersions() throws Exception {
        // two organisations of this test's own: what it activates reaches no other test's diagnostics
        TestOrganisations.Organisation first = TestOrganisations.create("rulesets-1");
        TestOrganisations.Organisation second = TestOrganisations.create("rulesets-2");
        String admin1 = first.admin().email();
        String worker1 = first.worker().email();
        String admin2 = second.admin().email();
        String worker2 = second.worker().email();
        String shippedVersion = shippedVersion();
        Map<String, byte[]> tables = shippedTables(shippedVersion);
        String mine = "org1-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "org2-" + UUID.randomUUID().toString().substring(0, 8);
        stored(first.id(), mine, tables); // as if uploaded by the first organisation (an upload is checked for minutes)
        Http.loginAs(uri("/"), admin1);
        assertEquals(200, activate(mine).statusCode());
        assertEquals(mine, rulesetOfANewDiagnostic(worker1, admin1));

        Http.loginAs(uri("/"), admin2);
        String list = Http.get(uri("/api/v1/rulesets")).body();
        assertFalse(list.contains(mine), "another organisation's version is never listed: " + list);
        assertTrue(Http.json("{\"v\":" + list + "}").getJsonArray("v").getJsonObject(0).getBoolean("inForce"),
                "the shipped rules are the second organisation's default: " + list);
        assertEquals(404, Http.sendBytes(HttpRequest.newBuilder(
                uri("/api/v1/rulesets/" + mine + "/tables/orientation-principale.drl.xlsx"))).statusCode());
        assertEquals(404, activate(mine).statusCode(), "never 403: its existence is not revealed");
        assertEquals(shippedVersion, rulesetOfANewDiagnostic(worker2, admin2),
                "the first organisation's activation does not reach the second's workers");

        assertEquals(201, upload(theirs, tables).statusCode());
        assertEquals(200, activate(theirs).statusCode());
        assertEquals(theirs, rulesetOfANewDiagnostic(worker2, admin2));
        assertEquals(mine, rulesetOfANewDiagnostic(worker1, admin2),
                "activating in the second organisation leaves the first one's diagnostics alone");

        Http.loginAs(uri("/"), admin1);
        assertFalse(Http.get(uri("/api/v1/rulesets")).body().contains(theirs));
        assertEquals(404, Http.sendBytes(HttpRequest.newBuilder(
                uri("/api/v1/rulesets/" + theirs + "/tables/orientation-principale.drl.xlsx"))).statusCode());
        assertEquals(404, activate(theirs).statusCode());
        assertEquals(mine, rulesetOfANewDiagnostic(worker1, admin1));
    }

    @Test
    void twoActivationsAtTheSameMomentLeaveExactlyOneActiveVersion() throws Exception {
        String shippedVersion = shippedVersion();
        Map<String, byte[]> tables = shippedTables(shippedVersion);
        String first = "race-a-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "race-b-" + UUID.randomUUID().toString().substring(0, 8);
        TestOrganisations.Organisation racing = TestOrganisations.create("rules-race");
        stored(racing.id(), first, tables);
        stored(racing.id(), second, tables);
        Http.loginAs(uri("/"), racing.admin().email());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                var a = pool.submit(() -> activate(first).statusCode());
                var b = pool.submit(() -> activate(second).statusCode());
                assertEquals(List.of(200, 200), List.of(a.get(), b.get()), "the later of two activations waits, then wins");
                assertEquals(1, activeRows(racing.id()), "round " + round + ": two versions in force at once");
            }
            try (java.sql.Connection c = TestDatabase.connect(); java.sql.Statement s = c.createStatement()) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> s.executeUpdate("UPDATE ruleset SET active = TRUE WHERE organisation_id = '" + racing.id()
                                + "' AND version IN ('" + first + "', '" + second + "')"));
                assertTrue(refused.getMessage().contains("uq_ruleset_one_active"), refused.getMessage());
            }
            assertEquals(1, activeRows(racing.id()), "the refused statement changed nothing");
        } finally {
            pool.shutdownNow();
            assertEquals(200, activate(shippedVersion).statusCode());
        }
        assertEquals(0, activeRows(racing.id()));
    }

    private static int activeRows(String organisation) throws Exception {
        try (java.sql.Connection c = TestDatabase.connect();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ruleset WHERE organisation_id = ? AND active")) {
            s.setString(1, organisation);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A version stored for an organisation, as an upload that passed every check leaves it. */
    private static void stored(String organisation, String version, Map<String, byte[]> tables) throws Exception {
        try (java.sql.Connection c = TestDatabase.connect()) {
            try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO ruleset (organisation_id, version, description, "
                    + "uploaded_at, active) VALUES (?, ?, 'Version de test', UTC_TIMESTAMP(3), FALSE)")) {
                s.setString(1, organisation);
                s.setString(2, version);
                s.executeUpdate();
            }
            for (var table : tables.entrySet()) {
                try (java.sql.PreparedStatement s = c.prepareStatement(
                        "INSERT INTO ruleset_file (organisation_id, version, file_name, content) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, organisation);
                    s.setString(2, version);
                    s.setString(3, table.getKey());
                    s.setBytes(4, table.getValue());
                    s.executeUpdate();
                }
            }
        }
    }

    private String shippedVersion() {
        return Http.json("{\"v\":" + Http.get(uri("/api/v1/rulesets")).body() + "}")
                .getJsonArray("v").getJsonObject(0).getString("version");
    }

    private Map<String, byte[]> shippedTables(String shippedVersion) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String name : List.of("orientation-principale.drl.xlsx", "actions-complementaires.drl.xlsx",
                "ressources-annuaire.drl.xlsx", "mandat.drl.xlsx")) {
            HttpResponse<byte[]> t = Http.sendBytes(HttpRequest.newBuilder(uri("/api/v1/rulesets/" + shippedVersion + "/tables/" + name)));
            assertEquals(200, t.statusCode(), name);
            tables.put(name, t.body());
        }
        return tables;
    }

    private HttpResponse<String> activate(String version) {
        return Http.post(uri("/api/v1/rulesets/" + version + "/activation"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    /** The ruleset version a new diagnostic of this worker runs with; the session then goes to {@code back}. */
    private String rulesetOfANewDiagnostic(String worker, String back) {
        Http.loginAs(uri("/"), worker);
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of());
        Http.loginAs(uri("/"), back);
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("rulesetVersion");
    }

    /** The decision table with one cell changed (0-based row and column, as POI counts). */
    private static byte[] withCell(byte[] xlsx, int row, int column, String value) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getSheetAt(0).getRow(row).createCell(column).setCellValue(value);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The decision table minus its last rule row: some profiles are left without an orientation. */
    private static byte[] withoutLastRow(byte[] xlsx) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row last = sheet.getRow(sheet.getLastRowNum());
            sheet.removeRow(last);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The ruleset version a worker's new diagnostic runs with (the session comes back to the administrator). */
    private String rulesetOfANewDiagnostic() {
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.AUTONOMOUS_PERSON, Map.of());
        Http.loginAs(uri("/"), ORG.admin().email());
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("rulesetVersion");
    }

    private HttpResponse<String> upload(String version, Map<String, byte[]> tables) throws Exception {
        String boundary = "repere" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "version", version);
        field(body, boundary, "description", "Essai d'intégration");
        for (var t : tables.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tables\"; filename=\"" + t.getKey()
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(t.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Http.postSlow(uri("/api/v1/rulesets"), "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) throws Exception {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
