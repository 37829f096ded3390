package fr.repere.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tablet shared by several agents, in a real headless Chromium (one browser profile for the whole
 * test, as on a shared device): what the device keeps of an interview belongs to the agent who
 * answered, is removed when they log out or another agent logs in, and is never shown without that
 * agent's session — while an agent who loses the network still loses no answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SharedTabletUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("sharedtablet");

    @ArquillianResource
    private URL base;

    private Browser browser;
    private NetworkCut network;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser();
        // the browser reaches Payara through a relay the test can cut: page, API and service worker alike
        network = new NetworkCut(base.getHost(), base.getPort());
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (network != null) {
            network.close();
        }
        if (browser != null) {
            System.out.println("browser console during " + test.getDisplayName() + ":" + browser.console());
            browser.close();
        }
    }

    @Test
    void afterALogoutTheNextAgentOfAnotherTeamFindsNoTraceOfTheInterview() {
        String caseRef = unique("UI-TABLETTE-A");
        String id = startInterview(ORG.worker().email(), caseRef);
        Map<String, List<String>> given = answerTwoSteps();
        assertTrue(device().contains(id) && device().contains(caseRef), "kept on the device while the interview goes on");

        logOut();
        browser.waitForHeading("Se connecter");
        assertNoTraceOf(caseRef, id, "after agent A logged out");

        browser.logIn(ORG.otherTeamWorker().email());
        browser.waitForHeading("Nouveau diagnostic");
        assertEquals("", browser.driver.findElement(By.id("dossier")).getDomProperty("value"));
        assertTrue(browser.driver.findElements(By.id("en-cours")).isEmpty(), "no interview offered to resume");
        assertTrue(browser.driver.findElements(By.cssSelector("a[href='/entretien/" + id + "']")).isEmpty());
        assertFalse(browser.driver.findElement(By.tagName("body")).getText().contains(caseRef));
        assertNoTraceOf(caseRef, id, "once agent B (team B) logged in");
        browser.assertAccessible("nouveau diagnostic, appareil d'un autre agent");

        // without network nor session, A's interview address shows no answer
        logOut();
        browser.waitForHeading("Se connecter");
        network.cut();
        browser.driver.get(root() + "/entretien/" + id);
        assertShowsNoAnswer(caseRef);

        // A's answers reached the server, where A finds them again
        network.restore();
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(given, answersOnServer(id));
    }

    @Test
    void offlineTheDeviceCopyShowsOnlyInTheAgentsOwnTabAndAnotherAgentsLoginRemovesIt() {
        String caseRef = unique("UI-TABLETTE-HORS");
        String id = startInterview(ORG.worker().email(), caseRef);
        Map<String, List<String>> online = answerStep();
        waitSaved();
        next();
        browser.waitForHeading("Accès");
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return navigator.serviceWorker.controller !== null;")) ? true : null);

        // the network drops: the answers wait on the device
        network.cut();
        Map<String, List<String>> offline = answerStep();
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().contains("Hors connexion") ? true : null);
        String ownTab = browser.driver.getWindowHandle();

        // another tab, still offline, does not know whose session it is: nothing of the interview
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(root() + "/entretien/" + id);
        assertShowsNoAnswer(caseRef);
        browser.driver.close();
        browser.driver.switchTo().window(ownTab);

        // the agent's own tab, reloaded offline: the answers are there, and leave when the network returns
        browser.driver.navigate().refresh();
        browser.waitForHeading("Accès");
        offline.forEach((question, codes) -> codes.forEach(code -> assertTrue(
                browser.driver.findElement(By.id(question + "--" + code)).isSelected(), question + " kept after reload")));
        network.restore();
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
        Map<String, List<String>> all = new LinkedHashMap<>(online);
        all.putAll(offline);
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(all, answersOnServer(id));

        // A walks away without logging out; B logs in on the same device: A's copy goes
        assertTrue(device().contains(caseRef));
        browser.driver.get(root() + "/connexion");
        browser.logIn(ORG.otherTeamWorker().email());
        browser.waitForHeading("Nouveau diagnostic");
        assertTrue(browser.driver.findElements(By.id("en-cours")).isEmpty(), "no interview offered to resume");
        assertNoTraceOf(caseRef, id, "once agent B logged in after agent A");
    }

    @Test
    void loggingOutWithAnswersNotSentWarnsAndErasesThemOnlyOnceConfirmed() {
        String caseRef = unique("UI-TABLETTE-ENVOI");
        String id = startInterview(ORG.worker().email(), caseRef);
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return navigator.serviceWorker.controller !== null;")) ? true : null);
        network.cut();
        Map<String, List<String>> offline = answerStep();
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().contains("Hors connexion") ? true : null);

        // logging out offline: the answers cannot leave, the agent is told before anything is erased
        logOut();
        WebElement warning = browser.waitForHeading("Des réponses ne sont pas encore envoyées");
        String page = browser.driver.findElement(By.id("contenu")).getText();
        assertTrue(page.contains("Dossier " + caseRef + " : " + unsent(offline.size())), page);
        assertTrue(page.contains("effacées de cet appareil"), page);
        assertTrue(device().contains(caseRef), "nothing erased before the agent decides");
        assertEquals(warning, browser.driver.switchTo().activeElement(), "the focus goes to the warning");
        browser.assertAccessible("déconnexion, réponses non envoyées");
        browser.assertReflowsAtDoubleZoom("déconnexion, réponses non envoyées");
        browser.screenshot("24-deconnexion-reponses-non-envoyees");

        // the network returns: « Réessayer » sends them, then logs out
        network.restore();
        browser.driver.findElement(By.xpath("//button[normalize-space()=\"Réessayer l'envoi puis se déconnecter\"]")).click();
        browser.waitForHeading("Se connecter");
        assertNoTraceOf(caseRef, id, "after a logout that sent everything");
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(offline, answersOnServer(id));
        assertEquals(401, sessionStatusInBrowser(), "the session is over");

        // again offline, and the agent logs out anyway: erased from the device, session ended once back online
        String lostRef = unique("UI-TABLETTE-PERDU");
        String lost = startInterview(ORG.worker().email(), lostRef);
        network.cut();
        answerStep();
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().contains("Hors connexion") ? true : null);
        logOut();
        browser.waitForHeading("Des réponses ne sont pas encore envoyées");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Se déconnecter et effacer ces réponses']")).click();
        browser.waitForHeading("Se connecter");
        assertNoTraceOf(lostRef, lost, "after a logout that erased unsent answers");
        network.restore();
        browser.driver.get(root() + "/connexion");
        browser.waitForHeading("Se connecter");
        browser.waitFor(d -> sessionStatusInBrowser() == 401 ? true : null);
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(Map.of(), answersOnServer(lost), "answers erased unsent, as the agent was warned");
    }

    // --- helpers

    private String startInterview(String agent, String caseRef) {
        browser.driver.get(root() + "/diagnostic/nouveau?case=" + caseRef);
        browser.waitForHeading("Se connecter");
        browser.logIn(agent);
        browser.waitForHeading("Nouveau diagnostic");
        browser.driver.findElement(By.id("accord")).click();
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/entretien/") ? true : null);
        browser.waitForHeading("La démarche à faire");
        String current = browser.driver.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
    }

    /** Answers the first two steps (first option of each question); waits until the server has them. */
    private Map<String, List<String>> answerTwoSteps() {
        Map<String, List<String>> given = new LinkedHashMap<>(answerStep());
        waitSaved();
        next();
        browser.waitForHeading("Accès");
        given.putAll(answerStep());
        waitSaved();
        return given;
    }

    /** Answers every visible question of the step with its first option (follow-up questions included). */
    private Map<String, List<String>> answerStep() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        boolean more = true;
        while (more) {
            more = false;
            for (WebElement fieldset : browser.driver.findElements(By.cssSelector("fieldset.question"))) {
                if (!fieldset.isDisplayed() || !fieldset.findElements(By.cssSelector("input:checked")).isEmpty()) {
                    continue;
                }
                String code = fieldset.getAttribute("id").substring(2);
                String option = fieldset.findElement(By.tagName("input")).getAttribute("value");
                browser.driver.findElement(By.cssSelector("label[for='" + code + "--" + option + "']")).click();
                given.put(code, List.of(option));
                more = true;
            }
        }
        return given;
    }

    private static String unsent(int count) {
        return count == 1 ? "1 réponse non envoyée" : count + " réponses non envoyées";
    }

    private void next() {
        browser.driver.findElement(By.xpath("//button[normalize-space()='Étape suivante']")).click();
    }

    private void waitSaved() {
        browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
    }

    private void logOut() {
        browser.driver.findElement(By.id("deconnexion")).click();
    }

    /** Everything the page's origin keeps on the device: both storages, Cache Storage (URLs and bodies), IndexedDB's names. */
    private String device() {
        Object kept = ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => {"
                + "  let out = JSON.stringify(localStorage) + JSON.stringify(sessionStorage);"
                + "  for (const name of await caches.keys()) {"
                + "    const cache = await caches.open(name);"
                + "    for (const request of await cache.keys()) {"
                + "      out += '\\n' + request.url + '\\n' + await (await cache.match(request)).text();"
                + "    }"
                + "  }"
                + "  out += JSON.stringify((await indexedDB.databases()).map(d => d.name));"
                + "  return out;"
                + "})().then(done, e => done('error: ' + e));");
        assertFalse(String.valueOf(kept).startsWith("error: "), String.valueOf(kept));
        return String.valueOf(kept);
    }

    private void assertNoTraceOf(String caseRef, String id, String when) {
        String kept = device();
        Object keys = browser.js("return JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)]);");
        assertFalse(kept.contains(caseRef), when + ": the case reference is still on the device, keys " + keys);
        assertFalse(kept.contains(id), when + ": the interview is still on the device, keys " + keys);
        assertEquals(0L, browser.js("return Object.keys(localStorage).filter(k => k.startsWith('repere:entretien')).length;"), when);
    }

    private void assertShowsNoAnswer(String caseRef) {
        WebElement heading = browser.waitForHeading("Entretien");
        String page = browser.driver.findElement(By.id("contenu")).getText();
        assertEquals("Entretien", heading.getText(), page);
        assertTrue(page.contains("connectez-vous"), page);
        assertFalse(page.contains(caseRef), page);
        assertTrue(browser.driver.findElements(By.cssSelector("fieldset.question, input:checked")).isEmpty(), page);
        browser.assertAccessible("entretien hors connexion sans session");
    }

    /** GET /api/v1/session from the page: 200 while a session is open. */
    private long sessionStatusInBrowser() {
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/session', {cache: 'no-store'}).then(r => done(r.status), () => done(0));");
        return ((Number) status).longValue();
    }

    private Map<String, List<String>> answersOnServer(String id) {
        JsonObject answers = Http.json(Http.get(uri("/api/v1/drafts/" + id))).getJsonObject("answers");
        Map<String, List<String>> out = new LinkedHashMap<>();
        answers.forEach((q, v) -> out.put(q, v.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        return out;
    }

    private String root() {
        return "http://localhost:" + network.port();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
