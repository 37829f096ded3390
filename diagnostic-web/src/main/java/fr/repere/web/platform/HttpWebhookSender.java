package fr.repere.web.platform;

import fr.repere.webhook.WebhookSender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sends webhooks with the JDK's HTTP client: no redirect followed, a timeout on the connection and
 * on the answer, and the answer's body never read (only its status and Retry-After).
 */
final class HttpWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    HttpWebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", contentType)
                .header("User-Agent", "Repere-Webhooks/1").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // the body is never read
            int status = response.statusCode();
            Duration retryAfter = response.headers().firstValue("Retry-After").map(HttpWebhookSender::retryAfter).orElse(null);
            return new Answer(status, retryAfter, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Answer(0, null, "délai dépassé (" + timeout.toSeconds() + " s)");
        } catch (IOException e) {
            return new Answer(0, null, "échec de connexion : " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "envoi interrompu");
        }
    }

    /** Seconds, or an HTTP date; null when neither. */
    static Duration retryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
