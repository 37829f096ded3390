package fr.repere.web.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Repère under load, as workers use it, against a running instance (the run command's by default):
 * workers already logged in (a worker logs in once a day, not per diagnostic: sessions are opened
 * before the load), taking diagnostics with the demonstration's realistic answer sheets, saving
 * interviews answer by answer (one PATCH per answer) then completing them, and reading the dossier's
 * history. Open model, in steps of arrival rates each held for a while; Gatling's HTML report (in
 * diagnostic-web/target/gatling) gives the charts behind docs/performance.md's figures.
 *
 * <p>Settings (system properties): {@code load.base} (http://localhost:8080), {@code load.email} and
 * {@code load.password} (the demonstration worker), {@code load.sessions} (16), {@code load.start},
 * {@code load.step} and {@code load.levels} (diagnostics per second: 25, +25, 4 levels),
 * {@code load.levelSeconds} (30); interviews arrive at a tenth of the diagnostics' rate.
 */
public class RepereLoadSimulation extends Simulation {

    private static final String BASE = System.getProperty("load.base", "http://localhost:8080");
    private static final String EMAIL = System.getProperty("load.email", "travailleur@demo.repere.invalid");
    private static final String PASSWORD = System.getProperty("load.password", "demo-repere");
    private static final int SESSIONS = Integer.getInteger("load.sessions", 16);
    private static final double START = Double.parseDouble(System.getProperty("load.start", "25"));
    private static final double STEP = Double.parseDouble(System.getProperty("load.step", "25"));
    private static final int LEVELS = Integer.getInteger("load.levels", 4);
    private static final int LEVEL_SECONDS = Integer.getInteger("load.levelSeconds", 30);

    /** The demonstration's answer sheets (their answers in questionnaire order). */
    private static final List<JsonObject> SHEETS = sheets();
    private static final List<Map<String, Object>> LOGGED_IN = logIn(SESSIONS);
    private static final AtomicLong CASES = new AtomicLong();

    private static List<JsonObject> sheets() {
        try (InputStream in = RepereLoadSimulation.class.getResourceAsStream("/demo/diagnostics.json");
             JsonReader reader = Json.createReader(in)) {
            List<JsonObject> sheets = new ArrayList<>();
            for (JsonValue demo : reader.readArray()) {
                JsonObject body = demo.asJsonObject().getJsonObject("body");
                if (body.containsKey("answers")) {
                    sheets.add(body.getJsonObject("answers"));
                }
            }
            return sheets;
        } catch (IOException e) {
            throw new IllegalStateException("demo/diagnostics.json", e);
        }
    }

    /** Opens the sessions before the load: their cookie and anti-CSRF token, used in turn by the virtual users. */
    private static List<Map<String, Object>> logIn(int count) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + EMAIL + "\", \"password\": \"" + PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("login of " + EMAIL + " at " + BASE + ": " + r.statusCode() + " " + r.body());
                }
                String csrf = Json.createReader(new java.io.StringReader(r.body())).readObject().getString("csrfToken");
                String cookie = cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
                        .reduce((a, b) -> a + "; " + b).orElseThrow();
                sessions.add(Map.of("cookie", cookie, "csrf", csrf));
            } catch (IOException e) {
                throw new IllegalStateException("Repère does not answer at " + BASE + ": start it with ./repere run", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return sessions;
    }

    /** Each virtual user: a logged-in session, a new case reference and an answer sheet. */
    private static Iterator<Map<String, Object>> users() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                long n = CASES.incrementAndGet();
                Map<String, Object> session = LOGGED_IN.get((int) (n % LOGGED_IN.size()));
                JsonObject answers = SHEETS.get(ThreadLocalRandom.current().nextInt(SHEETS.size()));
                String caseRef = "CHARGE-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
                List<String> oneByOne = new ArrayList<>();
                answers.forEach((question, answer) -> oneByOne.add("{\"answers\": {\"" + question + "\": " + answer + "}}"));
                return Map.of("cookie", session.get("cookie"), "csrf", session.get("csrf"), "caseRef", caseRef,
                        "idempotencyKey", UUID.randomUUID().toString(),
                        "diagnostic", Json.createObjectBuilder().add("caseRef", caseRef).add("answers", answers).build().toString(),
                        "oneByOne", oneByOne);
            }
        };
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
            .contentTypeHeader("application/json").disableCaching().disableFollowRedirect()
            .header("Cookie", "#{cookie}").header("X-CSRF-Token", "#{csrf}");

    private final ScenarioBuilder diagnostics = scenario("Diagnostic en une fois").feed(users())
            .exec(http("POST /api/v1/diagnostics").post("/api/v1/diagnostics").header("Idempotency-Key", "#{idempotencyKey}")
                    .body(StringBody("#{diagnostic}")).check(status().is(201)));

    private final ScenarioBuilder interviews = scenario("Entretien réponse par réponse").feed(users())
            .exec(http("POST /api/v1/drafts").post("/api/v1/drafts").body(StringBody("{\"caseRef\": \"#{caseRef}\", \"consent\": true}"))
                    .check(status().is(201), header("Location").saveAs("draft")))
            .exitHereIfFailed() // a refused start (503 under overload) ends this interview, as a worker would retry later
            .foreach("#{oneByOne}", "answer").on(
                    io.gatling.javaapi.core.CoreDsl.exec(http("PATCH /api/v1/drafts/{id}").patch("#{draft}").body(StringBody("#{answer}"))
                            .check(status().is(200))).exitHereIfFailed()) // an answer not saved: the next may depend on it
            .exec(http("POST /api/v1/drafts/{id}/diagnostic").post("#{draft}/diagnostic").check(status().is(201)))
            .exec(http("POST /api/v1/dossiers/history").post("/api/v1/dossiers/history")
                    .body(StringBody("{\"caseRef\": \"#{caseRef}\"}")).check(status().is(200)));

    {
        setUp(
                diagnostics.injectOpen(incrementUsersPerSec(STEP).times(LEVELS).eachLevelLasting(LEVEL_SECONDS)
                        .separatedByRampsLasting(2).startingFrom(START)),
                interviews.injectOpen(incrementUsersPerSec(STEP / 10).times(LEVELS).eachLevelLasting(LEVEL_SECONDS)
                        .separatedByRampsLasting(2).startingFrom(START / 10)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds((long) LEVELS * (LEVEL_SECONDS + 2) + 60));
    }
}
