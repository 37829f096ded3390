package fr.repere.web.platform;

import fr.repere.webhook.WebhookSender;
import fr.repere.webhook.WebhookUrls;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends webhooks with Apache HttpClient, connecting only to the addresses it has just checked are
 * public ({@link PublicAddresses}): the name is resolved once, and a DNS answer that changes between
 * the check and the connection (a DNS rebinding) cannot make Repère call its own network. No redirect
 * followed, no retry by the client (the dispatcher decides), no cookie, the answer's body never read
 * (only its status and Retry-After), and the whole request cut at the timeout.
 */
final class HttpWebhookSender implements WebhookSender {

    private final CloseableHttpClient client;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "repere-webhook-deadlines");
        t.setDaemon(true);
        return t;
    });

    HttpWebhookSender(Duration timeout, boolean allowLoopback, WebhookUrls.Resolver resolver) {
        this.timeout = timeout;
        Timeout t = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PublicAddresses(resolver, allowLoopback))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Repere-Webhooks/1")
                .build();
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, String contentType, String body) {
        HttpPost post = new HttpPost(url);
        // UTF-8 bytes, sent under the content type exactly as given (the signature covers the bytes)
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType)));
        headers.forEach(post::setHeader);
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            // closed without reading the entity: the body is never read (the connection is dropped, not reused)
            int status = response.getCode();
            Header header = response.getFirstHeader("Retry-After");
            Duration retryAfter = header == null ? null : retryAfter(header.getValue());
            return new Answer(status, retryAfter, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (PublicAddresses.NonPublicAddressException e) {
            return new Answer(0, null, "adresse refusée : le nom désigne maintenant un réseau local ou privé");
        } catch (InterruptedIOException e) {
            // a connect or read timeout, or the deadline that cancelled the request
            boolean late = e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException || post.isCancelled();
            return new Answer(0, null, late ? "délai dépassé (" + timeout.toSeconds() + " s)" : "envoi interrompu");
        } catch (IOException e) {
            return new Answer(0, null, post.isCancelled() ? "délai dépassé (" + timeout.toSeconds() + " s)"
                    : "échec de connexion : " + e.getClass().getSimpleName());
        } finally {
            deadline.cancel(false);
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
