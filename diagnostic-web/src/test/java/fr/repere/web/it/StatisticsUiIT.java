package fr.repere.web.it;

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
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analyst's dashboard in a real Chromium: charts each followed by their data table, the fixed
 * breakdowns, an export with its progress and download link; axe-core (WCAG 2 A and AA) finds no
 * violation on any of these states.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatisticsUiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("statisticsui");

    @ArquillianResource
    private URL base;

    private Browser browser;

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

    private String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    /** A dozen diagnostics in Bastia, so that the analyst's organisation has figures in Haute-Corse (StatisticsApiIT counts Corse-du-Sud). */
    private void someDiagnostics() {
        Http.loginAs(URI.create(base.toString()), ORG.worker().email());
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> created = Http.postJson(URI.create(url("/api/v1/diagnostics")),
                    DiagnosticApiIT.AUTONOMOUS_PERSON.replace("CASE-42", "STAT-UI-" + i), Map.of());
            assertEquals(201, created.statusCode(), created.body());
            String id = Http.json(created).getString("id");
            assertEquals(200, Http.postJson(URI.create(url("/api/v1/diagnostics/" + id + "/places")),
                    "{\"commune\": \"2B033\", \"limit\": 5}", Map.of()).statusCode());
        }
    }

    @Test
    void theDashboardShowsChartsWithTheirTablesAndExports() {
        someDiagnostics();
        browser.driver.get(url("/statistiques"));
        browser.waitForHeading("Se connecter");
        browser.waitFor(d -> d.findElement(By.id("email")));
        browser.driver.findElement(By.id("email")).sendKeys(ORG.analyst().email());
        browser.driver.findElement(By.id("mot-de-passe")).sendKeys(TestOrganisations.PASSWORD);
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForHeading("Statistiques du département");
        browser.waitFor(d -> d.findElements(By.cssSelector("#stat-titre, .alerte--erreur")).isEmpty() ? null : true);
        WebElement departement = browser.driver.findElement(By.id("stat-departement"));
        if (departement.isDisplayed()) { // other tests may have given the organisation figures elsewhere
            new Select(departement).selectByValue("2B");
            browser.driver.findElement(By.cssSelector("form.recherche button[type=submit]")).click();
        }
        browser.waitFor(d -> d.findElement(By.id("stat-titre")).getText().contains("Haute-Corse") ? true : null);
        List<WebElement> charts = browser.driver.findElements(By.cssSelector("figure.figure-statistique svg[role=img]"));
        List<WebElement> tables = browser.driver.findElements(By.cssSelector("section.carte table"));
        assertTrue(charts.size() > 5, "one chart per table: " + charts.size());
        assertEquals(charts.size(), tables.size(), "a data table behind every chart");
        assertTrue(browser.driver.findElement(By.cssSelector("section.carte table caption")).getText().contains("Orientation proposée"));
        browser.assertAccessible("statistiques, département sur l'année");

        new Select(browser.driver.findElement(By.id("stat-decoupage"))).selectByValue("commune-annee");
        browser.driver.findElement(By.cssSelector("form.recherche button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("stat-titre")).getText().contains("par commune") ? true : null);
        assertTrue(browser.driver.findElement(By.cssSelector("section.carte table tbody")).getText().contains("Bastia"));
        browser.assertAccessible("statistiques, par commune");

        browser.driver.findElements(By.cssSelector("button.bouton")).stream()
                .filter(b -> b.getText().contains("XLSX")).findFirst().orElseThrow().click();
        WebElement link = browser.waitFor(d -> d.findElements(By.cssSelector("[role=status] a")).stream().findFirst().orElse(null));
        assertTrue(link.getDomAttribute("href").startsWith("/api/v1/statistics/exports/"), link.getDomAttribute("href"));
        assertTrue(link.getText().contains(".xlsx"), link.getText());
        browser.assertAccessible("statistiques, export prêt");
    }
}
