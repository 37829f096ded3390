package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory over HTTP on Payara Micro with a real MariaDB: imports of good and malformed files
 * (report, encodings, idempotence, valid lines only, 50,000 lines as a job), places proposed for a
 * diagnostic (nearest territory first, required specific care), unmet needs recorded once and the
 * team lead's view, and who may do what.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("directory");
    private static final String HOST_KEY = TestOrganisations.hostKey(ORG);

    static final String HEADER = "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,"
            + "typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,"
            + "structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,frais_a_charge,"
            + "dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces,"
            + "modalites_accompagnement,fiche_acces_libre,prise_rdv";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    static String line(String id, String nom, String insee, String cp, String commune, String lat, String lon,
                       String services, String prises, String frais) {
        return String.join(",", id, "00000000000000", q(nom), q(commune), cp, insee, q("2 place de l'Essai"), "", lat, lon,
                "EPN", "04 66 00 00 00", "", "", q("Mo-Fr 09:00-12:00"), "", "", "Essai d'intégration", "Fixe", "", "2025-06-30",
                q(services), "", q(prises), q(frais), "", "", "", "Se présenter", "Accompagnement individuel", "", "");
    }

    private static String q(String s) {
        return s.isEmpty() ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static byte[] file(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    private HttpResponse<String> upload(byte[] csv, boolean validLines) {
        return Http.post(uri("/api/v1/directory/imports" + (validLines ? "?importValidLines=true" : "")), "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(csv), Map.of());
    }

    /** Imports as the administrator and waits for the end of the job. */
    private JsonObject importAndWait(byte[] csv, boolean validLines) throws InterruptedException {
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> started = upload(csv, validLines);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        return await(URI.create(location), 300);
    }

    private static JsonObject await(URI location, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            JsonObject state = Http.json(Http.get(location));
            if (state.getBoolean("finished")) {
                return state;
            }
            assertTrue(System.currentTimeMillis() < end, "import not finished in " + seconds + " s: " + state);
            Thread.sleep(200);
        }
    }

    @Test
    void aFileWithErrorsImportsNothingAndTheReportSaysWhereAndWhatInFrench() throws Exception {
        byte[] csv = file(StandardCharsets.UTF_8, HEADER,
                line("err-ok", "Lieu correct", "48095", "48000", "Mende", "44.5180", "3.5010", "Aide aux démarches administratives", "", "Gratuit"),
                line("err-vocab", "Lieu", "48095", "48000", "Mende", "44.5", "3.5", "Aide aux demarches", "", "Gratuit"),
                line("err-insee", "Lieu", "48999", "48000", "Mende", "44.5", "3.5", "Aide aux démarches administratives", "", "Gratuit"),
                line("err-coord", "Lieu", "48095", "48000", "Mende", "3.5", "44.5", "Aide aux démarches administratives", "", "Gratuit"),
                line("err-nom", "", "48095", "48000", "Mende", "", "", "Aide aux démarches administratives", "", "Gratuit"),
                line("err-frais", "Lieu", "48095", "48000", "Mende", "", "", "Aide aux démarches administratives", "", "gratuit"));
        JsonObject report = importAndWait(csv, false);
        assertEquals("REJECTED", report.getString("status"), report.toString());
        assertEquals(6, report.getInt("linesChecked"));
        assertEquals(5, report.getInt("linesInvalid"));
        assertEquals(0, report.getInt("linesStored"));
        List<String> where = report.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getInt("line") + ":" + p.getString("field")).toList();
        assertEquals(List.of("3:services", "4:code_insee", "5:latitude", "6:nom", "7:frais_a_charge"), where);
        JsonObject frais = report.getJsonArray("problems").getJsonObject(4);
        assertTrue(frais.getString("message").contains("Vouliez-vous dire « Gratuit » ?"), frais.toString());
        assertTrue(report.getString("message").contains("rien n'a été importé"), report.getString("message"));
        assertEquals(0, count("SELECT COUNT(*) FROM place WHERE id LIKE 'err-%'"));

        JsonObject partial = importAndWait(csv, true);
        assertEquals("DONE", partial.getString("status"), partial.toString());
        assertEquals(1, partial.getInt("placesCreated"));
        assertEquals(5, partial.getInt("problemCount"));
        assertEquals(1, count("SELECT COUNT(*) FROM place WHERE id LIKE 'err-%'"));
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        byte[] csv = file(StandardCharsets.UTF_8, HEADER,
                line("idem-1", "Lieu un", "48092", "48100", "Marvejols", "44.55", "3.29", "Aide aux démarches administratives", "", "Gratuit"),
                line("idem-2", "Lieu deux", "48092", "48100", "Marvejols", "44.56", "3.30", "Compréhension du monde numérique", "", "Payant"));
        JsonObject first = importAndWait(csv, false);
        assertEquals(2, first.getInt("placesCreated"), first.toString());
        String updated = text("SELECT MAX(updated_at) FROM place WHERE id LIKE 'idem-%'");
        JsonObject again = importAndWait(csv, false);
        assertEquals("DONE", again.getString("status"));
        assertEquals(0, again.getInt("placesCreated"));
        assertEquals(0, again.getInt("placesUpdated"));
        assertEquals(2, again.getInt("placesUnchanged"));
        assertEquals(updated, text("SELECT MAX(updated_at) FROM place WHERE id LIKE 'idem-%'"));
        assertEquals(2, count("SELECT COUNT(*) FROM place WHERE id LIKE 'idem-%'"));

        byte[] changed = file(StandardCharsets.UTF_8, HEADER,
                line("idem-1", "Lieu un, renommé", "48092", "48100", "Marvejols", "44.55", "3.29", "Aide aux démarches administratives", "", "Gratuit"));
        JsonObject third = importAndWait(changed, false);
        assertEquals(1, third.getInt("placesUpdated"));
        assertEquals("Lieu un, renommé", text("SELECT nom FROM place WHERE id = 'idem-1'"));
    }

    @Test
    void latin1AndByteOrderMarkFilesKeepTheirAccents() throws Exception {
        Charset latin1 = Charset.forName("windows-1252");
        JsonObject latin = importAndWait(file(latin1, HEADER, line("enc-latin1", "Médiathèque d'Essai", "48061", "48400",
                "Florac Trois Rivières", "44.32", "3.59", "Maîtrise des outils numériques du quotidien", "Déficience visuelle", "Gratuit")), false);
        assertEquals("DONE", latin.getString("status"), latin.toString());
        assertEquals("Latin-1 (Windows-1252)", latin.getString("encoding"));
        assertEquals("Médiathèque d'Essai", text("SELECT nom FROM place WHERE id = 'enc-latin1'"));
        assertEquals("DEFICIENCE_VISUELLE", text("SELECT prise_en_charge_specifique FROM place WHERE id = 'enc-latin1'"));

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(file(StandardCharsets.UTF_8, HEADER, line("enc-bom", "Espace numérique Élise", "48080", "48300", "Langogne",
                "44.73", "3.86", "Accès internet et matériel informatique", "", "Gratuit sous condition")));
        JsonObject withBom = importAndWait(bom.toByteArray(), false);
        assertEquals("DONE", withBom.getString("status"), withBom.toString());
        assertEquals("UTF-8 (avec BOM)", withBom.getString("encoding"));
        assertEquals("Espace numérique Élise", text("SELECT nom FROM place WHERE id = 'enc-bom'"));
    }

    @Test
    void aFileNotInTheNationalFormatIsRefusedAtOnce() {
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> r = upload("nom;ville\nMaison;Lille\n".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(422, r.statusCode());
        assertTrue(Http.json(r).getString("detail").contains("format national"), r.body());
    }

    @Test
    void aFirstLineOver64KiBIsRefusedWithItsLineNotA500() {
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> r = upload(("id" + ",x".repeat(40 * 1024) + "\n").getBytes(StandardCharsets.UTF_8), false);
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("Ligne 1 : la ligne des noms de colonnes dépasse 64 Ko : ce n'est pas un fichier au format national "
                + "des lieux de médiation numérique.", Http.json(r).getString("detail"));
    }

    @Test
    void fiftyThousandLinesRunAsAJobWithProgressAndAReport() throws Exception {
        int lines = 50_000;
        String[][] communes = {{"01053", "01000", "Bourg-en-Bresse"}, {"01004", "01500", "Ambérieu-en-Bugey"}, {"01283", "01100", "Oyonnax"}};
        List<String> content = new ArrayList<>(lines + 1);
        content.add(HEADER);
        for (int i = 0; i < lines; i++) {
            String[] c = communes[i % communes.length];
            boolean bad = i % 10_000 == 9_999;
            content.add(line("bulk-" + i, "Lieu n° " + i, bad ? "01999" : c[0], c[1], c[2], "46.2" + (i % 10), "5.2" + (i % 7),
                    "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien", i % 3 == 0 ? "Illettrisme" : "",
                    "Gratuit"));
        }
        byte[] csv = file(StandardCharsets.UTF_8, content.toArray(String[]::new));
        Http.loginAs(uri("/"), ORG.admin().email());
        long start = System.nanoTime();
        HttpResponse<String> started = upload(csv, true);
        assertEquals(202, started.statusCode(), started.body());
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        List<Integer> seen = new ArrayList<>();
        JsonObject state;
        long end = System.currentTimeMillis() + 600_000;
        do {
            Thread.sleep(500);
            state = Http.json(Http.get(location));
            seen.add(state.getInt("percent"));
            assertTrue(System.currentTimeMillis() < end, "not finished in 10 minutes: " + state);
        } while (!state.getBoolean("finished"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("DirectoryIT: import of %d lines (%d KB) in %d ms; percentages seen: %s%n", lines, csv.length / 1024,
                ms, seen.stream().distinct().toList());
        assertEquals("DONE", state.getString("status"), state.toString());
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= 0 && seen.get(i) <= 100, "a percentage: " + seen);
            assertTrue(i == 0 || seen.get(i) >= seen.get(i - 1), "the progress never goes back: " + seen);
        }
        assertEquals(100, seen.get(seen.size() - 1), "a finished import says 100 %: " + seen);
        assertTrue(seen.stream().anyMatch(p -> p < 100), "the progress was read before the end, so it was watched move: " + seen);
        assertEquals(lines, state.getInt("linesChecked"));
        assertEquals(5, state.getInt("linesInvalid"));
        assertEquals(lines - 5, state.getInt("linesStored"));
        assertTrue(state.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .allMatch(p -> p.getString("field").equals("code_insee") && (p.getInt("line") - 1) % 10_000 == 0), state.toString());
        assertEquals(lines - 5, count("SELECT COUNT(*) FROM place WHERE id LIKE 'bulk-%'"));
        System.out.println("DirectoryIT: heap after import: " + heap());
    }

    private String heap() {
        try {
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(uri("/metrics/base")).header("Accept", "application/json"));
            if (r.statusCode() != 200) {
                return "(no metrics: " + r.statusCode() + ")";
            }
            JsonObject m = Http.json(r);
            return m.keySet().stream().filter(k -> k.startsWith("memory.")).map(k -> k + "=" + m.get(k)).toList().toString();
        } catch (RuntimeException e) {
            return "(no metrics)";
        }
    }

    /** A diagnostic of worker A whose proposal has directory needs, and its needs. */
    private JsonObject diagnosticWithNeeds(String who) {
        Http.loginAs(uri("/"), who);
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics"), DiagnosticApiIT.URGENT_WITHOUT_DEVICE, Map.of());
        assertEquals(201, r.statusCode(), r.body());
        JsonObject d = Http.json(r);
        assertFalse(d.getJsonObject("orientation").getJsonArray("needs").isEmpty(), d.toString());
        return d;
    }

    @Test
    void placesAreProposedFromTheCommuneThenTheEpciThenTheDepartementWithTheNeededCare() throws Exception {
        JsonObject d = diagnosticWithNeeds(ORG.worker().email());
        JsonObject need = d.getJsonObject("orientation").getJsonArray("needs").getJsonObject(0);
        String service = need.getString("service");
        List<String> prises = need.getJsonArray("priseEnChargeSpecifique").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        String care = String.join("|", prises);
        importAndWait(file(StandardCharsets.UTF_8, HEADER,
                line("rank-dep", "Lieu du département", "48092", "48100", "Marvejols", "44.55", "3.29", service, care, "Gratuit"),
                line("rank-epci", "Lieu de l'intercommunalité", "48013", "48000", "Badaroux", "44.53", "3.54", service, care, "Gratuit"),
                line("rank-commune-payant", "Lieu payant de la commune", "48095", "48000", "Mende", "44.518", "3.501", service, care, "Payant"),
                line("rank-commune", "Lieu de la commune", "48095", "48000", "Mende", "44.517", "3.500", service, care, "Gratuit"),
                line("rank-other-dep", "Lieu d'un autre département", "12202", "12000", "Rodez", "44.35", "2.57", service, care, "Gratuit")
        ), false);
        if (!prises.isEmpty()) {
            importAndWait(file(StandardCharsets.UTF_8, HEADER,
                    line("rank-no-care", "Lieu sans la prise en charge", "48095", "48000", "Mende", "44.517", "3.500", service, "", "Gratuit")), false);
        }

        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> r = Http.postJson(uri("/api/v1/diagnostics/" + d.getString("id") + "/places"),
                "{\"commune\": \"48095\", \"limit\": 50}", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = Http.json(r);
        assertEquals("Mende", result.getJsonObject("commune").getString("nom"));
        JsonObject first = result.getJsonArray("needs").getJsonObject(0);
        List<String> ids = first.getJsonArray("places").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).filter(id -> id.startsWith("rank-")).toList();
        assertEquals(List.of("rank-commune", "rank-commune-payant", "rank-epci", "rank-dep"), ids, result.toString());
        JsonObject best = first.getJsonArray("places").getJsonObject(0);
        assertEquals("COMMUNE", best.getString("territoire"));
        assertTrue(best.getJsonArray("pourquoi").getValuesAs(JsonString.class).stream()
                .anyMatch(w -> w.getString().equals("Dans la commune de la personne (Mende)")), best.toString());
        assertEquals("48095", text("SELECT commune_code FROM diagnostic_territory WHERE diagnostic_id = '" + d.getString("id") + "'"));
        assertEquals("244800405", text("SELECT epci_code FROM diagnostic_territory WHERE diagnostic_id = '" + d.getString("id") + "'"));
        assertTrue(count("SELECT COUNT(*) FROM journal_entry WHERE action = 'PLACES_SEARCH' AND target = '" + d.getString("id")
                + "' AND allowed") >= 1, "the search is journaled");

        Http.loginAs(uri("/"), ORG.lead().email());
        assertEquals(200, Http.postJson(uri("/api/v1/diagnostics/" + d.getString("id") + "/places"),
                "{\"commune\": \"48095\"}", Map.of()).statusCode(), "the team lead sees the team's diagnostics");
        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        assertEquals(404, Http.postJson(uri("/api/v1/diagnostics/" + d.getString("id") + "/places"),
                "{\"commune\": \"48095\"}", Map.of()).statusCode(), "another team's diagnostic does not exist");
        assertTrue(count("SELECT COUNT(*) FROM journal_entry WHERE action = 'PLACES_SEARCH' AND target = '" + d.getString("id")
                + "' AND NOT allowed") >= 1, "the refusal is journaled");
        HttpResponse<String> badCommune = Http.postJson(uri("/api/v1/diagnostics/" + d.getString("id") + "/places"),
                "{\"commune\": \"48000\"}", Map.of());
        assertEquals(400, badCommune.statusCode(), "a postal code is not a commune");
    }

    @Test
    void aNeedNoPlaceMeetsIsRecordedOnceAndShownToTheTeamLeadOnly() throws Exception {
        JsonObject d = diagnosticWithNeeds(ORG.worker().email());
        String id = d.getString("id");
        int needs = (int) d.getJsonObject("orientation").getJsonArray("needs").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("service") + n.getJsonArray("priseEnChargeSpecifique")).distinct().count();
        String body = "{\"commune\": \"15014\"}"; // Aurillac (Cantal): no place in the département
        JsonObject result = Http.json(Http.postJson(uri("/api/v1/diagnostics/" + id + "/places"), body, Map.of()));
        JsonObject first = result.getJsonArray("needs").getJsonObject(0);
        assertTrue(first.getBoolean("unmet"), result.toString());
        assertTrue(first.getString("message").startsWith("Aucun lieu du département (Cantal)"), first.toString());
        Http.postJson(uri("/api/v1/diagnostics/" + id + "/places"), body, Map.of());
        assertEquals(needs, count("SELECT COUNT(*) FROM unmet_need WHERE diagnostic_id = '" + id + "'"), "once per need");
        assertEquals(1, count("SELECT COUNT(DISTINCT commune_code) FROM unmet_need WHERE diagnostic_id = '" + id
                + "' AND commune_code = '15014' AND departement_code = '15' AND team_id = '" + ORG.team() + "'"));

        String otherTeams = diagnosticWithNeeds(ORG.otherTeamWorker().email()).getString("id");
        Http.postJson(uri("/api/v1/diagnostics/" + otherTeams + "/places"), body, Map.of());

        Http.loginAs(uri("/"), ORG.lead().email());
        HttpResponse<String> view = Http.get(uri("/api/v1/team/unmet-needs"));
        assertEquals(200, view.statusCode(), view.body());
        JsonObject unmet = Http.json(view);
        JsonArray groups = unmet.getJsonArray("groups");
        JsonObject aurillac = groups.getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getJsonObject("commune").getString("code").equals("15014")).findFirst().orElseThrow();
        assertEquals("Aurillac", aurillac.getJsonObject("commune").getString("nom"));
        assertEquals("Cantal", aurillac.getJsonObject("departement").getString("nom"));
        assertNotNull(aurillac.getJsonObject("epci"));
        List<String> listed = groups.getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("diagnostics").getValuesAs(JsonString.class).stream()).map(JsonString::getString).toList();
        assertTrue(listed.contains(id));
        assertFalse(listed.contains(otherTeams), "another team's diagnostics are not shown");
        assertTrue(count("SELECT COUNT(*) FROM journal_entry WHERE action = 'UNMET_NEEDS_READ' AND target = '" + id + "'") >= 1);

        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(403, Http.get(uri("/api/v1/team/unmet-needs")).statusCode());
    }

    @Test
    void onlyAnAdministratorImportsAndCommunesAreFoundForTheSearchBox() {
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(403, upload(file(StandardCharsets.UTF_8, HEADER), false).statusCode());
        HttpResponse<String> communes = Http.get(uri("/api/v1/territories/communes?q=villeneuve%20d%27as"));
        assertEquals(200, communes.statusCode());
        JsonObject vda = Http.json("{\"c\":" + communes.body() + "}").getJsonArray("c").getJsonObject(0);
        assertEquals("59009", vda.getString("code"));
        assertEquals("Métropole Européenne de Lille", vda.getJsonObject("epci").getString("nom"));
        Http.loginAs(uri("/"), ORG.analyst().email());
        assertEquals(403, upload(file(StandardCharsets.UTF_8, HEADER), false).statusCode());
        Http.asHost(HOST_KEY);
        assertEquals(403, Http.get(uri("/api/v1/territories/communes?q=lille")).statusCode());
    }

    @Test
    void theFictitiousDemoSetImportsCleanlyAndIsMarkedSo() throws Exception {
        byte[] demo;
        try (InputStream in = DirectoryIT.class.getResourceAsStream("/demo/lieux-fictifs-nord.csv")) {
            demo = in.readAllBytes();
        }
        JsonObject report = importAndWait(demo, false);
        assertEquals("DONE", report.getString("status"), report.toString());
        assertEquals(0, report.getInt("problemCount"));
        assertTrue(report.getInt("linesStored") >= 30);
        assertEquals(report.getInt("linesStored"), count("SELECT COUNT(*) FROM place WHERE organisation_id = '" + ORG.id() + "' AND id LIKE 'demo-fictif-%' "
                + "AND source LIKE '%FICTIF%' AND nom LIKE '%(ficti%' AND departement_code = '59'"));
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject place = Http.json(Http.get(uri("/api/v1/places/demo-fictif-lille-fs-wazemmes")));
        assertEquals("59350", place.getString("code_insee"));
        assertEquals("Aide aux démarches administratives", place.getJsonArray("services").getString(0));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

}
