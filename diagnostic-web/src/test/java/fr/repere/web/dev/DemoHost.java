package fr.repere.web.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A demonstration host system ("logiciel métier") for the run command, and the fake host of the
 * browser test of the iframe ({@code HostIframeUiIT}): a page imitating a case-management screen on
 * {@code http://127.0.0.1:<port>/demo/hote} — another origin and another site than Repère's
 * {@code http://localhost} — that launches Repère in an iframe with a token it signs itself, lists
 * the webhooks it receives (signatures verified) and shows the message Repère posts when the
 * worker records the decision.
 *
 * <p>Like a real host, it only uses Repère's public interfaces: it registers itself (issuer, public
 * key, origin, deployment {@code demo}) and its webhook through the administration API as the
 * organisation's administrator, then signs launches with its private key. Its EC P-256 key pair
 * and the webhook's secret are kept in files so that a restart keeps the same registration.
 * Fictitious data only; test code, never in the WAR.
 */
public final class DemoHost implements AutoCloseable {

    /** The page's path, under which every address of the demonstration host lives. */
    public static final String PATH = "/demo/hote";
    public static final String DEPLOYMENT = "demo";
    /** How long a signed launch is valid (Repère accepts 5 minutes at most). */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);
    /** How far a webhook's timestamp may be from our clock (Standard Webhooks' advice). */
    private static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_EVENTS = 200;

    /**
     * What the demonstration host needs.
     *
     * @param repere        Repère's address as the browser uses it (its origin receives the page's
     *                      messages; {@code /launch} there unless the registration says otherwise)
     * @param port          the port on 127.0.0.1 (0: any free port)
     * @param hostName      the name the browser reaches it by, in its origin: {@code 127.0.0.1}, or
     *                      {@code localhost} when Repère is on 127.0.0.1 (it listens on 127.0.0.1 only)
     * @param keyFile       the host's private EC key (a JWK), made on the first start
     * @param webhookFile   the webhook's id, address and secret, kept after its registration
     * @param adminEmail    the organisation's administrator, who registers the host and its webhook
     * @param adminPassword that administrator's password
     * @param teams         the teams the host may open Repère in (empty: all of the organisation's)
     * @param workerEmail   the agent the page launches Repère for (its work e-mail binds the account)
     * @param workerSubject that agent's stable identifier in the host ({@code sub})
     * @param caseRef       the case shown on the page, its reference in Repère
     */
    public record Settings(URI repere, int port, String hostName, Path keyFile, Path webhookFile, String adminEmail, String adminPassword,
                           List<String> teams, String workerEmail, String workerSubject, String caseRef) {
    }

    /**
     * A webhook received.
     *
     * @param verified whether its {@code webhook-signature} holds a valid signature made with our
     *                 secret and its timestamp is within {@link #WEBHOOK_TOLERANCE} of our clock
     */
    public record Event(String webhookId, String timestamp, String signature, String body, Instant receivedAt, boolean verified) {

        /** The CloudEvent's type, or null when the body is not one. */
        public String type() {
            return json().map(o -> o.getString("type", null)).orElse(null);
        }

        /** The CloudEvent's subject (the case reference), or null. */
        public String subject() {
            return json().map(o -> o.getString("subject", null)).orElse(null);
        }

        /** The diagnostic the event is about, or null. */
        public String diagnosticId() {
            return json().map(o -> o.get("data") instanceof JsonObject data ? data.getString("diagnosticId", null) : null)
                    .orElse(null);
        }

        private Optional<JsonObject> json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return Optional.of(r.readObject());
            } catch (RuntimeException notJson) {
                return Optional.empty();
            }
        }
    }

    private final Settings settings;
    private final HttpServer server;
    private final String origin;
    private final String issuer;
    /** Where Repère posts the webhooks: an IP literal, which Repère's loopback exception accepts. */
    private final String receiver;
    private final ECKey key;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Consumer<String> say;
    private String clientId;
    private URI launchUrl;
    private String webhookSecret;

    private DemoHost(Settings settings, HttpServer server, ECKey key, Consumer<String> say) {
        this.settings = settings;
        this.server = server;
        this.origin = "http://" + settings.hostName() + ":" + server.getAddress().getPort();
        this.receiver = "http://127.0.0.1:" + server.getAddress().getPort() + PATH + "/webhooks";
        this.issuer = origin + PATH;
        this.key = key;
        this.say = say;
    }

    /**
     * Starts the page and its receiver on 127.0.0.1, then registers the host and its webhook with
     * Repère when they are not registered yet.
     *
     * @param say where to report what was done (in French: the run command prints it)
     */
    public static DemoHost start(Settings settings, Consumer<String> say) throws IOException, InterruptedException {
        ECKey key = keyPair(settings.keyFile());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.port()), 0);
        DemoHost host = new DemoHost(settings, server, key, say);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-host");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", host::handle);
        server.start();
        try {
            host.register();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.stop(0);
            throw e;
        }
        return host;
    }

    /** The page's address. */
    public URI page() {
        return URI.create(origin + PATH);
    }

    /** This host's origin, as registered. */
    public String origin() {
        return origin;
    }

    /** The {@code iss} of its launches. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} of its launches, given by Repère at registration. */
    public String clientId() {
        return clientId;
    }

    /** The webhooks received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The webhook's secret, as Repère gave it (the test checks signatures with it too). */
    public String webhookSecret() {
        return webhookSecret;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- the key pair and the registration

    /** The host's key pair: read from its file, or made once and written there (owner only). */
    static ECKey keyPair(Path file) throws IOException {
        if (Files.exists(file)) {
            try {
                JWK jwk = JWK.parse(Files.readString(file));
                if (jwk instanceof ECKey ec && ec.isPrivate() && Curve.P_256.equals(ec.getCurve())) {
                    return ec;
                }
                throw new IOException(file + ": not a private EC P-256 key");
            } catch (ParseException e) {
                throw new IOException(file + ": not a JWK", e);
            }
        }
        try {
            ECKey made = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
            writePrivate(file, made.toJSONString());
            return made;
        } catch (JOSEException e) {
            throw new IllegalStateException("EC P-256 is part of every Java platform", e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file stays under .repere/, which git ignores
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * As the organisation's administrator: the host registered with our issuer and public key
     * (a registration of our issuer with another key is replaced), then our webhook (its secret
     * renewed when we lost it, the endpoint reactivated when Repère disabled it).
     */
    private void register() throws IOException, InterruptedException {
        Admin admin = new Admin(settings.repere());
        admin.logIn(settings.adminEmail(), settings.adminPassword());

        String thumbprint = thumbprint(key);
        JsonObject registered = null;
        for (JsonObject h : admin.list("/api/v1/admin/hosts")) {
            if (!issuer.equals(h.getString("issuer", null))) {
                continue;
            }
            if (registered == null && holds(h, thumbprint)) {
                registered = h;
            } else {
                admin.expect(admin.delete("/api/v1/admin/hosts/" + h.getString("id")), 204);
                say.accept("Logiciel métier de démonstration : ancienne inscription retirée (autre clé).");
            }
        }
        if (registered == null) {
            JsonArrayBuilder teams = Json.createArrayBuilder();
            settings.teams().forEach(teams::add);
            JsonObject body = Json.createObjectBuilder()
                    .add("label", "Logiciel métier de démonstration (fictif)")
                    .add("issuer", issuer).add("origin", origin)
                    .add("deploymentIds", Json.createArrayBuilder().add(DEPLOYMENT))
                    .add("teams", teams)
                    .add("jwks", read(new JWKSet(key.toPublicJWK()).toString()))
                    .build();
            registered = admin.expect(admin.post("/api/v1/admin/hosts", body.toString()), 201);
            say.accept("Logiciel métier de démonstration inscrit auprès de Repère (émetteur " + issuer + ").");
        }
        clientId = registered.getString("clientId");
        launchUrl = URI.create(registered.getString("launchUrl", settings.repere().resolve("/launch").toString()));

        JsonObject saved = Files.exists(settings.webhookFile()) ? read(Files.readString(settings.webhookFile())) : null;
        JsonObject endpoint = admin.list("/api/v1/admin/webhooks").stream()
                .filter(w -> receiver.equals(w.getString("url", null))).findFirst().orElse(null);
        if (endpoint == null) {
            endpoint = admin.expect(admin.post("/api/v1/admin/webhooks", Json.createObjectBuilder().add("url", receiver).build()
                    .toString()), 201);
            webhookSecret = endpoint.getString("secret");
            say.accept("Webhook du logiciel métier de démonstration enregistré : " + receiver);
        } else if (saved != null && endpoint.getString("id").equals(saved.getString("id", null))) {
            webhookSecret = saved.getString("secret");
        } else {
            webhookSecret = admin.expect(admin.post("/api/v1/admin/webhooks/" + endpoint.getString("id") + "/secrets", "{}"), 201)
                    .getString("secret");
            say.accept("Webhook du logiciel métier de démonstration : nouveau secret (l'ancien était perdu).");
        }
        if ("DISABLED".equals(endpoint.getString("status", null))) {
            // a replay from now sends nothing old and reactivates the endpoint
            admin.expect(admin.post("/api/v1/admin/webhooks/" + endpoint.getString("id") + "/replay",
                    Json.createObjectBuilder().add("from", Instant.now().toString()).build().toString()), 200);
            say.accept("Webhook du logiciel métier de démonstration réactivé.");
        }
        writePrivate(settings.webhookFile(), Json.createObjectBuilder().add("id", endpoint.getString("id")).add("url", receiver)
                .add("secret", webhookSecret).build().toString());
    }

    private static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the registration lists our public key. */
    private static boolean holds(JsonObject registration, String thumbprint) {
        try {
            return JWKSet.parse(registration.getJsonObject("jwks").toString()).getKeys().stream()
                    .anyMatch(k -> thumbprint.equals(thumbprint(k)));
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    /** The administrator's session with Repère's API (cookie and anti-CSRF token). */
    private static final class Admin {
        private final URI repere;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf;

        Admin(URI repere) {
            this.repere = repere;
        }

        void logIn(String email, String password) throws IOException, InterruptedException {
            csrf = expect(post("/api/v1/session", Json.createObjectBuilder().add("email", email).add("password", password).build()
                    .toString()), 200).getString("csrfToken");
        }

        List<JsonObject> list(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(request(path).GET());
            if (r.statusCode() != 200) {
                throw new IOException("GET " + path + " : " + r.statusCode() + " " + r.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                return reader.readArray().getValuesAs(JsonObject.class);
            }
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> delete(String path) throws IOException, InterruptedException {
            return send(request(path).DELETE());
        }

        JsonObject expect(HttpResponse<String> r, int status) throws IOException {
            if (r.statusCode() != status) {
                throw new IOException(r.request().method() + " " + r.request().uri().getPath() + " : " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : read(r.body());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(repere.resolve(path)).timeout(Duration.ofSeconds(30));
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    // --- the launch

    /** A launch of Repère into the page's iframe, for the page's agent and case, signed now. */
    String signedLaunch() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject(settings.workerSubject())
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("email", settings.workerEmail())
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT)
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", launchUrl.toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", settings.caseRef()))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "iframe"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the demonstration host's key", e);
        }
        return jwt.serialize();
    }

    // --- the webhooks

    /**
     * Standard Webhooks: one of the space-separated {@code v1,} signatures is the base64 HMAC-SHA256
     * of {@code id.timestamp.body} keyed with our secret's bytes, and the timestamp is recent.
     * Written here from the specification, independently of Repère's signing code.
     */
    static boolean verify(String secret, String id, String timestamp, byte[] body, String header, Instant now) {
        if (secret == null || id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WEBHOOK_TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        for (String signature : header.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    // --- the HTTP server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case PATH, PATH + "/" -> {
                    if (!"GET".equals(method) && !"HEAD".equals(method)) {
                        send(exchange, 405, "text/plain; charset=utf-8", "Méthode non permise");
                    } else {
                        page(exchange);
                    }
                }
                case PATH + "/hote.css" -> resource(exchange, "hote.css", "text/css; charset=utf-8");
                case PATH + "/hote.js" -> resource(exchange, "hote.js", "text/javascript; charset=utf-8");
                case PATH + "/jeton" -> token(exchange);
                case PATH + "/evenements" -> eventsAsJson(exchange);
                case PATH + "/webhooks" -> webhook(exchange);
                case "/favicon.ico" -> send(exchange, 204, null, "");
                default -> send(exchange, 404, "text/plain; charset=utf-8", "Page introuvable");
            }
        } catch (RuntimeException e) {
            say.accept("Logiciel métier de démonstration : erreur " + e);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        String repereOrigin = originOf(settings.repere());
        String html = text("page.html")
                .replace("{{repereOrigin}}", escape(repereOrigin))
                .replace("{{caseRef}}", escape(settings.caseRef()))
                .replace("{{workerEmail}}", escape(settings.workerEmail()));
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; frame-src " + originOf(launchUrl) + "; form-action " + originOf(launchUrl)
                + "; base-uri 'none'; object-src 'none'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private void resource(HttpExchange exchange, String name, String type) throws IOException {
        send(exchange, 200, type, text(name));
    }

    /**
     * {@code POST /demo/hote/jeton}: a token freshly signed by our backend, for the page's own script
     * only (a request from another origin is refused).
     */
    private void token(HttpExchange exchange) throws IOException {
        String from = exchange.getRequestHeaders().getFirst("Origin");
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "Méthode non permise");
        } else if (from != null && !from.equals(origin)) {
            send(exchange, 403, "text/plain; charset=utf-8", "Demande d'une autre origine refusée");
        } else {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 200, "application/json", Json.createObjectBuilder().add("idToken", signedLaunch())
                    .add("launchUrl", launchUrl.toString()).build().toString());
        }
    }

    /** The page's list: each webhook's type, subject, time received and whether its signature was verified. */
    private void eventsAsJson(HttpExchange exchange) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Event e : events) {
            list.add(Json.createObjectBuilder().add("id", Objects.toString(e.webhookId(), ""))
                    .add("type", Objects.toString(e.type(), "(illisible)")).add("subject", Objects.toString(e.subject(), ""))
                    .add("diagnosticId", Objects.toString(e.diagnosticId(), ""))
                    .add("receivedAt", e.receivedAt().toString()).add("verified", e.verified()));
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json", Json.createObjectBuilder().add("events", list).build().toString());
    }

    /** {@code POST /demo/hote/webhooks}: recorded, verified; 204 when the signature holds, 401 otherwise. */
    private void webhook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "Méthode non permise");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(exchange, 413, null, "");
            return;
        }
        var h = exchange.getRequestHeaders();
        String id = h.getFirst("webhook-id");
        String timestamp = h.getFirst("webhook-timestamp");
        String signature = h.getFirst("webhook-signature");
        boolean verified = verify(webhookSecret, id, timestamp, body, signature, Instant.now());
        if (events.size() >= MAX_EVENTS) {
            events.remove(0);
        }
        events.add(new Event(id, timestamp, signature, new String(body, StandardCharsets.UTF_8), Instant.now(), verified));
        send(exchange, verified ? 204 : 401, null, "");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean empty = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = DemoHost.class.getResourceAsStream(PATH + "/" + name)) {
            if (in == null) {
                throw new IOException(PATH + "/" + name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
