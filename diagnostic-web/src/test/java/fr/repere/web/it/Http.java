package fr.repere.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small black-box HTTP client for the integration tests. */
final class Http {

    private static final java.net.CookieManager COOKIES = new java.net.CookieManager();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(COOKIES).connectTimeout(Duration.ofSeconds(5)).build();
    /** The anti-CSRF token of the current session, sent with every request. */
    private static volatile String csrf;
    /** A host system's key, sent as a bearer token instead of a session. */
    private static volatile String bearer;

    /** Opens a session as this agent (the test password); later requests carry its cookie and token. */
    static JsonObject loginAs(URI base, String email) {
        anonymous();
        HttpResponse<String> r = postJson(base.resolve("/api/v1/session"),
                "{\"email\": \"" + email + "\", \"password\": \"" + TestOrganisations.PASSWORD + "\"}", java.util.Map.of());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode() + " " + r.body());
        }
        JsonObject session = json(r);
        csrf = session.getString("csrfToken");
        return session;
    }

    /** Forgets the session: the next requests are anonymous. */
    static void anonymous() {
        COOKIES.getCookieStore().removeAll();
        csrf = null;
        bearer = null;
    }

    /** Calls as a host system with this key (Authorization: Bearer), without any session. */
    static void asHost(String key) {
        anonymous();
        bearer = key;
    }

    private Http() {
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static HttpResponse<String> postJson(URI uri, String body, Map<String, String> headers) {
        return post(uri, "application/json", HttpRequest.BodyPublishers.ofString(body), headers);
    }

    static HttpResponse<String> post(URI uri, String contentType, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(body).header("Content-Type", contentType);
        headers.forEach(b::header);
        return send(b);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString(), true);
    }

    /** Sends with the session cookie but without the anti-CSRF token, as a forged cross-site request would. */
    static HttpResponse<String> sendWithoutToken(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString(), false);
    }

    static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray(), true);
    }

    /** A POST that may take minutes (a ruleset upload is compiled and checked on every profile). */
    static HttpResponse<String> postSlow(URI uri, String contentType, HttpRequest.BodyPublisher body) {
        return exchange(HttpRequest.newBuilder(uri).POST(body).header("Content-Type", contentType),
                HttpResponse.BodyHandlers.ofString(), true, Duration.ofMinutes(10));
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body,
                                                boolean withToken) {
        return exchange(request, body, withToken, Duration.ofSeconds(120));
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body,
                                                boolean withToken, Duration timeout) {
        if (withToken && csrf != null) {
            request.setHeader("X-CSRF-Token", csrf);
        }
        if (bearer != null) {
            request.setHeader("Authorization", "Bearer " + bearer);
        }
        try {
            return CLIENT.send(request.timeout(timeout).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
            return r.readObject();
        }
    }
}
