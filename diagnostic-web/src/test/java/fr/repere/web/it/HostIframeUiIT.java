package fr.repere.web.it;

import fr.repere.web.dev.DemoHost;
import fr.repere.webhook.WebhookSignature;
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
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Repère inside a host system's iframe, in a real headless Chromium: the host is the run command's
 * demonstration host ({@link DemoHost}), started here with a key pair of its own and registered,
 * with its webhook, by this class's organisation's administrator. The host's page and Repère are
 * two sites, as in production, so the launch's session cookie is a partitioned third-party cookie.
 *
 * <p>Host names: Repère on http://127.0.0.1, the host's page on http://localhost (the reverse of the
 * run command). The tests set no public address (REPERE_PUBLIC_BASE_URL), so Repère writes its
 * {@code Location} headers with the local address the connection arrived on, never the Host
 * header: a launch posted to http://localhost would be redirected to http://[::1] or
 * http://127.0.0.1, where the cookie set for localhost is not sent. On 127.0.0.1 the redirect stays
 * on the cookie's host. Chromium treats 127.0.0.1, like localhost, as a secure context, so it keeps
 * the {@code Secure; SameSite=None; Partitioned} cookie over plain http.
 *
 * <p>The worker clicks « Diagnostic numérique » on the host's page, runs the whole interview inside
 * the iframe and records the decision (axe-core on each framed screen); the host's page then shows
 * the message Repère posted to it, and the host received the two webhooks, once each, signed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostIframeUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("hostiframe");

    @ArquillianResource
    private URL base;

    private Browser browser;
    private DemoHost host;
    /** The case the host's page shows, its reference in Repère. */
    private String caseRef;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void startHostAndBrowser() throws Exception {
        Path files = Files.createTempDirectory("hote-de-test");
        caseRef = unique("HOTE");
        host = DemoHost.start(new DemoHost.Settings(URI.create(repereOrigin()), 0, "localhost", files.resolve("cle.json"),
                files.resolve("webhook.json"), ORG.admin().email(), TestOrganisations.PASSWORD, List.of(ORG.team()),
                ORG.worker().email(), "sub-" + UUID.randomUUID(), caseRef), m -> System.out.println("[hôte de test] " + m));
        browser = new Browser();
    }

    @AfterEach
    void stop(TestInfo test) {
        if (browser != null) {
            System.out.println("browser console during " + test.getDisplayName() + ":" + browser.console());
            browser.close();
        }
        if (host != null) {
            host.close();
        }
        Http.anonymous();
    }

    @Test
    void aWholeInterviewInTheHostsIframeEndsWithTheMessageToTheHostAndTwoSignedWebhooks() throws Exception {
        assertTrue(host.origin().startsWith("http://localhost:") && repereOrigin().startsWith("http://127.0.0.1:"),
                "two sites: " + host.origin() + " and " + repereOrigin());
        browser.driver.get(host.page().toString());
        browser.waitForHeading("Dossier " + caseRef + " — Mme Exemple (fictive)");
        browser.assertAccessible("page du logiciel métier de démonstration", false);

        browser.driver.findElement(By.xpath("//button[normalize-space()='Diagnostic numérique']")).click();
        WebElement frame = browser.waitFor(d -> d.findElement(By.cssSelector("iframe[title='Repère']")).isDisplayed()
                ? d.findElement(By.cssSelector("iframe[title='Repère']")) : null);
        browser.driver.switchTo().frame(frame);

        // inside the iframe: Repère's own pages, on its own origin, the agent already in session
        browser.waitForHeading("Nouveau diagnostic");
        assertEquals(repereOrigin(), browser.js("return location.origin;"));
        assertEquals(caseRef, browser.driver.findElement(By.id("dossier")).getDomProperty("value"));
        assertSessionCookiePartitionedForTheHost();
        browser.assertAccessible("dans le cadre : nouveau diagnostic");
        browser.driver.findElement(By.id("accord")).click();
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitFor(d -> frameUrl().contains("/entretien/") ? true : null);

        List<String> steps = completeQuestionnaire(InterviewUiIT.URGENT_WITHOUT_DEVICE);
        assertFalse(steps.isEmpty());
        browser.waitForHeading("Résultat du diagnostic");
        String url = frameUrl();
        String diagnostic = url.substring(url.lastIndexOf('/') + 1);
        browser.assertAccessible("dans le cadre : résultat");
        browser.driver.findElement(By.cssSelector(".carte--decision button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("decision-titre")).getText().contains("Décision enregistrée") ? true : null);
        browser.assertAccessible("dans le cadre : décision enregistrée");

        // the host's page got Repère's message, from Repère's origin; it never left the host's page
        browser.driver.switchTo().defaultContent();
        assertEquals(host.page().toString(), browser.driver.getCurrentUrl());
        WebElement message = browser.waitFor(d -> {
            WebElement m = d.findElement(By.id("message-repere"));
            return "repere.diagnostic.decided".equals(m.getDomAttribute("data-type")) ? m : null;
        });
        assertEquals(repereOrigin(), message.getDomAttribute("data-origin"));
        assertEquals(diagnostic, message.getDomAttribute("data-diagnostic-id"));
        assertEquals(caseRef, message.getDomAttribute("data-case-ref"));
        assertTrue(message.getText().contains("Reçu de " + repereOrigin()) && message.getText().contains(diagnostic), message.getText());

        // the host's receiver got completed then decided, once each, signed with its secret
        List<DemoHost.Event> events = waitForEvents(2);
        Thread.sleep(3_000); // a second delivery of either would come now (the tests' retry delays are milliseconds)
        events = host.events();
        assertEquals(List.of("fr.repere.diagnostic.completed.v1", "fr.repere.diagnostic.decided.v1"),
                events.stream().map(DemoHost.Event::type).toList(), "each event exactly once, in order: " + events);
        assertEquals(2, events.stream().map(DemoHost.Event::webhookId).distinct().count());
        for (DemoHost.Event e : events) {
            assertTrue(e.verified(), "verified by the host: " + e);
            String expected = WebhookSignature.sign(e.webhookId(), Long.parseLong(e.timestamp()), e.body(), host.webhookSecret());
            assertTrue(List.of(e.signature().split(" ")).contains(expected), "and by Repère's own signing code: " + e.signature());
            assertEquals(diagnostic, e.diagnosticId());
            assertEquals(caseRef, e.subject());
        }
        assertEquals(2, count("SELECT COUNT(*) FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id "
                + "WHERE e.organisation_id = ? AND d.state = 'DELIVERED' AND d.attempts = 1", ORG.id()), "delivered at the first attempt");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id "
                + "WHERE e.organisation_id = ? AND d.state <> 'DELIVERED'", ORG.id()), "nothing left to send");

        // …and its page lists them, signature verified
        List<WebElement> listed = browser.waitFor(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#evenements li"));
            return items.size() == 2 ? items : null;
        });
        assertEquals(List.of("fr.repere.diagnostic.completed.v1", "fr.repere.diagnostic.decided.v1"),
                listed.stream().map(li -> li.getDomAttribute("data-type")).toList());
        for (WebElement li : listed) {
            assertTrue(li.getText().contains("signature vérifiée : oui"), li.getText());
        }
        browser.assertAccessible("page du logiciel métier, message et événements reçus", false);
    }

    /** Chromium keeps the launch's session cookie for Repère's address in the host site's partition only. */
    private void assertSessionCookiePartitionedForTheHost() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) browser.driver.executeCdpCommand("Storage.getCookies", Map.of())
                .get("cookies");
        Map<String, Object> session = cookies.stream().filter(c -> "JSESSIONID".equals(c.get("name")) && LoginRecords.LOOPBACK.equals(c.get("domain")))
                .findFirst().orElse(null);
        assertNotNull(session, "the session cookie: " + cookies);
        System.out.println("session cookie in the iframe: " + session);
        assertEquals(Boolean.TRUE, session.get("secure"), session.toString());
        assertEquals("None", session.get("sameSite"), session.toString());
        assertTrue(String.valueOf(session.get("partitionKey")).contains("http://localhost"), "partitioned by the host's site: " + session);
    }

    private List<DemoHost.Event> waitForEvents(int n) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            List<DemoHost.Event> events = host.events();
            if (events.size() >= n) {
                return events;
            }
            Thread.sleep(200);
        }
        return fail("the host did not receive " + n + " webhooks in time: " + host.events());
    }

    // --- the interview, as InterviewUiIT answers it

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

    /** Answers step after step until the result, axe-core on each step; the steps' titles. */
    private List<String> completeQuestionnaire(Map<String, List<String>> profile) {
        List<String> titles = new ArrayList<>();
        Map<String, Boolean> checked = new LinkedHashMap<>();
        while (!frameUrl().contains("/resultat/")) {
            assertTrue(titles.size() < 12, "too many steps: " + titles);
            String title = browser.waitFor(d -> d.findElement(By.tagName("h1"))).getText();
            titles.add(title);
            answerVisible(profile);
            browser.waitFor(d -> d.findElement(By.id("enregistrement")).getText().startsWith("Enregistré") ? true : null);
            if (checked.putIfAbsent(title, true) == null) {
                browser.assertAccessible("dans le cadre : questionnaire, " + title);
            }
            browser.driver.findElement(By.xpath("//button[normalize-space()='Étape suivante' or normalize-space()='Voir le résultat']")).click();
            browser.waitFor(d -> frameUrl().contains("/resultat/")
                    || !d.findElement(By.tagName("h1")).getText().equals(title) ? true : null);
        }
        return titles;
    }

    /** The address of the page in the frame the driver is in (WebDriver's current URL is the top page's). */
    private String frameUrl() {
        return (String) browser.js("return location.href;");
    }

    /** Repère's origin as the browser uses it here: the loopback address its Location headers name (see above). */
    private String repereOrigin() {
        return "http://" + LoginRecords.LOOPBACK + ":" + base.getPort();
    }
}
