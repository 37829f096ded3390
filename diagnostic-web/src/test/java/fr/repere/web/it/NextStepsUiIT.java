package fr.repere.web.it;

import jakarta.json.JsonArray;
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

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The screens after the result, in a real headless Chromium on Payara Micro with MariaDB: places for
 * the person's commune, a referral and its printed slip; the mandate step of an ON_BEHALF orientation
 * (prepared, attestation printed, signed with the fingerprint of a scan computed in the browser, a
 * category revoked); the dossier's referrals and their status; the team lead's dashboard and a
 * drill-down; the administrator's directory import with its report and « import the valid lines »;
 * navigation per role. axe-core on every screen, reflow at 200 % zoom, a keyboard-only pass.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NextStepsUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("nextstepsui");

    /** Questionnaire 1.0, the vignette « Personne sans aucun appareil, inscription urgente »: MEDIATOR. */
    private static final String READY_TO_LEARN = """
            {"caseRef": "CASE-42", "answers": {"CTX_DEMARCHE_EN_COURS": "URGENTE", "CTX_DEMARCHE_TYPE": ["FRANCE_TRAVAIL"],
             "ACC_EQUIPEMENT": ["AUCUN"], "ACC_CREDIT_EPUISE": "PAS_DE_TELEPHONE", "ACC_COURRIEL": "NON", "ACC_FRANCECONNECT": "NON",
             "ACC_IMPRIMANTE": "AILLEURS", "MOT_INTERET": "OBLIGE", "MOT_CRAINTE": "UN_PEU", "MOT_APPRENDRE": "PEUT_ETRE",
             "MOT_DISPONIBILITE": "OUI", "MOT_DELEGATION": "AVEC_QUELQU_UN", "BAN_COMPTE": "AVEC_CARTE", "BAN_PAIEMENT": "NON",
             "BAN_BUDGET": "SOUVENT", "CTX_FRANCAIS_ORAL": "FACILE", "CTX_FRANCAIS_ECRIT": "UN_PEU", "CTX_HANDICAP": ["AUCUN"],
             "CTX_AIDE": ["TRAVAILLEUR_SOCIAL"], "CTX_AGE": "AGE_45_64"}}""";

    @ArquillianResource
    private URL base;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void openBrowserWithTheDemoDirectory() throws Exception {
        byte[] demo;
        try (InputStream in = NextStepsUiIT.class.getResourceAsStream("/demo/lieux-fictifs-nord.csv")) {
            demo = in.readAllBytes();
        }
        assertEquals("DONE", importByApi(demo).getString("status"), "the fictitious places of the Nord (idempotent)");
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
    void fromTheAcceptedOrientationToAPlaceAReferralAndThePrintedSlip() {
        String caseRef = unique("UI-LIEU");
        String id = diagnosticByApi(caseRef, READY_TO_LEARN);
        logIn(ORG.worker().email(), "/resultat/" + id);
        browser.waitForHeading("Résultat du diagnostic");
        assertTrue(browser.driver.findElement(By.cssSelector(".orientation")).getText().contains("médiateur"));
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("decision-titre")).getText().contains("Décision enregistrée") ? true : null);
        assertTrue(browser.driver.findElements(By.id("mandat")).isEmpty(), "no mandate step for a mediator");

        searchPlaces("Lille", "59350");
        WebElement title = browser.waitFor(d -> d.findElement(By.id("lieux-titre")));
        assertTrue(title.getText().contains("Lille"), title.getText());
        WebElement place = browser.driver.findElement(By.cssSelector(".besoin .lieu"));
        String name = place.findElement(By.cssSelector(".lieu__nom")).getText();
        assertTrue(name.contains("(fictif)"), name);
        assertTrue(place.getText().contains("Horaires") && place.getText().contains("Pour y aller"), place.getText());
        checkPage("lieux proposés", "10-lieux-proposes");

        place.findElement(By.xpath(".//button[normalize-space()='Orienter vers ce lieu']")).click();
        WebElement bring = browser.waitFor(d -> place.findElement(By.tagName("textarea")));
        bring.sendKeys("Votre pièce d'identité et la convocation de France Travail");
        place.findElement(By.xpath(".//button[normalize-space()=\"Confirmer l'orientation\"]")).click();
        WebElement done = browser.waitFor(d -> place.findElement(By.cssSelector(".orientation-faite")));
        assertTrue(done.getText().contains("Ouverte / En cours de traitement"), done.getText());
        browser.waitFor(d -> d.findElement(By.id("orientations-faites")).findElements(By.cssSelector(".orientation-lieu")).size() == 1 ? true : null);
        checkPage("orientation enregistrée", "11-orientation-enregistree");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonArray referrals = array(Http.get(uri("/api/v1/referrals?diagnostic=" + id)));
        assertEquals(1, referrals.size());
        JsonObject referral = referrals.getJsonObject(0);
        assertEquals(name, referral.getJsonObject("place").getString("nom"));
        assertEquals("OPEN", referral.getString("status"));

        // the slip, as printed: the place's name, address, hours, how to get there
        String slip = done.findElement(By.cssSelector("a.lien-fiche")).getAttribute("href");
        assertEquals(url(referral.getString("slip")), slip);
        browser.driver.get(slip);
        browser.waitForHeading("Fiche d'orientation");
        String text = browser.driver.findElement(By.tagName("body")).getText();
        JsonObject p = referral.getJsonObject("place");
        assertTrue(text.contains(p.getString("nom")), text);
        assertTrue(text.contains(p.getString("adresse")) && text.contains(p.getString("code_postal") + " " + p.getString("commune")), text);
        assertTrue(text.contains("Horaires d'ouverture") && text.contains(p.getJsonArray("horairesEnFrancais").getString(0).substring(1)), text);
        assertTrue(text.contains("Comment prendre contact") && text.contains("Téléphone : " + p.getString("telephone")), text);
        assertTrue(text.contains("convocation de France Travail"), text);
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        browser.screenshot("12-fiche-orientation");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        browser.assertAccessible("fiche d'orientation");
    }

    @Test
    void anOnBehalfOrientationLeadsToTheMandateSignedWithAFingerprintAndACategoryRevoked() throws Exception {
        String caseRef = unique("UI-MANDAT");
        String id = diagnosticByApi(caseRef, DiagnosticApiIT.URGENT_WITHOUT_DEVICE);
        logIn(ORG.worker().email(), "/resultat/" + id);
        browser.waitForHeading("Résultat du diagnostic");
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        WebElement step = browser.waitFor(d -> d.findElement(By.id("mandat")));
        WebElement prepare = browser.waitFor(d -> d.findElement(By.cssSelector(".mandat-preparation")));
        assertTrue(step.getText().contains("Repère ne conserve jamais les mots de passe de la personne"), step.getText());
        List<WebElement> suggested = prepare.findElements(By.cssSelector("input[name=categories]:checked"));
        assertFalse(suggested.isEmpty(), "the rule's proposal is checked");
        checkPage("mandat à préparer", "13-mandat-a-preparer");

        // a person of a commune whose département has no place: the unmet need is said plainly
        searchPlaces("Aurillac", "15014");
        WebElement unmet = browser.waitFor(d -> d.findElement(By.cssSelector(".besoin-non-couvert")));
        assertTrue(unmet.getText().contains("Aucun lieu du département (Cantal)"), unmet.getText());

        prepare.findElement(By.xpath(".//button[normalize-space()='Préparer le mandat']")).click();
        WebElement card = browser.waitFor(d -> d.findElements(By.cssSelector(".mandat--awaiting_signature")).stream().findFirst().orElse(null));
        String attestation = card.findElement(By.cssSelector("a[id^=attestation-]")).getAttribute("href");
        checkPage("mandat en attente de signature", "14-mandat-a-signer");

        // the worker prints the attestation…
        String resultPage = browser.driver.getCurrentUrl();
        browser.driver.get(attestation);
        String printed = browser.waitFor(d -> d.findElement(By.tagName("h1"))).getText();
        assertTrue(printed.toLowerCase().contains("mandat"), printed);
        browser.assertAccessible("attestation de mandat");
        browser.driver.get(resultPage);

        // …the person signs, the scan's fingerprint is computed in the browser, the file is never sent
        Path scan = Files.createTempFile("attestation-signee", ".pdf");
        Files.writeString(scan, "%PDF-1.4 attestation signée (test) " + caseRef);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(scan)));
        WebElement awaiting = browser.waitFor(d -> d.findElement(By.cssSelector(".mandat--awaiting_signature")));
        awaiting.findElement(By.cssSelector("input[type=file]")).sendKeys(scan.toString());
        browser.waitFor(d -> d.findElement(By.cssSelector(".empreinte")).getText().contains(sha) ? true : null);
        browser.driver.findElement(By.cssSelector("label[for^=signe-]")).click();
        browser.driver.findElement(By.xpath("//button[normalize-space()='Enregistrer la signature']")).click();
        WebElement active = browser.waitFor(d -> d.findElement(By.cssSelector(".mandat--active")));
        assertTrue(active.getText().contains("Mandat : Actif"), active.getText());

        WebElement first = active.findElement(By.cssSelector(".autorisation"));
        String category = first.findElement(By.cssSelector(".autorisation__nom")).getText();
        first.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Noter une démarche faite')]")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector(".mandat--active details")).getAttribute("textContent").contains("Utilisation") ? true : null);
        browser.waitFor(d -> d.findElement(By.cssSelector(".mandat--active .autorisation"))).findElement(
                By.xpath(".//button[starts-with(normalize-space(), 'Révoquer')]")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector(".mandat .autorisation")).getText().contains("Révoquée") ? true : null);
        checkPage("mandat actif, une démarche révoquée", "15-mandat-actif");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject mandate = array(Http.get(uri("/api/v1/mandates?diagnostic=" + id))).getJsonObject(0);
        assertEquals(sha, mandate.getString("attestationSha256"), "the fingerprint computed by the browser");
        JsonObject revoked = mandate.getJsonArray("autorisations").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("label").equals(category)).findFirst().orElseThrow();
        assertTrue(revoked.getBoolean("revoked"), mandate.toString());
        assertEquals(suggested.size() > 1 ? "ACTIVE" : "REVOKED", mandate.getString("status"), mandate.toString());

        // the dossier shows the person's mandates and their status
        browser.driver.get(url("/dossier"));
        browser.waitForHeading("Parcours d'une personne");
        browser.driver.findElement(By.id("dossier")).sendKeys(caseRef, Keys.ENTER);
        WebElement inDossier = browser.waitFor(d -> d.findElement(By.cssSelector("#mandats-titre + * ~ .mandat, .mandat")));
        assertTrue(inDossier.getText().contains("Mandat : " + mandate.getString("statusLabel")), inDossier.getText());
        assertTrue(inDossier.getText().contains("Révoquée"), inDossier.getText());
        browser.assertAccessible("dossier, mandats");
    }

    @Test
    void theNextStepsCanBeDoneWithTheKeyboardOnly() {
        String id = diagnosticByApi(unique("UI-CLAVIER-SUITE"), READY_TO_LEARN);
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(200, Dossiers.decide(uri("/"), id, "{\"orientation\": \"MEDIATOR\", \"actions\": [], \"reason\": \"Entretien au clavier\"}").statusCode());
        logIn(ORG.worker().email(), "/resultat/" + id);
        browser.waitForHeading("Résultat du diagnostic");
        browser.waitFor(d -> d.findElement(By.id("commune")));

        tabTo(e -> "commune".equals(e.getAttribute("id")));
        keys("Lille", Keys.ENTER);
        browser.waitFor(d -> !d.findElements(By.id("lieux-titre")).isEmpty() || !d.findElements(By.id("commune-59350")).isEmpty() ? true : null);
        if (browser.driver.findElements(By.id("lieux-titre")).isEmpty()) {
            // several communes: the focus is on the first choice; arrows move to Lille, Enter searches
            for (int i = 0; i < 12 && !browser.driver.findElement(By.id("commune-59350")).isSelected(); i++) {
                keys(Keys.ARROW_DOWN);
            }
            keys(Keys.ENTER);
        }
        browser.waitFor(d -> d.findElement(By.id("lieux-titre")));
        tabTo(e -> e.getText().equals("Orienter vers ce lieu"));
        keys(Keys.ENTER);
        WebElement bring = browser.waitFor(d -> d.findElements(By.cssSelector(".orienter textarea")).stream().findFirst().orElse(null));
        assertEquals(bring, browser.driver.switchTo().activeElement(), "the focus goes to the form of the chosen place");
        keys("Sa carte Vitale");
        tabTo(e -> e.getText().equals("Confirmer l'orientation"));
        keys(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector(".orientation-faite")));
        tabTo(e -> e.getText().startsWith("Imprimer la fiche d'orientation"));
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(1, array(Http.get(uri("/api/v1/referrals?diagnostic=" + id))).size());
    }

    @Test
    void theDossierShowsReferralsWithTheirStatusAndARefusalNeedsAReason() throws Exception {
        String caseRef = unique("UI-DOSSIER");
        String id = diagnosticByApi(caseRef, READY_TO_LEARN);
        String waiting = Dossiers.referral(uri("/"), id);
        // sent 11 days ago, reminded by the hourly job: the worker sees it to chase up
        Instant sent = Instant.now().minus(Duration.ofDays(11)).truncatedTo(ChronoUnit.MILLIS);
        execute("UPDATE referral SET created_at = ?, status_changed_at = ?, reminded_at = ? WHERE id = ?",
                sent, sent, Instant.now().minus(Duration.ofDays(1)), waiting);
        Dossiers.referral(uri("/"), id);
        Dossiers.referral(uri("/"), id);
        logIn(ORG.worker().email(), "/dossier");
        browser.waitForHeading("Parcours d'une personne");
        WebElement reminders = browser.waitFor(d -> d.findElement(By.id("relances-titre")));
        assertTrue(reminders.getText().startsWith("Orientations à relancer"), reminders.getText());
        assertFalse(browser.driver.findElements(By.cssSelector("#relances a[href='/resultat/" + id + "']")).isEmpty());
        browser.driver.findElement(By.id("dossier")).sendKeys(caseRef, Keys.ENTER);
        List<WebElement> cards = browser.waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".orientation-lieu")).stream()
                    .filter(c -> !waiting.equals(c.getAttribute("data-referral"))).toList();
            return found.size() == 2 ? found : null;
        });
        assertTrue(cards.get(0).getText().contains("Ouverte / En cours de traitement"), cards.get(0).getText());

        // a refusal without its reason is pointed out, then recorded with it
        String first = cards.get(0).getAttribute("data-referral");
        new org.openqa.selenium.support.ui.Select(cards.get(0).findElement(By.tagName("select"))).selectByValue("REFUSED");
        cards.get(0).findElement(By.xpath(".//button[normalize-space()='Enregistrer le statut']")).click();
        WebElement error = browser.waitFor(d -> d.findElement(By.cssSelector(".orientation-lieu .alerte--erreur")));
        assertTrue(error.getText().contains("motif"), error.getText());
        checkPage("dossier, refus sans motif", "16-dossier-refus-sans-motif");
        cards.get(0).findElement(By.tagName("textarea")).sendKeys("Plus de place avant le mois prochain");
        cards.get(0).findElement(By.xpath(".//button[normalize-space()='Enregistrer le statut']")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-referral='" + first + "'] .statut--refused")));
        WebElement refused = browser.driver.findElement(By.cssSelector("[data-referral='" + first + "']"));
        assertTrue(refused.getText().contains("Motif du refus : Plus de place avant le mois prochain"), refused.getText());

        WebElement second = browser.driver.findElements(By.cssSelector(".orientation-lieu")).stream()
                .filter(c -> !first.equals(c.getAttribute("data-referral"))).findFirst().orElseThrow();
        String other = second.getAttribute("data-referral");
        new org.openqa.selenium.support.ui.Select(second.findElement(By.tagName("select"))).selectByValue("ACCEPTED");
        second.findElement(By.xpath(".//button[normalize-space()='Enregistrer le statut']")).click();
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-referral='" + other + "'] .statut--accepted")));
        browser.driver.findElement(By.cssSelector("[data-referral='" + other + "'] details summary")).click();
        checkPage("dossier, orientations et statuts", "17-dossier-orientations");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject r = Http.json(Http.get(uri("/api/v1/referrals/" + first)));
        assertEquals("REFUSED", r.getString("status"));
        assertEquals("Plus de place avant le mois prochain", r.getString("refusalReason"));
        assertEquals("ACCEPTED", Http.json(Http.get(uri("/api/v1/referrals/" + other))).getString("status"));
    }

    @Test
    void theTeamLeadSeesTheTeamsFiguresAndDrillsDownToTheDossiers() throws Exception {
        String caseRef = unique("UI-EQUIPE");
        String id = diagnosticByApi(caseRef, READY_TO_LEARN);
        String referral = Dossiers.referral(uri("/"), id);
        assertEquals(200, Dossiers.status(uri("/"), referral, "{\"status\": \"REFUSED\", \"reason\": \"Complet jusqu'en juin\"}").statusCode());
        Http.postJson(uri("/api/v1/diagnostics/" + id + "/places"), "{\"commune\": \"15014\"}", Map.of()); // unmet in the Cantal

        // a worker neither sees the dashboard in the menu nor can open it
        logIn(ORG.worker().email(), "/equipe");
        browser.waitForHeading("Accès réservé");
        assertFalse(menuLinks().contains("Tableau de l'équipe"), menuLinks().toString());
        assertTrue(menuLinks().contains("Nouveau diagnostic"));
        browser.assertAccessible("accès réservé");
        browser.driver.findElement(By.id("deconnexion")).click();
        browser.waitForHeading("Se connecter");

        logIn(ORG.lead().email(), "/equipe");
        browser.waitForHeading("Tableau de l'équipe");
        browser.waitFor(d -> d.findElement(By.cssSelector(".tableau table")));
        assertTrue(menuLinks().contains("Tableau de l'équipe"), menuLinks().toString());
        assertFalse(menuLinks().contains("Annuaire des lieux"));
        String page = browser.driver.findElement(By.id("contenu")).getText();
        for (String heading : List.of("Suivi des orientations et des mandats", "Besoins non couverts", "Par travailleur social",
                "Orientations refusées", "Orientations sans réponse depuis plus de 10 jours", "Mandats qui expirent dans les 30 jours",
                "Orientations proposées modifiées par le travailleur social", "Cantal")) {
            assertTrue(page.contains(heading), heading + " in " + page);
        }
        checkPage("tableau de l'équipe", "18-tableau-equipe");

        browser.driver.findElement(By.cssSelector("a[href^='/equipe?liste=refusees']")).click();
        browser.waitForHeading("Orientations refusées");
        WebElement table = browser.waitFor(d -> d.findElement(By.cssSelector(".tableau table")));
        assertTrue(table.getText().contains(caseRef) && table.getText().contains("Complet jusqu'en juin"), table.getText());
        checkPage("orientations refusées", "19-equipe-orientations-refusees");
        browser.driver.findElement(By.linkText(caseRef)).click();
        browser.waitForHeading("Résultat du diagnostic");

        browser.driver.navigate().back();
        browser.waitForHeading("Orientations refusées");
        browser.driver.findElement(By.linkText("Retour au tableau de l'équipe")).click();
        browser.waitForHeading("Tableau de l'équipe");
        browser.waitFor(d -> d.findElement(By.cssSelector("a[href*='liste=besoins'][href*='commune=15014']"))).click();
        browser.waitForHeading("Besoins non couverts");
        WebElement needs = browser.waitFor(d -> d.findElement(By.cssSelector(".tableau table")));
        assertTrue(needs.getText().contains("Aurillac"), needs.getText());
        assertFalse(browser.driver.findElements(By.cssSelector(".tableau a[href='/resultat/" + id + "']")).isEmpty(),
                "the diagnostic behind the unmet need");
        checkPage("besoins non couverts", "20-equipe-besoins-non-couverts");
    }

    @Test
    void theAdministratorImportsAFileSeesTheLineByLineReportThenImportsTheValidLines() throws Exception {
        String good = unique("ui-import-ok");
        String bad = unique("ui-import-faux");
        List<String> demo;
        try (InputStream in = NextStepsUiIT.class.getResourceAsStream("/demo/lieux-fictifs-nord.csv")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String line = demo.get(1);
        Path csv = Files.createTempFile("lieux", ".csv");
        Files.writeString(csv, String.join("\n", demo.get(0), line.replace("demo-fictif-lille-fs-wazemmes", good),
                line.replace("demo-fictif-lille-fs-wazemmes", bad).replace(",59000,59350,", ",59000,5935X,")) + "\n");

        logIn(ORG.admin().email(), "/");
        browser.waitForHeading("Importer l'annuaire des lieux");
        assertEquals(url("/annuaire"), browser.driver.getCurrentUrl(), "an administrator starts at the directory");
        assertEquals(List.of("Annuaire des lieux", "Logiciels métier", "Se déconnecter"), menuLinks());
        checkPage("import de l'annuaire", "21-import-annuaire");

        browser.driver.findElement(By.id("fichier")).sendKeys(csv.toString());
        browser.driver.findElement(By.xpath("//button[normalize-space()='Importer le fichier']")).click();
        WebElement report = browser.waitFor(d -> d.findElement(By.id("rapport-titre")));
        String text = browser.driver.findElement(By.id("rapport")).getText();
        assertTrue(text.contains("rien n'a été importé"), text);
        WebElement problem = browser.driver.findElement(By.cssSelector("#rapport table tbody tr"));
        assertTrue(problem.getText().startsWith("3 code_insee 5935X"), problem.getText());
        assertEquals(0, count("SELECT COUNT(*) FROM place WHERE id = ?", good), "a file with errors imports nothing");
        assertTrue(report.isDisplayed());
        checkPage("rapport d'import", "22-import-rapport");

        browser.driver.findElement(By.id("importer-valides")).click();
        browser.waitFor(d -> d.findElement(By.id("rapport")).getText().contains("Lieux créés : 1") ? true : null);
        assertEquals(1, count("SELECT COUNT(*) FROM place WHERE id = ?", good));
        assertEquals(0, count("SELECT COUNT(*) FROM place WHERE id = ?", bad));
        checkPage("import des lignes valides", "23-import-lignes-valides");
    }

    @Test
    void theNewScreensAddressesServeThePage() {
        for (String path : List.of("/equipe", "/annuaire")) {
            HttpResponse<String> page = Http.get(uri(path));
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("/assets/js/main.js"), path);
        }
    }

    // --- helpers

    private JsonObject importByApi(byte[] csv) throws InterruptedException {
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> started = Http.post(uri("/api/v1/directory/imports"), "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(csv), Map.of());
        assertEquals(202, started.statusCode(), started.body());
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        for (int i = 0; i < 600; i++) {
            JsonObject state = Http.json(Http.get(location));
            if (state.getBoolean("finished")) {
                return state;
            }
            Thread.sleep(200);
        }
        return fail("the import did not finish");
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
            return r.readArray();
        }
    }

    /** Types the commune and searches; when several communes match, picks the one of this INSEE code. */
    private void searchPlaces(String commune, String code) {
        WebElement input = browser.waitFor(d -> d.findElement(By.id("commune")));
        input.clear();
        input.sendKeys(commune);
        browser.driver.findElement(By.xpath("//button[normalize-space()='Chercher les lieux']")).click();
        browser.waitFor(d -> !d.findElements(By.id("lieux-titre")).isEmpty() || !d.findElements(By.id("commune-" + code)).isEmpty() ? true : null);
        if (browser.driver.findElements(By.id("lieux-titre")).isEmpty()) {
            browser.assertAccessible("choix de la commune");
            browser.driver.findElement(By.cssSelector("label[for='commune-" + code + "']")).click();
            browser.driver.findElement(By.xpath("//button[normalize-space()='Chercher les lieux']")).click();
        }
        browser.waitFor(d -> d.findElement(By.id("lieux-titre")).getText().contains(commune) ? true : null);
    }

    private List<String> menuLinks() {
        return browser.driver.findElements(By.cssSelector("#menu a, #menu button")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private void checkPage(String page, String screenshot) {
        browser.assertAccessible(page);
        browser.assertReflowsAtDoubleZoom(page);
        browser.screenshot(screenshot);
    }

    private void logIn(String email, String path) {
        browser.driver.get(url(path));
        browser.waitForHeading("Se connecter");
        browser.logIn(email);
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/connexion") ? null : true);
    }

    private String diagnosticByApi(String caseRef, String body) {
        Http.loginAs(uri("/"), ORG.worker().email());
        String withCase = body.contains("\"caseRef\"") ? body.replaceFirst("\"caseRef\": \"[^\"]*\"", "\"caseRef\": \"" + caseRef + "\"")
                : body.replaceFirst("\\{", "{\"caseRef\": \"" + caseRef + "\", ");
        HttpResponse<String> created = Http.postJson(uri("/api/v1/diagnostics"), withCase, Map.of());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("id");
    }

    private void tabTo(Predicate<WebElement> target) {
        browser.tabTo(120, target);
    }

    private void keys(CharSequence... keys) {
        browser.keys(keys);
    }

    private String url(String path) {
        return Browser.localUrl(base, path);
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
