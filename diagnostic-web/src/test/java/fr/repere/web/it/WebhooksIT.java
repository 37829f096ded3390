package fr.repere.web.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Webhooks against a receiver started by the test on 127.0.0.1 (allowed by the tests' setting):
 * each event of the organisation is pushed once, signed as Standard Webhooks with the secret shown
 * at creation; a failure is retried (the tests' setting shortens the delays); a 410 disables the
 * endpoint; refused URLs and another organisation's administrator are answered as problems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksIT {

    private static final long WAIT_MILLIS = 60_000;

    @ArquillianResource
    private URL base;

    private static HttpServer receiver;
    /** What each path received, in order. */
    private static final Map<String, List<Received>> RECEIVED = new ConcurrentHashMap<>();
    /** The statuses each path answers, in order, then 204; a status 429 is sent with Retry-After: 1. */
    private static final Map<String, Deque<Integer>> SCRIPTS = new ConcurrentHashMap<>();

    /** One request received and the status answered. */
    record Received(String id, String timestamp, String signature, String contentType, String body, int answered) {
        JsonObject event() {
            return Http.json(body);
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Deque<Integer> script = SCRIPTS.get(path);
            Integer scripted;
            synchronized (RECEIVED) {
                scripted = script == null ? null : script.pollFirst();
            }
            int status = scripted == null ? 204 : scripted;
            var h = exchange.getRequestHeaders();
            RECEIVED.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new Received(
                    h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                    h.getFirst("Content-Type"), body, status));
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** Creates an endpoint as the organisation's administrator; its JSON (with the secret). */
    private JsonObject createEndpoint(TestOrganisations.Organisation org, String path, Integer... script) {
        SCRIPTS.put(path, new ArrayDeque<>(List.of(script)));
        Http.loginAs(uri("/"), org.admin().email());
        HttpResponse<String> created = Http.postJson(uri("/api/v1/admin/webhooks"), "{\"url\": \"" + receiverUrl(path) + "\"}",
                Map.of());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = Http.json(created);
        assertTrue(json.getString("secret").startsWith("whsec_"), json.toString());
        return json;
    }

    private static List<Received> waitFor(String path, Predicate<List<Received>> done) throws InterruptedException {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < end) {
            List<Received> received = List.copyOf(RECEIVED.getOrDefault(path, List.of()));
            if (done.test(received)) {
                return received;
            }
            Thread.sleep(200);
        }
        fail("the receiver " + path + " did not get what was expected in time: " + RECEIVED.get(path));
        return List.of();
    }

    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the request carries a valid signature made with this secret. */
    private static boolean signedWith(Received r, String secret) throws Exception {
        String expected = sign(secret, r.id(), r.timestamp(), r.body());
        return List.of(r.signature().split(" ")).contains(expected);
    }

    private static long delivered(String id, List<Received> received) {
        return received.stream().filter(r -> r.id().equals(id) && r.answered() / 100 == 2).count();
    }

    @Test
    void completedThenDecidedArriveOnceEachSignedAndAReplayAfterARotationIsSignedWithBothSecrets() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("webhooks");
        JsonObject endpoint = createEndpoint(org, "/recu");
        String secret = endpoint.getString("secret");
        String id = endpoint.getString("id");

        Http.loginAs(uri("/"), org.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), unique("WHK"));
        HttpResponse<String> decided = Dossiers.decide(uri("/"), diagnostic, "{\"orientation\": \"AUTONOMOUS\"}");
        assertEquals(200, decided.statusCode(), decided.body());

        List<Received> received = waitFor("/recu", r -> r.size() >= 2);
        assertEquals(List.of("fr.repere.diagnostic.completed.v1", "fr.repere.diagnostic.decided.v1"),
                received.stream().map(r -> r.event().getString("type")).toList());
        for (Received r : received) {
            assertEquals(r.event().getString("id"), r.id(), "webhook-id is the event's id");
            assertEquals("application/cloudevents+json", r.contentType());
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(r.timestamp())) < 120, r.timestamp());
            assertTrue(signedWith(r, secret), r.signature());
            assertEquals(diagnostic, r.event().getJsonObject("data").getString("diagnosticId"));
        }
        assertEquals(2, count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND state = 'DELIVERED'", id));
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND state <> 'DELIVERED'", id));
        assertEquals(2, RECEIVED.get("/recu").size(), "each event exactly once");

        // rotation: a new secret, shown once; the previous one still signs
        Http.loginAs(uri("/"), org.admin().email());
        HttpResponse<String> rotated = Http.postJson(uri("/api/v1/admin/webhooks/" + id + "/secrets"), "{}", Map.of());
        assertEquals(201, rotated.statusCode(), rotated.body());
        String newSecret = Http.json(rotated).getString("secret");
        HttpResponse<String> list = Http.get(uri("/api/v1/admin/webhooks"));
        assertFalse(list.body().contains("whsec_"), "a secret is never shown again: " + list.body());

        HttpResponse<String> replay = Http.postJson(uri("/api/v1/admin/webhooks/" + id + "/replay"),
                "{\"from\": \"" + LocalDate.now().minusDays(1) + "\"}", Map.of());
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals(2, Http.json(replay).getInt("planned"));
        List<Received> again = waitFor("/recu", r -> r.size() >= 4).subList(2, 4);
        for (int i = 0; i < 2; i++) {
            Received r = again.get(i);
            assertEquals(received.get(i).id(), r.id(), "a replay sends the same event ids");
            assertEquals(2, r.signature().split(" ").length, r.signature());
            assertTrue(signedWith(r, secret), "the previous secret still signs");
            assertTrue(signedWith(r, newSecret), "the new secret signs");
        }
    }

    @Test
    void aFailureIsRetriedUntilDeliveredOnceAndA429WithRetryAfterIsHonoured() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("webhooks-rt");
        String id = createEndpoint(org, "/instable", 500, 429).getString("id");
        Http.loginAs(uri("/"), org.worker().email());
        takeDiagnostic(uri("/"), unique("WHK"));

        List<Received> received = waitFor("/instable", r -> r.stream().anyMatch(x -> x.answered() / 100 == 2));
        assertEquals(List.of(500, 429, 204), received.stream().map(Received::answered).toList());
        assertEquals(1, received.stream().map(Received::id).distinct().count(), "the same event each time");
        assertEquals(1, delivered(received.get(0).id(), received));
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND state = 'DELIVERED' "
                + "AND attempts = 3", id));

        Http.loginAs(uri("/"), org.admin().email());
        JsonObject view = endpointView(id);
        assertEquals("ACTIVE", view.getString("status"), view.toString());
    }

    @Test
    void anEndpointAnswering410IsDisabledAndShownAsSuch() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("webhooks-gn");
        String id = createEndpoint(org, "/parti", 410).getString("id");
        Http.loginAs(uri("/"), org.worker().email());
        takeDiagnostic(uri("/"), unique("WHK"));
        waitFor("/parti", r -> !r.isEmpty());

        Http.loginAs(uri("/"), org.admin().email());
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        JsonObject view = endpointView(id);
        while (!view.getString("status").equals("DISABLED") && System.nanoTime() < end) {
            Thread.sleep(200);
            view = endpointView(id);
        }
        assertEquals("DISABLED", view.getString("status"), view.toString());
        assertEquals("GONE", view.getString("disabledReason"));
        assertEquals("HTTP 410", view.getString("lastError"));
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND state = 'PENDING'", id),
                "a disabled endpoint's deliveries are given up");
    }

    private JsonObject endpointView(String id) {
        HttpResponse<String> list = Http.get(uri("/api/v1/admin/webhooks"));
        assertEquals(200, list.statusCode(), list.body());
        JsonArray endpoints = Http.json("{\"a\": " + list.body() + "}").getJsonArray("a");
        return endpoints.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + list.body()));
    }

    @Test
    void anInsecureOrPrivateUrlIsRefusedInFrench() {
        TestOrganisations.Organisation org = TestOrganisations.create("webhooks-url");
        Http.loginAs(uri("/"), org.admin().email());
        for (String url : List.of("http://hote.exemple.fr/recu", "https://10.0.0.1/recu", "https://192.168.1.10/recu",
                "https://169.254.169.254/latest", "ftp://hote.exemple.fr/")) {
            JsonObject problem = assertProblem(Http.postJson(uri("/api/v1/admin/webhooks"), "{\"url\": \"" + url + "\"}",
                    Map.of()), 422);
            assertEquals("/url", problem.getJsonArray("errors").getJsonObject(0).getString("pointer"), problem.toString());
            assertTrue(problem.getString("detail").startsWith("L'adresse du webhook"), problem.toString());
        }
    }

    @Test
    void anotherOrganisationsAdministratorFindsNoneOfOurEndpoints() {
        TestOrganisations.Organisation ours = TestOrganisations.create("webhooks-us");
        String id = createEndpoint(ours, "/nous").getString("id");
        TestOrganisations.Organisation theirs = TestOrganisations.create("webhooks-th");
        Http.loginAs(uri("/"), theirs.admin().email());

        HttpResponse<String> list = Http.get(uri("/api/v1/admin/webhooks"));
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains(id), list.body());
        assertProblem(Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/webhooks/" + id)).DELETE()), 404);
        assertProblem(Http.postJson(uri("/api/v1/admin/webhooks/" + id + "/secrets"), "{}", Map.of()), 404);
        assertProblem(Http.postJson(uri("/api/v1/admin/webhooks/" + id + "/replay"), "{\"from\": \"2026-01-01\"}", Map.of()), 404);
        assertProblem(Http.postJson(uri("/api/v1/admin/webhooks"), "{\"url\": \"" + receiverUrl("/eux") + "\", \"teams\": [\""
                + ours.team() + "\"]}", Map.of()), 422);

        Http.loginAs(uri("/"), ours.admin().email());
        assertEquals(204, Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/webhooks/" + id)).DELETE()).statusCode());
        assertFalse(Http.get(uri("/api/v1/admin/webhooks")).body().contains(id));
    }
}
