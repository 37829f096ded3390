package fr.repere.web.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signed launch against the real server and database: a host registered by the organisation's
 * administrator (its own EC key pair, made here), a launch accepted into a new interview then into
 * the case's interview in progress, the iframe's partitioned cookie and framing, and every refusal
 * (French page, 4xx, nothing opened, counted), one token id usable once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LaunchIT {

    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("launch");
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("launch-other");
    private static final String ISSUER = "http://127.0.0.1:9/logiciel-metier";
    private static final String ORIGIN = "http://127.0.0.1:9";
    /** No cookie store, no redirects: each launch's answer is read as the browser gets it. */
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static ECKey key;
    private static JsonObject host;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void keyPair() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("cle-2026").generate();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    /** By the loopback address, which the refusal counts are kept for ({@link LoginRecords#LOOPBACK}). */
    private URI uri(String path) {
        return URI.create("http://" + LoginRecords.LOOPBACK + ":" + base.getPort()).resolve(path);
    }

    /** The host, registered once by the organisation's administrator for team A only. */
    private JsonObject host() {
        if (host == null) {
            Http.loginAs(uri("/"), ORG.admin().email());
            HttpResponse<String> r = Http.postJson(uri("/api/v1/admin/hosts"), registration(new JWKSet(key.toPublicJWK()).toString(),
                    ORIGIN, List.of(ORG.team())), Map.of());
            assertEquals(201, r.statusCode(), r.body());
            host = Http.json(r);
            Http.anonymous();
        }
        return host;
    }

    private static String registration(String jwks, String origin, List<String> teams) {
        return "{\"label\": \"Logiciel de suivi (test)\", \"issuer\": \"" + ISSUER + "\", \"origin\": \"" + origin
                + "\", \"deploymentIds\": [\"ccas-1\"], \"teams\": [" + String.join(", ", teams.stream().map(t -> "\"" + t + "\"").toList())
                + "], \"jwks\": " + jwks + "}";
    }

    /** The claims of a valid launch by {@code email}'s account for that case; {@code change} alters one thing. */
    private JWTClaimsSet.Builder claims(String subject, String email, String caseRef) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(host().getString("clientId")).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(240)))
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "ccas-1")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", uri("/launch").toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", caseRef))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .claim("email", email).claim("given_name", "Camille");
    }

    private static String signed(JWTClaimsSet claims, ECKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(with));
        return jwt.serialize();
    }

    private HttpResponse<String> launch(String idToken, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("id_token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return RAW.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    }

    private HttpResponse<String> withCookie(String setCookie, String path) throws Exception {
        return RAW.send(HttpRequest.newBuilder(uri(path)).header("Cookie", setCookie.split(";")[0]).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLaunchOpensTheAgentsSessionOnTheCaseThenReopensItsInterview() throws Exception {
        String caseRef = unique("LANCE");
        String subject = "sub-" + UUID.randomUUID();
        HttpResponse<String> r = launch(signed(claims(subject, ORG.worker().email(), caseRef).build(), key));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(uri("/diagnostic/nouveau?case=" + caseRef).toString(), r.headers().firstValue("Location").orElse(null));
        String cookie = sessionCookie(r);
        assertTrue(cookie.contains("SameSite=Lax") && !cookie.contains("Partitioned"), "a top-level launch: " + cookie);
        JsonObject session = Http.json(withCookie(cookie, "/api/v1/session").body());
        assertEquals(ORG.worker().id(), session.getString("agent"));
        assertFalse(session.containsKey("hostOrigin"), "not framed: no parent to tell");
        assertEquals(1, count("SELECT COUNT(*) FROM host_agent_binding WHERE subject = ? AND agent_id = ?", subject, ORG.worker().id()));
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE actor = ? AND action = 'HOST_LAUNCH' AND target = ? AND dossier = ?",
                ORG.worker().id(), host().getString("id"), LoginRecords.keys().of(ORG.team(), caseRef)), "journaled under the dossier's pseudonym");

        // the worker starts the interview; the host launches again for the same case (bound: no e-mail needed)
        Http.loginAs(uri("/"), ORG.worker().email());
        HttpResponse<String> draft = Http.postJson(uri("/api/v1/drafts"), "{\"caseRef\": \"" + caseRef + "\", \"consent\": true}", Map.of());
        assertEquals(201, draft.statusCode(), draft.body());
        String id = Http.json(draft).getString("id");
        HttpResponse<String> again = launch(signed(claims(subject, null, caseRef).build(), key));
        assertEquals(303, again.statusCode(), again.body());
        assertEquals(uri("/entretien/" + id).toString(), again.headers().firstValue("Location").orElse(null));
    }

    @Test
    void inTheHostsIframeTheCookieIsPartitionedAndOnlyThatHostMayFrameThePages() throws Exception {
        HttpResponse<String> r = launch(signed(claims("sub-" + UUID.randomUUID(), ORG.worker().email(), unique("CADRE"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("document_target", "iframe"))
                .build(), key));
        assertEquals(303, r.statusCode(), r.body());
        String cookie = sessionCookie(r);
        assertTrue(cookie.contains("; Secure") && cookie.contains("SameSite=None") && cookie.contains("Partitioned"), cookie);
        HttpResponse<String> page = withCookie(cookie, "/diagnostic/nouveau");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").endsWith("frame-ancestors " + ORIGIN),
                page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals(ORIGIN, Http.json(withCookie(cookie, "/api/v1/session").body()).getString("hostOrigin"));
        assertTrue(Http.get(uri("/diagnostic/nouveau")).headers().firstValue("Content-Security-Policy").orElse("")
                .endsWith("frame-ancestors 'none'"), "a session of Repère's own login is never framed");
    }

    @Test
    void eachRefusalIsAFrenchPageThatOpensNothingAndIsCounted() throws Exception {
        String caseRef = unique("REFUS");
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("cle-2026").generate(); // same kid, another key
        ECKey unknownKid = new ECKeyGenerator(Curve.P_256).keyID("cle-inconnue").generate();
        long before = LoginRecords.refusals(LoginRecords.LOOPBACK, "LAUNCH_REFUSED");
        Map<String, Refused> cases = new java.util.LinkedHashMap<>();
        cases.put("not a JWS", new Refused("pas-un-jeton", 400, "illisible"));
        cases.put("bad signature", new Refused(signed(claims("s1", ORG.worker().email(), caseRef).build(), stranger), 401, "signature"));
        cases.put("unknown key id", new Refused(signed(claims("s1", ORG.worker().email(), caseRef).build(), unknownKid), 401, "clé"));
        cases.put("HS256", new Refused(hs256(claims("s1", ORG.worker().email(), caseRef).build()), 401, "ES256 ou RS256"));
        cases.put("expired", new Refused(signed(with(b -> b.issueTime(ago(400)).expirationTime(ago(100))), key), 401, "expiré"));
        cases.put("valid too long", new Refused(signed(with(b -> b.expirationTime(Date.from(Instant.now().plusSeconds(600)))), key),
                401, "expiré"));
        cases.put("wrong audience", new Refused(signed(with(b -> b.audience("un-autre-client")), key), 401, "pas enregistré"));
        cases.put("unknown deployment", new Refused(signed(with(b -> b.claim(
                "https://purl.imsglobal.org/spec/lti/claim/deployment_id", "ccas-2")), key), 401, "déploiement"));
        cases.put("target outside", new Refused(signed(with(b -> b.claim(
                "https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://intrus.exemple.fr/launch")), key), 400,
                "adresse qui n'est pas celle de Repère"));
        cases.put("bad case id", new Refused(signed(with(b -> b.claim("https://purl.imsglobal.org/spec/lti/claim/context",
                Map.of("id", "dossier 42"))), key), 400, "identifiant du dossier"));
        cases.put("agent of another organisation", new Refused(signed(claims("s-other", OTHER_ORG.worker().email(), caseRef)
                .build(), key), 403, "Aucun compte Repère actif"));
        cases.put("agent of a team the host does not open", new Refused(signed(claims("s-b", ORG.otherTeamWorker().email(), caseRef)
                .build(), key), 403, "Aucun compte Repère actif"));
        cases.put("analyst", new Refused(signed(claims("s-an", ORG.analyst().email(), caseRef).build(), key), 403,
                "Aucun compte Repère actif"));
        for (Map.Entry<String, Refused> c : cases.entrySet()) {
            HttpResponse<String> r = launch(c.getValue().token());
            assertEquals(c.getValue().status(), r.statusCode(), c.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), c.getKey());
            assertTrue(r.body().contains("<title>Ouverture refusée — Repère</title>") && r.body().contains(c.getValue().says()),
                    c.getKey() + ": " + r.body());
            assertTrue(sessionCookie(r).isEmpty(), c.getKey() + ": no session opened");
            assertFalse(r.body().contains("Exception") || r.body().contains("nimbus"), c.getKey());
        }
        assertEquals(before + cases.size(), LoginRecords.refusals(LoginRecords.LOOPBACK, "LAUNCH_REFUSED"), "each refusal counted");
        assertEquals(0, count("SELECT COUNT(*) FROM host_agent_binding WHERE subject IN ('s1', 's-other', 's-b', 's-an')"),
                "a refused launch binds nobody");
        for (HttpRequest.Builder noForm : List.of(
                HttpRequest.newBuilder(uri("/launch")).POST(HttpRequest.BodyPublishers.noBody()),
                HttpRequest.newBuilder(uri("/launch")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))) {
            HttpResponse<String> r = RAW.send(noForm.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), "no form, no token: " + r.body());
            assertTrue(r.body().contains("illisible"), r.body());
        }
        HttpResponse<String> json = launch("pas-un-jeton", "Accept", "application/json");
        assertEquals(400, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), json.body());
    }

    @Test
    void aTokenOpensOneSessionOnlyEvenOnAnotherNode() throws Exception {
        String token = signed(claims("sub-" + UUID.randomUUID(), ORG.worker().email(), unique("UNE-FOIS")).build(), key);
        assertEquals(303, launch(token).statusCode());
        HttpResponse<String> replayed = launch(token);
        assertEquals(401, replayed.statusCode());
        assertTrue(replayed.body().contains("déjà servi"), replayed.body());
        assertTrue(sessionCookie(replayed).isEmpty());
        assertEquals(1, count("SELECT COUNT(*) FROM host_launch_jti WHERE jti = ?", SignedJWT.parse(token).getJWTClaimsSet().getJWTID()),
                "kept in the database, where every node finds it");
    }

    @Test
    void registrationsAreTheAdministratorsOwnAndAcceptPublicKeysOnly() throws Exception {
        host();
        Http.loginAs(uri("/"), ORG.admin().email());
        JsonObject listed = Http.json("{\"a\":" + Http.get(uri("/api/v1/admin/hosts")).body() + "}").getJsonArray("a").getJsonObject(0);
        assertEquals(host().getString("clientId"), listed.getString("clientId"));
        assertEquals(uri("/launch").toString(), listed.getString("launchUrl"));
        assertFalse(listed.getJsonObject("jwks").getJsonArray("keys").getJsonObject(0).containsKey("d"), "public parts only");

        HttpResponse<String> privateKey = Http.postJson(uri("/api/v1/admin/hosts"), registration(new JWKSet(key).toString(false),
                ORIGIN, List.of()), Map.of());
        assertEquals(400, privateKey.statusCode(), privateKey.body());
        assertEquals("/jwks", Http.json(privateKey).getJsonArray("errors").getJsonObject(0).getString("pointer"));
        HttpResponse<String> secret = Http.postJson(uri("/api/v1/admin/hosts"), registration(
                "{\"keys\": [{\"kty\": \"oct\", \"kid\": \"k\", \"k\": \"c2VjcmV0LXBhcnRhZ2Utc2VjcmV0LXBhcnRhZ2U\"}]}", ORIGIN, List.of()),
                Map.of());
        assertEquals(400, secret.statusCode(), secret.body());
        String publicKeys = new JWKSet(key.toPublicJWK()).toString();
        HttpResponse<String> withPath = Http.postJson(uri("/api/v1/admin/hosts"), registration(publicKeys,
                "https://logiciel.exemple.fr/ecran", List.of()), Map.of());
        assertEquals(422, withPath.statusCode(), withPath.body());
        HttpResponse<String> foreignTeam = Http.postJson(uri("/api/v1/admin/hosts"), registration(publicKeys, ORIGIN,
                List.of(OTHER_ORG.team())), Map.of());
        assertEquals(422, foreignTeam.statusCode(), foreignTeam.body());
        assertEquals(1, Http.json("{\"a\":" + Http.get(uri("/api/v1/admin/hosts")).body() + "}").getJsonArray("a").size(),
                "nothing registered by a refused request");

        Http.loginAs(uri("/"), OTHER_ORG.admin().email());
        assertEquals("[]", Http.get(uri("/api/v1/admin/hosts")).body());
        assertEquals(404, Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/hosts/" + host().getString("id"))).DELETE()).statusCode());
        Http.loginAs(uri("/"), ORG.worker().email());
        assertEquals(403, Http.get(uri("/api/v1/admin/hosts")).statusCode());
    }

    @Test
    void aRemovedHostLaunchesNoMore() throws Exception {
        ECKey own = new ECKeyGenerator(Curve.P_256).keyID("cle-retiree").generate();
        Http.loginAs(uri("/"), ORG.admin().email());
        HttpResponse<String> made = Http.postJson(uri("/api/v1/admin/hosts"), registration(new JWKSet(own.toPublicJWK()).toString(),
                ORIGIN, List.of()), Map.of());
        assertEquals(201, made.statusCode(), made.body());
        JsonObject removed = Http.json(made);
        assertEquals(204, Http.send(HttpRequest.newBuilder(uri("/api/v1/admin/hosts/" + removed.getString("id"))).DELETE()).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM journal_entry WHERE action = 'HOST_UNREGISTER' AND target = ?", removed.getString("id")));
        JWTClaimsSet claims = claims("sub-r", ORG.worker().email(), unique("RETIRE")).audience(removed.getString("clientId")).build();
        HttpResponse<String> r = launch(signed(claims, own));
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("pas enregistré"), r.body());
    }

    @Test
    void keysPublishedAtTheHostsAddressAreReadThereAndAnAddressThatFailsIsA503() throws Exception {
        ECKey published = new ECKeyGenerator(Curve.P_256).keyID("publiee-2026").generate();
        com.sun.net.httpserver.HttpServer keys = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(LoginRecords.LOOPBACK, 0), 0);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        byte[] body = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keys.createContext("/jwks.json", exchange -> {
            reads.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.createContext("/en-panne.json", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        keys.start();
        try {
            String address = "http://" + LoginRecords.LOOPBACK + ":" + keys.getAddress().getPort();
            Http.loginAs(uri("/"), ORG.admin().email());
            String withUri = "{\"label\": \"Logiciel qui publie ses clés\", \"issuer\": \"" + ISSUER + "\", \"origin\": \"" + ORIGIN
                    + "\", \"deploymentIds\": [\"ccas-1\"], \"jwksUri\": \"" + address + "%s\"}";
            HttpResponse<String> made = Http.postJson(uri("/api/v1/admin/hosts"), withUri.formatted("/jwks.json"), Map.of());
            assertEquals(201, made.statusCode(), made.body());
            String client = Http.json(made).getString("clientId");
            HttpResponse<String> down = Http.postJson(uri("/api/v1/admin/hosts"), withUri.formatted("/en-panne.json"), Map.of());
            assertEquals(201, down.statusCode(), down.body());
            Http.anonymous();

            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = launch(signed(claims("sub-publie", ORG.worker().email(), unique("PUBLIE")).audience(client).build(),
                        published));
                assertEquals(303, r.statusCode(), r.body());
            }
            assertEquals(1, reads.get(), "read once, then kept");
            HttpResponse<String> r = launch(signed(claims("sub-panne", ORG.worker().email(), unique("PANNE"))
                    .audience(Http.json(down).getString("clientId")).build(), published));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("réessayez dans quelques minutes"), r.body());
        } finally {
            keys.stop(0);
        }
    }

    private record Refused(String token, int status, String says) {
    }

    private JWTClaimsSet with(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder b = claims("s1", ORG.worker().email(), unique("REFUS"));
        change.accept(b);
        return b.build();
    }

    private static Date ago(int seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("cle-2026").build(), claims);
        jwt.sign(new MACSigner("un-secret-partage-de-trente-deux-octets-au-moins"));
        return jwt.serialize();
    }
}
