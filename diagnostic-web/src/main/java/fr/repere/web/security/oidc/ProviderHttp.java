package fr.repere.web.security.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Carries Nimbus's requests to the provider. Nimbus's own sender (HttpURLConnection) bounds the
 * connect and each read, not the whole exchange nor the size of the answer: a provider dripping
 * bytes, or sending megabytes, would hold a request thread. Here each exchange ends within the
 * timeout and reads at most {@link #MAX_BODY_BYTES}; failures become PROVIDER_UNAVAILABLE.
 */
final class ProviderHttp implements HTTPRequestSender {

    /** Largest answer read from the provider (discovery, JWKS, tokens, userinfo are a few KiB). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_.+/-]{1,80}");
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /**
     * Sends a request built by Nimbus.
     *
     * @param what names the endpoint in error messages (e.g. "token endpoint")
     */
    HTTPResponse call(HTTPRequest request, String what) throws OidcException {
        try {
            return request.send(this);
        } catch (Unavailable e) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, what + " " + e.getMessage(), e.getCause());
        } catch (IOException e) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, what + " unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.getURI()).timeout(timeout);
        for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> b.header(h.getKey(), v));
            }
        }
        String body = request.getBody();
        b.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), info -> new LimitedBody());
        HttpResponse<byte[]> r;
        try {
            r = future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Unavailable("did not answer in time", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("call interrupted", null);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof Unavailable tooLarge) {
                    throw tooLarge;
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // transport errors carry host names at most, never request bodies
            throw new Unavailable("unreachable (" + cause.getClass().getSimpleName() + ")",
                    cause instanceof IOException ? cause : null);
        }
        HTTPResponse response = new HTTPResponse(r.statusCode());
        r.headers().map().forEach((name, values) -> response.setHeader(name, values.toArray(String[]::new)));
        response.setBody(new String(r.body(), StandardCharsets.UTF_8));
        return response;
    }

    /** A provider-supplied short code (OAuth error code, media type) that is safe to log, or "?". */
    static String safe(Object value) {
        String s = value == null ? "" : value.toString();
        return SAFE_TOKEN.matcher(s).matches() ? s : "?";
    }

    /** A failure described by our own words only (no provider text, no request content). */
    private static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Collects the body, failing once it exceeds {@link #MAX_BODY_BYTES}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + b.remaining() > MAX_BODY_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new Unavailable("answer is larger than " + MAX_BODY_BYTES + " bytes", null));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
