package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview screens in a real headless Chromium, on Payara Micro with MariaDB: a whole interview
 * from the host's launch URL to the accepted orientation, an override, a network cut half-way,
 * keyboard-only use, the dossier over time; axe-core on every page, reflow at 200 % zoom, the
 * weight of the first page. Screenshots for docs/guide-utilisateur.md are taken on the way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InterviewUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("interviewui");

    /** Questionnaire 1.0: no device, no bank account, a quarterly declaration due this month. */
    static final Map<String, List<String>> URGENT_WITHOUT_DEVICE = Map.ofEntries(
            Map.entry("CTX_DEMARCHE_EN_COURS", List.of("URGENTE")), Map.entry("CTX_DEMARCHE_TYPE", List.of("DECLARATION_TRIMESTRIELLE")),
            Map.entry("ACC_EQUIPEMENT", List.of("AUCUN")), Map.entry("ACC_CREDIT_EPUISE", List.of("PAS_DE_TELEPHONE")),
            Map.entry("ACC_COURRIEL", List.of("NON")), Map.entry("ACC_FRANCECONNECT", List.of("NON")),
            Map.entry("ACC_IMPRIMANTE", List.of("NON")), Map.entry("MOT_INTERET", List.of("OBLIGE")),
            Map.entry("MOT_CRAINTE", List.of("BEAUCOUP")), Map.entry("MOT_APPRENDRE", List.of("PEUT_ETRE")),
            Map.entry("MOT_DISPONIBILITE", List.of("DIFFICILE")), Map.entry("MOT_DELEGATION", List.of("A_MA_PLACE")),
            Map.entry("BAN_COMPTE", List.of("AUCUN")), Map.entry("BAN_BUDGET", List.of("SOUVENT")),
            Map.entry("CTX_FRANCAIS_ORAL", List.of("FACILE")), Map.entry("CTX_FRANCAIS_ECRIT", List.of("DIFFICILE")),
            Map.entry("CTX_HANDICAP", List.of("AUCUN")), Map.entry("CTX_AIDE", List.of("PERSONNE")),
            Map.entry("CTX_AGE", List.of("AGE_45_64")));

    @ArquillianResource
    private URL base;

    private Browser browser;

    /** Durations (ms) of the API calls the questionnaire page made, as the browser measured them. */
    private List<Number> apiDurations = List.of();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            System.out.println("browser console during " + test.getDisplayName() + ":" + browser.console());
            browser.close();
        }
    }

    @Test
    void aWholeInterviewFromTheLaunchUrlToTheAcceptedOrientation() {
        browser.driver.get(url("/diagnostic/nouveau?case=UI-LANCEMENT-1"));
        browser.waitForHeading("Se connecter");
        checkPage("connexion", "01-connexion");
        logIn(ORG.worker().email());

        browser.waitForHeading("Nouveau diagnostic");
        assertEquals(url("/diagnostic/nouveau"), browser.driver.getCurrentUrl(), "the case reference leaves the address bar");
        assertEquals("UI-LANCEMENT-1", browser.driver.findElement(By.id("dossier")).getDomProperty("value"));
        checkPage("nouveau diagnostic", "02-nouveau-diagnostic");

        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector(".alerte--erreur")));
        assertTrue(browser.driver.findElement(By.cssSelector(".alerte--erreur")).getText().contains("accord"));
        browser.assertAccessible("nouveau diagnostic, accord manquant");

        browser.driver.findElement(By.id("accord")).click();
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        String id = interviewId();

        // the first step: the hint one tap away
        browser.waitForHeading("La démarche à faire");
        WebElement hint = browser.driver.findElement(By.cssSelector("#q-CTX_DEMARCHE_EN_COURS details summary"));
        hint.click();
        assertTrue(browser.driver.findElement(By.cssSelector("#q-CTX_DEMARCHE_EN_COURS details p")).isDisplayed());
        answerVisible(URGENT_WITHOUT_DEVICE);
        waitSaved();
        checkPage("questionnaire, étape 1", "03-questionnaire");

        // a step left unanswered is pointed out, not skipped
        next();
        browser.waitForHeading("Accès");
        next();
        WebElement summary = browser.waitFor(d -> d.findElement(By.cssSelector(".alerte--erreur")));
        assertTrue(summary.getText().contains("sans réponse"), summary.getText());
        checkPage("questionnaire, réponses manquantes", "04-reponses-manquantes");

        List<String> titles = completeQuestionnaire(URGENT_WITHOUT_DEVICE, true);
        assertEquals(List.of("Accès : appareils et connexion", "Envie et confiance", "Banque et budget",
                "La situation de la personne"), titles, "one dimension a step; without a device, no skills step");

        browser.waitForHeading("Résultat du diagnostic");
        assertEquals(url("/resultat/" + id), browser.driver.getCurrentUrl());
        assertTrue(browser.driver.findElements(By.cssSelector(".niveau")).size() >= 4);
        assertTrue(browser.driver.findElement(By.cssSelector(".orientation")).getText().contains("Faire à la place"),
                browser.driver.findElement(By.cssSelector(".orientation")).getText());
        checkPage("résultat", "05-resultat");

        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("decision-titre")).getText().contains("Décision enregistrée") ? true : null);
        assertTrue(browser.driver.findElement(By.id("mandat")).getText().contains("mandat"));
        assertTrue(browser.driver.findElement(By.id("structures")).isDisplayed());
        checkPage("décision et suite du parcours", "06-decision-et-suite");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject diagnostic = Http.json(Http.get(uri("/api/v1/diagnostics/" + id)));
        assertEquals("UI-LANCEMENT-1", diagnostic.getString("caseRef"));
        assertFalse(diagnostic.isNull("consentAt"), "consent is recorded: " + diagnostic);
        assertEquals("ON_BEHALF", diagnostic.getJsonObject("decision").getString("orientation"));
        assertFalse(diagnostic.getJsonObject("decision").getBoolean("overridden"));
        assertEquals(URGENT_WITHOUT_DEVICE.keySet(), diagnostic.getJsonObject("answers").keySet());
        stepTimes();
    }

    @Test
    void anOverrideNeedsAReasonAndIsRecordedWithIt() {
        String id = diagnosticByApi("UI-AUTRE-1", DiagnosticApiIT.AUTONOMOUS_PERSON);
        browser.driver.get(url("/connexion"));
        logIn(ORG.worker().email());
        browser.waitForHeading("Nouveau diagnostic");
        browser.driver.get(url("/resultat/" + id));
        browser.waitForHeading("Résultat du diagnostic");

        browser.driver.findElement(By.id("choix-autre")).click();
        new Select(browser.driver.findElement(By.id("orientation"))).selectByValue("MEDIATOR");
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        WebElement error = browser.waitFor(d -> d.findElement(By.cssSelector(".alerte--erreur")));
        assertTrue(error.getText().contains("raison"), error.getText());
        checkPage("décision, raison manquante", "07-autre-choix-raison");

        browser.driver.findElement(By.id("raison")).sendKeys("Vit seul, a peur de se tromper : préfère être accompagné au début.");
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("decision-titre")).getText().contains("Décision enregistrée") ? true : null);
        assertTrue(browser.driver.findElement(By.cssSelector(".carte--decision")).getText().contains("préfère être accompagné"));
        browser.assertAccessible("décision modifiée");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject decision = Http.json(Http.get(uri("/api/v1/diagnostics/" + id))).getJsonObject("decision");
        assertEquals("MEDIATOR", decision.getString("orientation"));
        assertTrue(decision.getBoolean("overridden"));
        assertTrue(decision.getString("reason").startsWith("Vit seul"));
    }

    @Test
    void aNetworkCutHalfWayLosesNoAnswerEvenAcrossAReload() throws Exception {
        // the browser reaches Payara through a relay the test cuts: page, API and service worker all lose the network
        try (NetworkCut network = new NetworkCut(base.getHost(), base.getPort())) {
            String root = "http://localhost:" + network.port();
            String id = interviewUpToAccess(root + "/diagnostic/nouveau?case=UI-RESEAU-1");
            assertEquals(1, browser.driver.findElements(By.id("q-BAN_TELEPHONE")).size(), "asked right after the question it follows");
            assertEquals(0, browser.driver.findElements(By.id("q-COMP_MANIPULATION")).size(), "skills have their own step");
            browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return navigator.serviceWorker.controller !== null;")) ? true : null);

            // the network drops: answers stay on the tablet, and the worker sees it
            network.cut();
            Map<String, List<String>> givenOffline = answerVisible(Map.of());
            WebElement status = browser.driver.findElement(By.id("enregistrement"));
            browser.waitFor(d -> status.getText().contains("Hors connexion") ? true : null);
            assertTrue(status.getText().contains("gardées sur cet appareil"), status.getText());
            checkPage("questionnaire hors connexion", "08-hors-connexion");

            // the page is reloaded without network: the screens come from the tablet's copy (service
            // worker), the answers from what the device kept; nothing has reached the server yet
            browser.driver.navigate().refresh();
            browser.waitForHeading("Accès");
            givenOffline.forEach((question, codes) -> codes.forEach(code -> assertTrue(
                    browser.driver.findElement(By.id(question + "--" + code)).isSelected(), question + " kept after reload")));
            browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().contains("Hors connexion") ? true : null);
            Http.loginAs(uri("/"), ORG.worker().email());
            JsonObject onServer = Http.json(Http.get(uri("/api/v1/drafts/" + id))).getJsonObject("answers");
            assertFalse(onServer.containsKey("ACC_EQUIPEMENT"), "not sent yet: " + onServer);

            // the network returns: everything is sent, by itself
            network.restore();
            browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
            JsonObject sent = Http.json(Http.get(uri("/api/v1/drafts/" + id))).getJsonObject("answers");
            givenOffline.forEach((question, codes) -> assertEquals(codes, sent.getJsonArray(question).getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), question));

            next();
            List<String> titles = completeQuestionnaire(Map.of(), false);
            assertTrue(titles.get(0).startsWith("Compétences"), "one dimension at a time: " + titles);
            browser.waitForHeading("Résultat du diagnostic");
            assertEquals(200, Http.get(uri("/api/v1/diagnostics/" + id)).statusCode());
            assertEquals(0L, browser.js("return Object.keys(localStorage).filter(k => k.startsWith('repere:entretien:')).length;"),
                    "the device forgets a completed interview");
        }
    }

    @Test
    void aDatabaseCrashHalfWayLosesNoAnswer() {
        String id = interviewUpToAccess(uri("/diagnostic/nouveau?case=UI-PANNE-1").toString());

        // MariaDB dies: Payara still answers, 503 with Retry-After; the tablet keeps the answers and says why
        TestDatabase.server().kill();
        Map<String, List<String>> givenDuringCrash;
        try {
            givenDuringCrash = answerVisible(Map.of());
            WebElement status = browser.driver.findElement(By.id("enregistrement"));
            browser.waitFor(d -> status.getText().contains("Serveur momentanément indisponible") ? true : null);
            assertTrue(status.getText().contains("gardées sur cet appareil"), status.getText());
            assertTrue(givenDuringCrash.containsKey("ACC_EQUIPEMENT"), givenDuringCrash.toString());
        } finally {
            TestDatabase.server().restart();
        }

        // the database back (crash recovery), the tablet sends everything by itself, after the server's Retry-After
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(90)).until(
                d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré"));
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject sent = Http.json(Http.get(uri("/api/v1/drafts/" + id))).getJsonObject("answers");
        givenDuringCrash.forEach((question, codes) -> assertEquals(codes, sent.getJsonArray(question)
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList(), question));

        next();
        completeQuestionnaire(Map.of(), false);
        browser.waitForHeading("Résultat du diagnostic");
        assertEquals(200, Http.get(uri("/api/v1/diagnostics/" + id)).statusCode());
    }

    @Test
    void anInterviewCanBeDoneWithTheKeyboardOnly() {
        browser.driver.get(url("/diagnostic/nouveau?case=UI-CLAVIER-1"));
        browser.waitForHeading("Se connecter");
        tabTo(e -> "email".equals(e.getAttribute("id")));
        keys(ORG.worker().email());
        tabTo(e -> "mot-de-passe".equals(e.getAttribute("id")));
        keys(TestOrganisations.PASSWORD, Keys.ENTER);
        browser.waitForHeading("Nouveau diagnostic");

        tabTo(e -> "accord".equals(e.getAttribute("id")));
        keys(Keys.SPACE);
        tabTo(e -> e.getText().contains("Commencer l'entretien"));
        keys(Keys.ENTER);
        String id = interviewId();

        List<String> titles = new ArrayList<>();
        while (!browser.driver.getCurrentUrl().contains("/resultat/")) {
            assertTrue(titles.size() < 12, "too many steps");
            String title = browser.waitFor(d -> d.findElement(By.tagName("h1"))).getText();
            titles.add(title);
            while (true) { // in page order: an answer may show a follow-up question just below it
                WebElement fieldset = visibleQuestions().stream()
                        .filter(f -> f.findElements(By.cssSelector("input:checked")).isEmpty()).findFirst().orElse(null);
                if (fieldset == null) {
                    break;
                }
                String code = fieldset.getAttribute("id").substring(2);
                tabTo(e -> code.equals(e.getAttribute("name")));
                keys(Keys.SPACE);
            }
            tabTo(e -> e.getText().equals("Étape suivante") || e.getText().equals("Voir le résultat"));
            keys(Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().contains("/resultat/")
                    || !d.findElement(By.tagName("h1")).getText().equals(title) ? true : null);
        }
        browser.waitForHeading("Résultat du diagnostic");
        assertEquals(List.of("La démarche à faire", "Accès : appareils et connexion", "Compétences : se servir d'internet",
                "Envie et confiance", "Banque et budget", "La situation de la personne"), titles, "one dimension a step");
        tabTo(e -> e.getText().equals("Enregistrer la décision"));
        keys(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.id("decision-titre")).getText().contains("Décision enregistrée") ? true : null);
        Http.loginAs(uri("/"), ORG.worker().email());
        assertFalse(Http.json(Http.get(uri("/api/v1/diagnostics/" + id))).isNull("decision"));
    }

    @Test
    void theDossierShowsThePersonsDiagnosticsAndTheirProgress() {
        diagnosticByApi("UI-PARCOURS-1", DiagnosticApiIT.URGENT_WITHOUT_DEVICE);
        diagnosticByApi("UI-PARCOURS-1", DiagnosticApiIT.AUTONOMOUS_PERSON);

        // the API: team-scoped, case reference in the body
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> history = Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"UI-PARCOURS-1\"}", Map.of());
        assertEquals(200, history.statusCode(), history.body());
        JsonObject h = Http.json(history);
        assertEquals(2, h.getJsonArray("diagnostics").size());
        assertTrue(h.getJsonArray("progress").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("dimension").equals("ACCESS") && p.getString("trend").equals("BETTER")), h.toString());
        assertEquals(400, Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"\"}", Map.of()).statusCode());
        Http.loginAs(uri("/"), ORG.otherTeamWorker().email());
        JsonObject otherTeam = Http.json(Http.postJson(uri("/api/v1/dossiers/history"), "{\"caseRef\": \"UI-PARCOURS-1\"}", Map.of()));
        assertTrue(otherTeam.getJsonArray("diagnostics").isEmpty(), "another team's dossier reads as empty");

        // the screen
        browser.driver.get(url("/dossier"));
        browser.waitForHeading("Se connecter");
        logIn(ORG.worker().email());
        browser.waitForHeading("Parcours d'une personne");
        assertEquals(url("/dossier"), browser.driver.getCurrentUrl(), "back to the page asked for after logging in");
        browser.driver.findElement(By.id("dossier")).sendKeys("UI-PARCOURS-1", Keys.ENTER);
        WebElement progress = browser.waitFor(d -> d.findElement(By.cssSelector(".evolution")));
        assertTrue(progress.getText().contains("en progrès"), progress.getText());
        assertEquals(2, browser.driver.findElements(By.cssSelector(".chronologie > li")).size());
        checkPage("parcours d'une personne", "09-parcours");
    }

    @Test
    void theWorkerHandsThePersonACopyOfTheirDataAndErasesThemOnRequest() throws Exception {
        String caseRef = "UI-DROITS-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = diagnosticByApi(caseRef, DiagnosticApiIT.AUTONOMOUS_PERSON);
        java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("repere-downloads");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.driver.get(url("/dossier"));
        logIn(ORG.worker().email());
        browser.waitForHeading("Parcours d'une personne");
        browser.driver.findElement(By.id("dossier")).sendKeys(caseRef, Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.id("droits-titre")));

        // the right of access: a JSON copy of everything held, downloaded in the browser
        browser.driver.findElement(By.xpath("//button[contains(., \"droit d'accès\")]")).click();
        WebElement copied = browser.waitFor(d -> d.findElement(By.cssSelector("#droits-titre ~ div .alerte--succes")));
        assertTrue(copied.getText().startsWith("Copie téléchargée"), copied.getText());
        java.nio.file.Path file = downloads.resolve("repere-dossier-" + caseRef + ".json");
        browser.waitFor(d -> java.nio.file.Files.exists(file) ? true : null);
        JsonObject export;
        try (var reader = jakarta.json.Json.createReader(java.nio.file.Files.newBufferedReader(file))) {
            export = reader.readObject();
        }
        assertEquals(caseRef, export.getString("caseRef"));
        assertEquals(first, export.getJsonArray("diagnostics").getJsonObject(0).getString("id"));

        // erasure: a ground must be chosen, and the confirmation is in the page
        browser.driver.findElement(By.xpath("//button[contains(., \"droit à l'effacement\")]")).click();
        browser.driver.findElement(By.xpath("//button[contains(., 'Oui, effacer définitivement')]")).click();
        WebElement missing = browser.waitFor(d -> d.findElement(By.cssSelector("#droits-titre ~ div .alerte--erreur")));
        assertTrue(missing.getText().contains("Choisissez le motif"), missing.getText());
        browser.driver.findElement(By.cssSelector("label[for=motif-PERSON_REQUEST]")).click();
        checkPage("droits de la personne, confirmation de l'effacement", "18-droits-personne");
        browser.driver.findElement(By.xpath("//button[contains(., 'Oui, effacer définitivement')]")).click();
        WebElement erased = browser.waitFor(d -> d.findElement(By.cssSelector("#droits-titre ~ .alerte--succes")));
        assertTrue(erased.getText().startsWith("Données du dossier effacées : 1 diagnostic"), erased.getText());
        assertTrue(browser.driver.findElement(By.id("parcours-titre")).findElement(By.xpath("..")).getText()
                .contains("Aucun diagnostic pour ce dossier"));

        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(404, Http.get(uri("/api/v1/diagnostics/" + first)).statusCode(), "the diagnostic is gone");
        java.util.Set<String> journaled = Http.json(Http.postJson(uri("/api/v1/dossiers/export"), "{\"caseRef\": \"" + caseRef + "\"}", Map.of()))
                .getJsonArray("journal").stream().map(v -> v.asJsonObject().getString("action")).collect(java.util.stream.Collectors.toSet());
        assertTrue(journaled.containsAll(List.of("CASE_EXPORT", "CASE_ERASE")), journaled.toString());
    }

    @Test
    void consentIsRequiredToStartAndUiAddressesServeTheScreens() {
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> refused = Http.postJson(uri("/api/v1/drafts"), "{\"caseRef\": \"UI-ACCORD\"}", Map.of());
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("/consent"), refused.body());
        assertEquals(422, Http.postJson(uri("/api/v1/drafts"), "{\"consent\": false}", Map.of()).statusCode());
        HttpResponse<String> started = Http.postJson(uri("/api/v1/drafts"), "{\"caseRef\": \"UI-ACCORD\", \"consent\": true}", Map.of());
        assertEquals(201, started.statusCode(), started.body());
        assertFalse(Http.json(started).isNull("consentAt"));

        for (String path : List.of("/", "/connexion", "/diagnostic/nouveau", "/entretien/" + Http.json(started).getString("id"),
                "/resultat/00000000-0000-0000-0000-000000000000", "/dossier")) {
            HttpResponse<String> page = Http.get(uri(path));
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("/assets/js/main.js"), path);
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), path);
        }
    }

    @Test
    void theFirstPageWeighsLessThan300KilobytesAndUnknownPagesSaySo() {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.driver.get(url("/diagnostic/nouveau?case=UI-POIDS"));
        browser.waitForHeading("Se connecter");
        Number bytes = (Number) browser.js("return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".reduce((sum, e) => sum + e.transferSize, 0);");
        Number requests = (Number) browser.js("return performance.getEntriesByType('resource').length + 1;");
        System.out.printf("first page (launch URL → login screen, cold cache): %d bytes transferred in %d requests%n",
                bytes.longValue(), requests.longValue());
        assertTrue(bytes.longValue() > 0 && bytes.longValue() < 300_000, bytes + " bytes");

        logIn(ORG.worker().email());
        browser.waitForHeading("Nouveau diagnostic");
        browser.driver.get(url("/diagnostic/inconnu"));
        browser.waitForHeading("Page introuvable");
        browser.assertAccessible("page introuvable");
    }

    // --- helpers

    /** Logs in from a new interview's address, consents, answers the first step and reaches « Accès »; the interview's id. */
    private String interviewUpToAccess(String address) {
        browser.driver.get(address);
        browser.waitForHeading("Se connecter");
        logIn(ORG.worker().email());
        browser.waitForHeading("Nouveau diagnostic");
        browser.driver.findElement(By.id("accord")).click();
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        String id = interviewId();
        browser.waitForHeading("La démarche à faire");
        answerVisible(Map.of());
        waitSaved();
        next();
        browser.waitForHeading("Accès");
        return id;
    }

    private void checkPage(String page, String screenshot) {
        browser.assertAccessible(page);
        browser.assertReflowsAtDoubleZoom(page);
        browser.screenshot(screenshot);
    }

    private void logIn(String email) {
        browser.logIn(email);
    }

    private String interviewId() {
        browser.waitFor(d -> d.getCurrentUrl().contains("/entretien/") ? true : null);
        String current = browser.driver.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
    }

    private List<WebElement> visibleQuestions() {
        return browser.driver.findElements(By.cssSelector("fieldset.question")).stream().filter(WebElement::isDisplayed).toList();
    }

    /** Answers every visible unanswered question of the step: the profile's answer, or the first option. */
    private Map<String, List<String>> answerVisible(Map<String, List<String>> profile) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        boolean more = true;
        while (more) {
            more = false;
            for (WebElement fieldset : visibleQuestions()) {
                if (!fieldset.findElements(By.cssSelector("input:checked")).isEmpty()) {
                    continue;
                }
                String code = fieldset.getAttribute("id").substring(2);
                List<String> codes = profile.getOrDefault(code,
                        List.of(fieldset.findElement(By.tagName("input")).getAttribute("value")));
                codes.forEach(c -> browser.driver.findElement(By.cssSelector("label[for='" + code + "--" + c + "']")).click());
                given.put(code, codes);
                more = true; // an answer may show a follow-up question
            }
        }
        return given;
    }

    private void next() {
        browser.driver.findElement(By.xpath("//button[normalize-space()='Étape suivante' or normalize-space()='Voir le résultat']")).click();
    }

    private void waitSaved() {
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
    }

    /** Answers step after step until the result; returns the steps' titles. */
    private List<String> completeQuestionnaire(Map<String, List<String>> profile, boolean check) {
        List<String> titles = new ArrayList<>();
        while (!browser.driver.getCurrentUrl().contains("/resultat/")) {
            assertTrue(titles.size() < 12, "too many steps: " + titles);
            String title = browser.waitFor(d -> d.findElement(By.tagName("h1"))).getText();
            titles.add(title);
            answerVisible(profile);
            waitSaved();
            if (check) {
                browser.assertAccessible("questionnaire : " + title);
                browser.assertReflowsAtDoubleZoom("questionnaire : " + title);
            }
            @SuppressWarnings("unchecked")
            List<Number> durations = (List<Number>) browser.js("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/v1/drafts/')).map(e => e.duration);");
            apiDurations = durations;
            next();
            browser.waitFor(d -> d.getCurrentUrl().contains("/resultat/")
                    || !d.findElement(By.tagName("h1")).getText().equals(title) ? true : null);
        }
        return titles;
    }

    private void tabTo(Predicate<WebElement> target) {
        browser.tabTo(80, target);
    }

    private void keys(CharSequence... keys) {
        browser.keys(keys);
    }

    private String diagnosticByApi(String caseRef, String body) {
        Http.loginAs(uri("/"), ORG.worker().email());
        String withCase = body.contains("\"caseRef\"") ? body.replaceFirst("\"caseRef\": \"[^\"]*\"", "\"caseRef\": \"" + caseRef + "\"")
                : body.replaceFirst("\\{", "{\"caseRef\": \"" + caseRef + "\", ");
        HttpResponse<String> created = Http.postJson(uri("/api/v1/diagnostics"), withCase, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    /** How long each saved answer took, seen from the browser (Resource Timing), printed for docs/performance.md. */
    private void stepTimes() {
        assertFalse(apiDurations.isEmpty(), "the questionnaire saved its answers");
        List<Double> sorted = new ArrayList<>(apiDurations.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("answers saved to the draft (PATCH, seen by the browser): %d calls, median %.0f ms, max %.0f ms%n",
                sorted.size(), median, sorted.get(sorted.size() - 1));
        // the bar (< 100 ms on localhost) is measured on a quiet machine, docs/performance.md; here
        // the build shares two cores with other work, so only a regression is caught
        assertTrue(median < 300, "median save " + median + " ms");
    }

    private String url(String path) {
        return Browser.localUrl(base, path);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
