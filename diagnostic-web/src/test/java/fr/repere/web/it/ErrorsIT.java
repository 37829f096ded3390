package fr.repere.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No input gives a 5xx, and what the container answers itself is a problem in French too: JSON
 * beyond the parser's limits, query parameters of the wrong type, methods the static files do not
 * know, unknown paths; no Server header, even on the listener's own answers; Location never built
 * from the Host header. Raw sockets: java.net.http refuses to send some of these requests (a Host
 * header, a malformed path).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorsIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("errors");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** An answer read off the socket: status, headers (lower-case names), body. */
    record Raw(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        String type() {
            String t = header("Content-Type");
            return t == null ? "" : t.split(";")[0].strip();
        }
    }

    private Raw raw(String requestHead, String body) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(s.getInputStream());
        }
    }

    private Raw raw(String method, String target, String extraHeaders) throws IOException {
        return raw(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n", "");
    }

    private static Raw parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(all, end + 4, all.length);
        String[] lines = head.split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        if (headers.containsKey("transfer-encoding")) {
            body = unchunk(body);
        }
        return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int eol = indexOf(chunked, new byte[] {'\r', '\n'}, i);
            int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, size);
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        for (int i = from; i <= data.length - what.length; i++) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static void assertProblem(int status, String type, Raw r) {
        assertEquals(status, r.status(), r.headers() + "\n" + r.body());
        assertEquals("application/problem+json", r.type(), r.headers().toString());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertTrue(r.body().contains("\"type\":\"" + type + "\""), r.body());
        assertFalse(r.body().contains("Payara"), r.body());
    }

    @Test
    void jsonBeyondTheParsersLimitsIsA400EvenForTheAnonymousLogin() throws IOException {
        String deep = "{\"email\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";
        String longNumber = "{\"email\":" + "1".repeat(1_500) + "}";
        for (String body : List.of(deep, longNumber)) {
            Raw r = raw("POST /api/v1/session HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n", body);
            assertProblem(400, "urn:repere:problem:malformed-request", r);
            assertTrue(r.body().contains("JSON refusé : imbrication trop profonde ou nombre trop long."), r.body());
        }
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() {
        Http.loginAs(uri("/"), ORG.worker().email());
        try {
            HttpResponse<String> r = Http.get(uri("/api/v1/territories/communes?q=lille&limit=abc"));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(r.body().contains("Le paramètre « limit » n'a pas la forme attendue"), r.body());
            assertEquals(200, Http.get(uri("/api/v1/territories/communes?q=lille&limit=5")).statusCode());
        } finally {
            Http.anonymous();
        }
    }

    @Test
    void methodsTheStaticFilesDoNotKnowAndUnknownPathsAreProblems() throws IOException {
        assertProblem(501, "about:blank", raw("PATCH", "/assets/js/api.js", "Content-Length: 0\r\n"));
        assertProblem(501, "about:blank", raw("BREW", "/index.html", ""));
        Raw unknown = raw("GET", "/nulle-part", "");
        assertProblem(404, "about:blank", unknown);
        assertTrue(unknown.body().contains("Ressource introuvable"), unknown.body());
        assertProblem(404, "about:blank", raw("GET", "/api/v1/nulle-part", ""));
    }

    @Test
    void malformedRequestsNeverGetA5xx() throws IOException {
        List<Raw> answers = List.of(
                raw("GET", "/%ZZ", ""),
                raw("GET", "/api/v1/%ZZ", ""),
                raw("GET", "/", "X-Long: " + "a".repeat(20_000) + "\r\n"),
                raw("GET", "/", "X-Long: " + "a".repeat(70_000) + "\r\n"),
                raw("TRACE", "/", ""));
        for (Raw r : answers) {
            assertTrue(r.status() < 500, r.status() + " " + r.headers() + " " + r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }

    /**
     * No Server header at all, X-Powered-By neither: on what the application serves (page, static file,
     * API, its error answers) and on what the HTTP listener answers before any application code
     * (malformed path, oversized header) — the pre-boot command file switches them off at the listener.
     */
    @Test
    void noResponseNamesTheServer() throws IOException {
        for (Raw r : List.of(raw("GET", "/", ""), raw("GET", "/assets/js/api.js", ""),
                raw("GET", "/api/v1/questionnaires/current", ""), raw("GET", "/nulle-part", ""),
                raw("PATCH", "/index.html", "Content-Length: 0\r\n"), raw("GET", "/api/v1/nulle-part", ""),
                raw("GET", "/%ZZ", ""), raw("GET", "/", "X-Long: " + "a".repeat(20_000) + "\r\n"))) {
            assertNull(r.header("Server"), r.status() + " " + r.headers());
            assertNull(r.header("X-Powered-By"), r.status() + " " + r.headers());
        }
    }

    @Test
    void locationNeverComesFromTheHostHeader() throws IOException {
        Raw redirect = raw("GET /assets HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", "");
        assertEquals(301, redirect.status(), redirect.headers().toString());
        assertEquals("/assets/", redirect.header("Location")); // made by the container before any filter: relative
        String here = URI.create(base.toString()).resolve("/").toString(); // where the connection arrived

        String login = "{\"email\":\"" + ORG.worker().email() + "\",\"password\":\"" + TestOrganisations.PASSWORD + "\"}";
        Raw session = raw("POST /api/v1/session HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + login.length() + "\r\n\r\n", login);
        assertEquals(200, session.status(), session.body());
        String cookie = session.headers().get("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow().split(";")[0];
        String csrf = Http.json(session.body()).getString("csrfToken");
        String draft = "{\"caseRef\":\"ERR-LOC-1\",\"consent\":true,\"answers\":{}}";
        Raw created = raw("POST /api/v1/drafts HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + cookie
                + "\r\nX-CSRF-Token: " + csrf + "\r\nContent-Type: application/json\r\nContent-Length: " + draft.length()
                + "\r\n\r\n", draft);
        assertEquals(201, created.status(), created.body());
        String location = created.header("Location");
        assertFalse(location.contains("evil.example"), location);
        assertTrue(location.matches(java.util.regex.Pattern.quote(here) + "api/v1/drafts/[0-9a-f-]{36}"), location);
    }
}
