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

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * « Interroger la CAF ou la MSA (facultatif) » in the interview screen, in a headless Chromium
 * against TestCafStub (the failsafe configuration enables the consultation and the CDAP link): an
 * RSA beneficiary found while the questionnaire goes on, and the rules' mandate proposal using it;
 * no file at the CAF, asked with the keyboard only; the CAF cut off, and the interview completed
 * all the same. axe-core on the panel. The tests run in any order: each starts with the CAF's
 * circuit breaker closed ({@link CafSteps#closeCircuit()}) and counts the stub's requests for a
 * first name of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CafUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("cafui");

    /**
     * Questionnaire 1.0: no device, an urgent tax procedure, help wanted « à ma place »: « Faire à la
     * place ». The person does not mention a quarterly declaration: only the CAF can tell.
     */
    private static final Map<String, List<String>> URGENT_TAXES_WITHOUT_DEVICE = withProcedure(InterviewUiIT.URGENT_WITHOUT_DEVICE, "IMPOTS");

    private static Map<String, List<String>> withProcedure(Map<String, List<String>> answers, String procedure) {
        Map<String, List<String>> changed = new java.util.LinkedHashMap<>(answers);
        changed.put("CTX_DEMARCHE_TYPE", List.of(procedure));
        return Map.copyOf(changed);
    }

    private static final String RSA_FOUND = "Bénéficiaire du RSA : déclarations trimestrielles à faire en ligne";
    private static final String NO_FILE = "Aucun dossier trouvé à la CAF ou à la MSA pour cette personne";
    private static final String NO_ANSWER = "La CAF ne répond pas pour l'instant : continuez sans ces informations";

    @ArquillianResource
    private URL base;

    private Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** This test's own first name: the stub's counts for it are this test's requests alone. */
    private final String prenom = CafSteps.ownFirstName();

    @BeforeEach
    void closedCircuitAndABrowser() throws InterruptedException {
        Http.loginAs(uri("/"), ORG.worker().email());
        new CafSteps(uri("/")).closeCircuit();
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
    void anRsaBeneficiaryIsFoundWhileTheInterviewGoesOnAndTheMandateProposalUsesIt() throws Exception {
        String id = startInterview("UI-CAF-RSA");
        WebElement panel = browser.waitFor(d -> d.findElement(By.id("caf")));
        assertTrue(panel.getText().contains("Interroger la CAF ou la MSA (facultatif)"), panel.getText());
        assertTrue(panel.getText().contains("Repère ne la conserve pas"), panel.getText());
        WebElement cdap = browser.driver.findElement(By.id("caf-cdap"));
        assertEquals("Ouvrir CDAP (CAF Pro) dans un nouvel onglet", cdap.getText());
        assertEquals("https://cdap.caf.invalid/", cdap.getAttribute("href"), "the link the server gives (REPERE_CAF_CDAP_URL)");
        assertEquals("_blank", cdap.getAttribute("target"));
        assertFalse(browser.driver.findElement(By.id("caf-nom")).isDisplayed(), "the form opens on demand only");
        browser.driver.findElement(By.cssSelector("#caf summary")).click();
        browser.assertAccessible("entretien, formulaire CAF ouvert");

        // without the person's consent, nothing leaves the page
        fillIdentity("ALLOCATAIRE", prenom, "0848");
        submitCaf();
        WebElement summary = browser.waitFor(d -> d.findElement(By.cssSelector("#caf .alerte--erreur")));
        assertTrue(summary.getText().contains("Accord de la personne"), summary.getText());
        assertEquals("true", browser.driver.findElement(By.id("caf-accord")).getAttribute("aria-invalid"));
        assertEquals(0, count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ?", id));

        // with it, the server checks the identity: the refused code is pointed out next to its field
        browser.driver.findElement(By.cssSelector("label[for=caf-accord]")).click();
        submitCaf();
        WebElement codeError = browser.waitFor(d -> d.findElement(By.id("caf-commune-champ-erreur")));
        assertTrue(codeError.getText().contains("5 caractères"), codeError.getText());
        assertEquals("true", browser.driver.findElement(By.id("caf-commune")).getAttribute("aria-invalid"));
        assertTrue(browser.driver.findElement(By.id("caf-commune")).getAttribute("aria-describedby").contains("caf-commune-champ-erreur"));
        assertTrue(browser.driver.findElement(By.cssSelector("#caf .alerte--erreur a")).getAttribute("href").endsWith("#caf-commune"));
        assertTrue(browser.driver.findElements(By.id("caf-accord-erreur")).isEmpty(), "the consent is given now");
        browser.assertAccessible("entretien, identité refusée par le serveur");
        assertEquals(0, count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ?", id));
        assertEquals(0, TestCafStub.calls("ALLOCATAIRE", prenom), "the CAF is not asked with a malformed identity");

        // corrected: the CAF is asked in the background, the answer comes into the live region
        type("caf-commune", "08480");
        submitCaf();
        WebElement status = browser.driver.findElement(By.id("caf-etat"));
        assertEquals("polite", status.getAttribute("aria-live"));
        browser.waitFor(d -> status.getText().contains(RSA_FOUND) ? true : null);
        assertEquals(List.of("FOUND"), strings("SELECT status FROM caf_consultation WHERE interview_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM caf_consultation WHERE interview_id = ? AND rsa AND quarterly_declarations", id));
        assertEquals(2, TestCafStub.calls("ALLOCATAIRE", prenom), "RSA and prime d'activité, nothing else");
        String device = (String) browser.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage);");
        assertFalse(device.contains("ALLOCATAIRE") || device.contains("08480"), "the identity is not kept on the device");
        checkPage("entretien, réponse de la CAF", "20-caf");

        // the questionnaire goes on; the answer stays in view from step to step
        answerVisible(URGENT_TAXES_WITHOUT_DEVICE);
        waitSaved();
        next();
        browser.waitForHeading("Accès");
        assertTrue(browser.driver.findElement(By.id("caf-etat")).getText().contains(RSA_FOUND));
        completeQuestionnaire(URGENT_TAXES_WITHOUT_DEVICE);

        browser.waitForHeading("Résultat du diagnostic");
        assertTrue(browser.driver.findElement(By.cssSelector(".orientation")).getText().contains("Faire à la place"));
        WebElement used = browser.waitFor(d -> d.findElement(By.id("caf-prise-en-compte")));
        assertEquals("USED", browser.driver.findElement(By.id("caf-note")).getAttribute("data-caf"), "said by the server");
        assertTrue(used.getText().contains("déclarations trimestrielles à faire en ligne"), used.getText());
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        WebElement mandate = browser.waitFor(d -> d.findElement(By.cssSelector(".mandat-preparation")));
        assertTrue(mandate.getText().contains("Déclaration trimestrielle (RSA, prime d'activité)"), mandate.getText());
        assertTrue(browser.driver.findElement(By.id("duree-SIX_MONTHS")).isSelected(), "the rules' proposal: two declarations");

        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject proposal = Http.json(Http.get(uri("/api/v1/diagnostics/" + id))).getJsonObject("orientation");
        assertEquals("ON_BEHALF", proposal.getString("primary"));
        assertEquals("SIX_MONTHS", proposal.getJsonObject("mandate").getString("duration"), proposal.toString());
    }

    @Test
    void noFileAtTheCafIsSaidPlainlyAndThePanelWorksWithTheKeyboard() throws Exception {
        String id = startInterview("UI-CAF-INCONNU");
        browser.waitFor(d -> d.findElement(By.id("caf")));
        tabTo(e -> e.getTagName().equals("summary") && e.getText().contains("Renseigner l'identité"));
        keys(Keys.ENTER);
        tabTo(e -> "caf-accord".equals(e.getAttribute("id")));
        keys(Keys.SPACE);
        tabTo(e -> "caf-nom".equals(e.getAttribute("id")));
        keys("INCONNU");
        tabTo(e -> "caf-prenom-1".equals(e.getAttribute("id")));
        keys("YVES");
        tabTo(e -> "caf-sexe".equals(e.getAttribute("name")));
        keys(Keys.SPACE);
        tabTo(e -> "caf-jour".equals(e.getAttribute("id")));
        keys("20", Keys.TAB, "09", Keys.TAB, "1980");
        tabTo(e -> "caf-commune".equals(e.getAttribute("id")));
        keys("08480");
        tabTo(e -> e.getText().equals("Interroger la CAF ou la MSA"));
        keys(Keys.ENTER);

        WebElement status = browser.driver.findElement(By.id("caf-etat"));
        browser.waitFor(d -> status.getText().contains(NO_FILE) ? true : null);
        assertEquals(status, browser.driver.switchTo().activeElement(), "the focus goes to the answer");
        assertEquals(List.of("NOT_FOUND"), strings("SELECT status FROM caf_consultation WHERE interview_id = ?", id));
        browser.assertAccessible("entretien, aucun dossier à la CAF");
    }

    @Test
    void withTheCafCutOffTheWorkerIsToldAndCompletesTheInterviewAnyway() throws Exception {
        String id = startInterview("UI-CAF-PANNE");
        browser.waitFor(d -> d.findElement(By.id("caf")));
        browser.driver.findElement(By.cssSelector("#caf summary")).click();
        browser.driver.findElement(By.cssSelector("label[for=caf-accord]")).click();
        fillIdentity("COUPURE", prenom, "08480");
        TestCafStub.cut(true);
        try {
            submitCaf();
            WebElement status = browser.driver.findElement(By.id("caf-etat"));
            browser.waitFor(d -> status.getText().contains("Demande en cours") ? true : null);

            // the worker does not wait: the questionnaire goes on while the CAF is asked
            answerVisible(URGENT_TAXES_WITHOUT_DEVICE);
            waitSaved();
            next();
            browser.waitForHeading("Accès");
            WebElement later = browser.driver.findElement(By.id("caf-etat"));
            browser.waitFor(d -> later.getText().contains(NO_ANSWER) ? true : null);
            assertEquals(List.of("UNAVAILABLE"), strings("SELECT status FROM caf_consultation WHERE interview_id = ?", id));
            browser.assertAccessible("entretien, la CAF ne répond pas");
        } finally {
            TestCafStub.cut(false);
        }
        completeQuestionnaire(URGENT_TAXES_WITHOUT_DEVICE);

        browser.waitForHeading("Résultat du diagnostic");
        assertTrue(browser.driver.findElement(By.cssSelector(".orientation")).getText().contains("Faire à la place"));
        browser.waitFor(d -> d.findElement(By.cssSelector("#caf-note[data-caf]")));
        assertEquals("NOT_USED", browser.driver.findElement(By.id("caf-note")).getAttribute("data-caf"));
        assertTrue(browser.driver.findElements(By.id("caf-prise-en-compte")).isEmpty(), "nothing learnt from the CAF");
        Http.loginAs(uri("/"), ORG.worker().email());
        JsonObject proposal = Http.json(Http.get(uri("/api/v1/diagnostics/" + id))).getJsonObject("orientation");
        assertEquals("ONE_MONTH", proposal.getJsonObject("mandate").getString("duration"), "the answers alone: " + proposal);
    }

    // --- helpers

    private String startInterview(String caseRef) {
        browser.driver.get(url("/diagnostic/nouveau?case=" + caseRef));
        browser.waitForHeading("Se connecter");
        browser.logIn(ORG.worker().email());
        browser.waitForHeading("Nouveau diagnostic");
        browser.driver.findElement(By.id("accord")).click();
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/entretien/") ? true : null);
        browser.waitForHeading("La démarche à faire");
        String current = browser.driver.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
    }

    /** The identity as on the civil-status records; the stub answers by the birth name. */
    private void fillIdentity(String nomNaissance, String prenom, String commune) {
        type("caf-nom", nomNaissance);
        type("caf-prenom-1", prenom);
        browser.driver.findElement(By.cssSelector("label[for=caf-sexe-M]")).click();
        type("caf-jour", "20");
        type("caf-mois", "09");
        type("caf-annee", "1980");
        type("caf-commune", commune);
    }

    private void type(String id, String text) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void submitCaf() {
        browser.driver.findElement(By.cssSelector("#caf-formulaire button[type=submit]")).click();
    }

    private void checkPage(String page, String screenshot) {
        browser.assertAccessible(page);
        browser.assertReflowsAtDoubleZoom(page);
        browser.screenshot(screenshot);
    }

    private List<WebElement> visibleQuestions() {
        return browser.driver.findElements(By.cssSelector("fieldset.question")).stream().filter(WebElement::isDisplayed).toList();
    }

    /** Answers every visible unanswered question of the step: the profile's answer, or the first option. */
    private void answerVisible(Map<String, List<String>> profile) {
        boolean more = true;
        while (more) {
            more = false;
            for (WebElement fieldset : visibleQuestions()) {
                if (!fieldset.findElements(By.cssSelector("input:checked")).isEmpty()) {
                    continue;
                }
                String code = fieldset.getAttribute("id").substring(2);
                List<String> codes = profile.getOrDefault(code, List.of(fieldset.findElement(By.tagName("input")).getAttribute("value")));
                codes.forEach(c -> browser.driver.findElement(By.cssSelector("label[for='" + code + "--" + c + "']")).click());
                more = true; // an answer may show a follow-up question
            }
        }
    }

    private void next() {
        browser.driver.findElement(By.xpath("//button[normalize-space()='Étape suivante' or normalize-space()='Voir le résultat']")).click();
    }

    private void waitSaved() {
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
    }

    /** Answers step after step until the result. */
    private void completeQuestionnaire(Map<String, List<String>> profile) {
        List<String> titles = new ArrayList<>();
        while (!browser.driver.getCurrentUrl().contains("/resultat/")) {
            assertTrue(titles.size() < 12, "too many steps: " + titles);
            String title = browser.waitFor(d -> d.findElement(By.tagName("h1"))).getText();
            titles.add(title);
            answerVisible(profile);
            waitSaved();
            next();
            browser.waitFor(d -> d.getCurrentUrl().contains("/resultat/")
                    || !d.findElement(By.tagName("h1")).getText().equals(title) ? true : null);
        }
    }

    private void tabTo(java.util.function.Predicate<WebElement> target) {
        browser.tabTo(80, target);
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
