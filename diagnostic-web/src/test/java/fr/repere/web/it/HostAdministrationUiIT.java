package fr.repere.web.it;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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

import java.net.URL;
import java.util.List;

import static fr.repere.web.it.Dossiers.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's « Logiciels métier » screen in Chromium: a host registered for the signed
 * launch (a private key refused in French, linked to its field), a webhook added with its secret
 * shown once, a new secret, a replay without a date refused, a removal confirmed; axe-core clean at
 * each step. The API behind is tested in LaunchIT and WebhooksIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostAdministrationUiIT {

    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("hostadminui");

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

    private void type(String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(String formHeading) {
        browser.driver.findElements(By.cssSelector("form")).stream()
                .filter(f -> f.findElement(By.cssSelector("h3")).getText().equals(formHeading)).findFirst().orElseThrow()
                .findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String notice() {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#annonce .alerte")).stream().findFirst().orElse(null)).getText();
    }

    @Test
    void theAdministratorRegistersAHostAndAWebhookAndSeesTheirSecretOnce() throws Exception {
        browser.driver.get(Browser.localUrl(base, "/logiciels"));
        browser.logIn(ORG.admin().email());
        browser.waitForHeading("Logiciels métier");
        browser.waitFor(d -> d.findElement(By.id("hote-nom")));
        assertTrue(browser.driver.findElement(By.id("contenu")).getText().contains("Aucun logiciel enregistré."));
        browser.assertAccessible("logiciels métier, vide");

        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cle-ecran").generate();
        type("hote-nom", "Logiciel de suivi (écran)");
        type("hote-emetteur", "https://suivi.exemple.fr");
        type("hote-origine", "https://suivi.exemple.fr");
        type("hote-deploiements", "ccas-ecran");
        type("hote-cles", new JWKSet(key).toString(false)); // the private part: refused
        submit("Enregistrer un logiciel");
        WebElement error = browser.waitFor(d -> d.findElements(By.cssSelector(".alerte--erreur")).stream().findFirst().orElse(null));
        assertTrue(error.getText().contains("partie privée"), error.getText());
        assertEquals("#hote-cles", error.findElement(By.cssSelector("a")).getDomAttribute("href"));
        browser.assertAccessible("logiciels métier, clé privée refusée");
        assertEquals(0, count("SELECT COUNT(*) FROM host_registration WHERE organisation_id = ?", ORG.id()));

        type("hote-cles", new JWKSet(key.toPublicJWK()).toString());
        browser.driver.findElement(By.id("hote-" + ORG.team())).click();
        submit("Enregistrer un logiciel");
        String registered = notice();
        assertTrue(registered.contains("Logiciel « Logiciel de suivi (écran) » enregistré") && registered.contains("/launch"), registered);
        String row = browser.driver.findElement(By.cssSelector("table")).getText();
        assertTrue(row.contains("https://suivi.exemple.fr") && row.contains("ccas-ecran") && row.contains("Équipe A"), row);
        assertEquals(List.of(ORG.team()), Dossiers.strings("SELECT t.team_id FROM host_registration_team t JOIN host_registration r "
                + "ON r.id = t.registration_id WHERE r.organisation_id = ?", ORG.id()));
        browser.assertAccessible("logiciels métier, logiciel enregistré");

        type("webhook-adresse", "http://127.0.0.1:9/repere/evenements");
        submit("Ajouter un webhook");
        String secret = browser.waitFor(d -> d.findElements(By.id("secret")).stream().findFirst().orElse(null)).getText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(browser.driver.findElement(By.id("contenu")).getText().contains("Actif"));
        browser.assertAccessible("logiciels métier, webhook ajouté");

        browser.driver.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().startsWith("Nouveau secret"))
                .findFirst().orElseThrow().click();
        String rotated = browser.waitFor(d -> {
            List<WebElement> s = d.findElements(By.id("secret"));
            return s.isEmpty() || s.get(0).getText().equals(secret) ? null : s.get(0).getText();
        });
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(secret));
        assertTrue(notice().contains("l'ancien signe encore pendant 24 heures"));

        browser.driver.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().startsWith("Renvoyer"))
                .findFirst().orElseThrow().click();
        assertEquals(Boolean.TRUE, browser.waitFor(d -> d.findElement(By.cssSelector("#annonce .alerte--erreur")).getText()
                .contains("Choisissez la date") ? Boolean.TRUE : null));

        browser.driver.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().startsWith("Retirer"))
                .findFirst().orElseThrow().click();
        browser.driver.switchTo().alert().accept();
        assertEquals(Boolean.TRUE, browser.waitFor(d -> d.findElement(By.id("contenu")).getText()
                .contains("Aucun logiciel enregistré.") ? Boolean.TRUE : null));
        assertEquals(1, count("SELECT COUNT(*) FROM host_registration WHERE organisation_id = ? AND deleted_at IS NOT NULL", ORG.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'HOST_UNREGISTER'", ORG.admin().id()));
        browser.assertAccessible("logiciels métier, logiciel retiré");
    }
}
