package fr.repere.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Debian Chromium, headless, driven by chromedriver (both installed by .ci/install-test-deps):
 * no browser download, no skipping. Also runs axe-core in the page and takes the user guide's
 * screenshots.
 */
final class Browser implements AutoCloseable {

    /** A 10-inch tablet in portrait. */
    static final int TABLET_WIDTH = 800;
    static final int TABLET_HEIGHT = 1280;

    final ChromeDriver driver;
    private final String axe;

    Browser() {
        String binary = System.getProperty("repere.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("repere.chromedriver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(chromedriver).canExecute()) {
            fail("Chromium (" + binary + ") and chromedriver (" + chromedriver + ") are needed: "
                    + "run .ci/install-test-deps chromium chromium-driver (./repere test does).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=fr-FR", "--window-size=" + TABLET_WIDTH + "," + TABLET_HEIGHT);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses Tab until the focused element matches (at most {@code maxTabs} times); checks the
     * focus is visible there.
     */
    void tabTo(int maxTabs, java.util.function.Predicate<WebElement> target) {
        for (int i = 0; i < maxTabs; i++) {
            keys(org.openqa.selenium.Keys.TAB);
            WebElement active = driver.switchTo().activeElement();
            if (target.test(active)) {
                Object outline = js("const e = arguments[0]; const s = getComputedStyle(e.closest('.choix') || e);"
                        + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;", active);
                org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, outline,
                        "focus visible on " + active.getTagName() + " " + active.getText());
                return;
            }
        }
        fail("not reachable with the Tab key on " + driver.getCurrentUrl());
    }

    /** Types these keys where the focus is. */
    /** Fills the login form on screen with a test agent and submits it. */
    void logIn(String email) {
        waitFor(d -> d.findElement(By.id("email")));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("mot-de-passe")).sendKeys(TestOrganisations.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** The browser's address of a screen: on localhost, a secure context (service worker, crypto) as HTTPS would be. */
    static String localUrl(java.net.URL base, String path) {
        java.net.URI u = java.net.URI.create(base.toString()).resolve(path);
        return java.net.URI.create(u.getScheme() + "://localhost:" + u.getPort() + u.getRawPath()
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())).toString();
    }

    void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.apply((ChromeDriver) d));
    }

    WebElement waitForHeading(String text) {
        return waitFor(d -> {
            try {
                return d.findElements(By.tagName("h1")).stream().filter(h -> h.getText().contains(text)).findFirst().orElse(null);
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page replaced its heading between finding it and reading it (Chromium says "Node with
                // given id does not belong to the document" rather than a stale element): look again
                return null;
            }
        });
    }

    /** Runs axe-core (WCAG 2 A and AA rules) on the page as it is now; fails listing every violation. */
    void assertAccessible(String page) {
        assertAccessible(page, true);
    }

    /**
     * Runs axe-core on the page (the frame the driver is in); {@code iframes} false leaves out the
     * page's frames, for a page that frames another site's page without axe-core in it (that one
     * is checked from inside its frame).
     */
    void assertAccessible(String page, boolean iframes) {
        js(axe);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {iframes: " + iframes + ", runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary)})), passes: r.passes.length}))"
                        + ".catch(e => done({error: String(e)}));");
        if (result.get("error") != null) {
            fail("axe-core could not run on " + page + ": " + result.get("error"));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result.get("violations");
        StringBuilder report = new StringBuilder();
        for (Map<String, Object> v : violations) {
            report.append("\n  [").append(v.get("impact")).append("] ").append(v.get("id")).append(": ").append(v.get("help"));
            for (Object node : (List<?>) v.get("nodes")) {
                report.append("\n      ").append(node);
            }
        }
        System.out.println("axe-core on " + page + ": " + violations.size() + " violation(s), " + result.get("passes")
                + " rules passed" + report);
        assertTrue(violations.isEmpty(), "axe-core violations on " + page + ":" + report);
    }

    /**
     * Emulates the page at 200 % zoom on the tablet (half as many CSS pixels) and checks nothing needs
     * a horizontal scroll; then back to the tablet at 100 %.
     */
    void assertReflowsAtDoubleZoom(String page) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", TABLET_WIDTH / 2,
                "height", TABLET_HEIGHT / 2, "deviceScaleFactor", 2, "mobile", false));
        try {
            Number scroll = (Number) js("return document.documentElement.scrollWidth;");
            Number width = (Number) js("return document.documentElement.clientWidth;");
            Object widest = scroll.intValue() <= width.intValue() ? "" : js("const w = document.documentElement.clientWidth;"
                    + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1"
                    + " && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1)).slice(0, 5)"
                    + ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')"
                    + " + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ');");
            assertTrue(scroll.intValue() <= width.intValue(), page + " needs a horizontal scroll at 200 % zoom: "
                    + scroll + " > " + width + " CSS pixels; too wide: " + widest);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** A full-page screenshot for the user guide (docs/images), at the tablet's width. */
    void screenshot(String name) {
        String dir = System.getProperty("repere.screenshots");
        if (dir == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Path file = Path.of(dir, name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser printed to its console, to explain a failure. */
    String console() {
        StringBuilder out = new StringBuilder();
        driver.manage().logs().get("browser").forEach(e -> out.append('\n').append(e.getLevel()).append(' ').append(e.getMessage()));
        return out.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
