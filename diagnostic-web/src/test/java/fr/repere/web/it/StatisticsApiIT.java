package fr.repere.web.it;

import fr.repere.statistics.export.LibreOffice;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A synthetic population pushed through the API by two workers of the test organisation, in
 * Corse-du-Sud (no other test counts anything there): known counts per commune and proposed
 * orientation. The analyst's figures must equal them where published, no published cell may be
 * between 1 and 10, and the XLSX, opened by LibreOffice, must say the same as the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatisticsApiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("statisticsap");

    static final String DEPARTEMENT = "2A";
    /** commune → people with each answer sheet: {autonomous person, urgent without device}. */
    static final Map<String, int[]> POPULATION = Map.of(
            "2A004", new int[] {14, 12},  // Ajaccio
            "2A247", new int[] {12, 3},   // Porto-Vecchio
            "2A272", new int[] {2, 0});   // Sartène
    private static final Map<String, Map<String, Integer>> expected = new HashMap<>();
    private static boolean pushed;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    @BeforeAll
    static void reset() {
        expected.clear();
        pushed = false;
    }

    /** Workers of both teams take the diagnostics and search places from the person's commune. */
    private void push() {
        if (pushed) {
            return;
        }
        int n = 0;
        for (var entry : POPULATION.entrySet()) {
            for (int kind = 0; kind < 2; kind++) {
                for (int i = 0; i < entry.getValue()[kind]; i++) {
                    Http.loginAs(uri("/"), n++ % 2 == 0 ? ORG.worker().email() : ORG.otherTeamWorker().email());
                    String body = kind == 0
                            ? DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", "STAT-" + entry.getKey() + "-" + i)
                            : DiagnosticApiIT.URGENT_WITHOUT_DEVICE;
                    HttpResponse<String> created = Http.postJson(uri("/api/v1/diagnostics"), body, Map.of());
                    assertEquals(201, created.statusCode(), created.body());
                    JsonObject d = Http.json(created);
                    String orientation = d.getJsonObject("orientation").getString("primary");
                    HttpResponse<String> places = Http.postJson(uri("/api/v1/diagnostics/" + d.getString("id") + "/places"),
                            "{\"commune\": \"" + entry.getKey() + "\", \"limit\": 5}", Map.of());
                    assertEquals(200, places.statusCode(), places.body());
                    expected.computeIfAbsent(entry.getKey(), k -> new HashMap<>()).merge(orientation, 1, Integer::sum);
                }
            }
        }
        pushed = true;
    }

    private JsonObject statistics(String query) {
        Http.loginAs(uri("/"), ORG.analyst().email());
        HttpResponse<String> r = Http.get(uri("/api/v1/statistics?departement=" + DEPARTEMENT + "&annee=" + Year.now() + query));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static JsonObject table(JsonObject publication, String keyStart) {
        return publication.getJsonArray("tableaux").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("cle").startsWith(keyStart)).findFirst().orElseThrow();
    }

    @Test
    void theAnalystSeesThePopulationsFiguresWhereverTheyArePublished() {
        push();
        JsonObject byCommune = statistics("&territoire=commune&periode=annee");
        JsonObject orientation = table(byCommune, "primary-");
        List<String> columns = orientation.getJsonArray("colonnes").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code")).toList();
        int published = 0;
        int hidden = 0;
        for (JsonObject line : orientation.getJsonArray("lignes").getValuesAs(JsonObject.class)) {
            Map<String, Integer> counts = expected.getOrDefault(line.getString("code"), Map.of());
            JsonArray values = line.getJsonArray("valeurs");
            for (int c = 0; c < columns.size(); c++) {
                JsonValue v = values.get(c);
                if (v instanceof JsonNumber number) {
                    assertEquals(counts.getOrDefault(columns.get(c), 0), number.intValue(), line + " " + columns.get(c));
                    published++;
                } else {
                    String marker = ((JsonString) v).getString();
                    assertEquals("s", marker, "one marker for every hidden cell");
                    hidden++;
                }
            }
        }
        assertTrue(published > 0 && hidden > 0, "both published and hidden cells: " + orientation);
        JsonObject total = orientation.getJsonObject("total");
        int people = POPULATION.values().stream().mapToInt(p -> p[0] + p[1]).sum();
        assertEquals(people, total.getInt("total"), "the year is published: " + total);
        assertEquals(Set.of("s"), byCommune.getJsonObject("legende").keySet(), byCommune.toString());
        JsonObject methodology = byCommune.getJsonObject("methodologie");
        assertEquals(versions("questionnaire_version"), methodology.getJsonArray("versionsQuestionnaire").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList(), "the versions behind the figures");
        assertEquals(versions("ruleset_version"), methodology.getJsonArray("versionsRegles").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
    }

    /** The versions of the test organisation's diagnostics of this year in Corse-du-Sud, as the database has them. */
    private static List<String> versions(String column) {
        List<String> versions = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT d." + column + " FROM diagnostic d"
                     + " JOIN diagnostic_territory t ON t.diagnostic_id = d.id JOIN team ON team.id = d.team_id"
                     + " WHERE t.departement_code = ? AND team.organisation_id = '" + ORG.id() + "' AND YEAR(d.taken_at) = ? ORDER BY 1")) {
            s.setString(1, DEPARTEMENT);
            s.setInt(2, Year.now().getValue());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertFalse(versions.isEmpty());
        return versions;
    }

    @Test
    void noPublishedCellOfAnyBreakdownIsBetweenOneAndTen() {
        push();
        for (String query : List.of("&territoire=departement&periode=annee", "&territoire=departement&periode=trimestre",
                "&territoire=departement&periode=mois", "&territoire=epci&periode=annee", "&territoire=commune&periode=annee")) {
            JsonObject publication = statistics(query);
            for (JsonObject table : publication.getJsonArray("tableaux").getValuesAs(JsonObject.class)) {
                List<JsonObject> lines = new ArrayList<>(table.getJsonArray("lignes").getValuesAs(JsonObject.class));
                lines.add(table.getJsonObject("total"));
                for (JsonObject line : lines) {
                    List<JsonValue> values = new ArrayList<>(line.getJsonArray("valeurs"));
                    values.add(line.get("total"));
                    for (JsonValue v : values) {
                        if (v instanceof JsonNumber number) {
                            assertFalse(number.intValue() > 0 && number.intValue() < 11,
                                    query + " " + table.getString("cle") + " " + line);
                        }
                    }
                }
            }
        }
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Http.loginAs(uri("/"), ORG.analyst().email());
        for (String[] bad : new String[][] {{"territoire=canton", "territoire"}, {"periode=semaine", "periode"},
                {"annee=deux-mille", "annee"}, {"territoire=commune&periode=mois", "periode"}, {"departement=99", "departement"}}) {
            HttpResponse<String> r = Http.get(uri("/api/v1/statistics?" + bad[0]));
            assertEquals(400, r.statusCode(), bad[0] + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(Http.json(r).getString("title").contains(bad[1]), r.body());
        }
        HttpResponse<String> r = Http.postJson(uri("/api/v1/statistics/exports"), "{\"format\": \"PDF\"}", Map.of());
        assertEquals(400, r.statusCode(), r.body());
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(403, Http.get(uri("/api/v1/statistics")).statusCode());
    }

    @Test
    void theXlsxExportOpensInLibreOfficeWithTheDatabasesFigures() throws Exception {
        push();
        Http.loginAs(uri("/"), ORG.analyst().email());
        HttpResponse<String> started = Http.postJson(uri("/api/v1/statistics/exports"), "{\"format\": \"XLSX\", \"territoire\": \"commune\","
                + " \"periode\": \"annee\", \"annee\": " + Year.now() + ", \"departement\": \"" + DEPARTEMENT + "\"}", Map.of());
        assertEquals(202, started.statusCode(), started.body());
        URI job = URI.create(started.headers().firstValue("Location").orElseThrow());
        JsonObject state = Http.json(started);
        for (int i = 0; i < 600 && state.getString("etat").equals("EN_COURS"); i++) {
            Thread.sleep(200); // polling as the page does; not a timed assertion
            state = Http.json(Http.get(job));
        }
        assertEquals("PRET", state.getString("etat"), state.toString());
        assertEquals(100, state.getInt("progression"));
        HttpResponse<byte[]> file = Http.sendBytes(HttpRequest.newBuilder(uri(state.getString("fichier"))).GET());
        assertEquals(200, file.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                file.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow()
                .contains("statistiques-2A-" + Year.now() + "-commune-annee.xlsx"));
        assertEquals(404, Http.sendBytes(HttpRequest.newBuilder(uri(state.getString("fichier"))).GET()).statusCode(),
                "downloaded once: the file is gone");

        Path work = Files.createTempDirectory("statistiques-it");
        Path xlsx = work.resolve("export.xlsx");
        Files.write(xlsx, file.body());
        List<Path> sheets = new LibreOffice(work).convert(xlsx, LibreOffice.CSV_EVERY_SHEET, work.resolve("csv"));
        List<String[]> orientationSheet = null;
        List<String[]> methodologySheet = null;
        for (Path sheet : sheets) {
            List<String[]> rows = Files.readAllLines(sheet, StandardCharsets.UTF_8).stream().map(l -> l.split(";", -1)).toList();
            if (!rows.isEmpty() && unquote(rows.get(0)[0]).equals("Orientation proposée")) {
                orientationSheet = rows;
            }
            if (!rows.isEmpty() && unquote(rows.get(0)[0]).equals("Statistiques de Repère : méthodologie")) {
                methodologySheet = rows;
            }
        }
        assertNotNull(orientationSheet, "a sheet for the proposed orientation among " + sheets);
        assertNotNull(methodologySheet, "the methodology sheet among " + sheets);
        JsonObject publication = statistics("&territoire=commune&periode=annee");
        long hiddenCells = 0;
        for (JsonObject t : publication.getJsonArray("tableaux").getValuesAs(JsonObject.class)) {
            List<JsonObject> lines = new ArrayList<>(t.getJsonArray("lignes").getValuesAs(JsonObject.class));
            lines.add(t.getJsonObject("total"));
            for (JsonObject line : lines) {
                hiddenCells += line.getJsonArray("valeurs").stream().filter(v -> v instanceof JsonString).count()
                        + (line.get("total") instanceof JsonString ? 1 : 0);
            }
        }
        String count = methodologySheet.stream().filter(r -> unquote(r[0]).equals("Cases masquées")).map(r -> unquote(r[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no count of hidden cells in the methodology"));
        assertEquals(hiddenCells + " cases masquées dans les tableaux de ce fichier.", count, "the hidden cells of the screen's tables");
        assertTrue(methodologySheet.stream().anyMatch(r -> unquote(r[0]).equals("Garantie")
                && String.join(";", r).contains("au moins 3 valeurs différentes")), "the guarantee is stated");
        JsonObject orientation = table(publication, "primary-");
        List<String> columns = orientation.getJsonArray("colonnes").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code")).toList();
        Map<String, Map<String, Integer>> database = database();
        int compared = 0;
        for (JsonObject line : orientation.getJsonArray("lignes").getValuesAs(JsonObject.class)) {
            String[] row = orientationSheet.stream().filter(r -> unquote(r[0]).equals(line.getString("libelle"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + line));
            for (int c = 0; c < columns.size(); c++) {
                String cell = unquote(row[1 + 2 * c]);
                if (cell.matches("\\d+")) {
                    assertEquals(database.getOrDefault(line.getString("code"), Map.of()).getOrDefault(columns.get(c), 0),
                            Integer.parseInt(cell), line.getString("libelle") + " " + columns.get(c));
                    compared++;
                } else {
                    assertEquals("s", cell, "a hidden cell reads « s »");
                }
            }
        }
        assertTrue(compared > 0, "some figures compared");
    }

    private static String unquote(String cell) {
        return cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2 ? cell.substring(1, cell.length() - 1) : cell;
    }

    /** The raw count in the database: the test organisation's diagnostics of this year in Corse-du-Sud. */
    private static Map<String, Map<String, Integer>> database() throws Exception {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT t.commune_code, d.primary_orientation, COUNT(*) FROM diagnostic d"
                     + " JOIN diagnostic_territory t ON t.diagnostic_id = d.id JOIN team ON team.id = d.team_id"
                     + " WHERE t.departement_code = ? AND team.organisation_id = '" + ORG.id() + "' AND YEAR(d.taken_at) = ?"
                     + " GROUP BY 1, 2")) {
            s.setString(1, DEPARTEMENT);
            s.setInt(2, Year.now().getValue());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        return counts;
    }
}
