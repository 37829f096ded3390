package fr.repere.web.security.oidc;

import fr.repere.web.security.oidc.OidcException.Reason;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** HTTP calls to the provider: bounded in time and in size, transport failures mapped to PROVIDER_UNAVAILABLE. */
final class ProviderHttp {

    /** Largest answer read from the provider (discovery, JWKS, tokens, userinfo are a few KiB). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_.+/-]{1,80}");

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

    /** An answer of the provider, read whole. */
    record Response(int status, String mediaType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean serverError() {
            return status >= 500;
        }
    }

    HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    /**
     * Sends the request and reads the whole answer within the timeout.
     *
     * @param what names the endpoint in error messages (e.g. "token endpoint")
     */
    Response send(HttpRequest request, String what) throws OidcException {
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> r = future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            return new Response(r.statusCode(), mediaType(contentType), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, what + " did not answer in time");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "interrupted while calling the " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLarge) {
                    cause = t;
                    break;
                }
            }
            if (cause instanceof BodyTooLarge) {
                throw new OidcException(Reason.PROVIDER_UNAVAILABLE, what + " answer is larger than "
                        + MAX_BODY_BYTES + " bytes");
            }
            // transport errors carry host names at most, never request bodies
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, what + " unreachable ("
                    + cause.getClass().getSimpleName() + ")", cause instanceof IOException ? cause : null);
        }
    }

    /** The media type of a Content-Type value, lower case, without parameters. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        String type = semi < 0 ? contentType : contentType.substring(0, semi);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    /** A provider-supplied short code (OAuth error code, media type) that is safe to log, or "?". */
    static String safe(Object value) {
        String s = value == null ? "" : value.toString();
        return SAFE_TOKEN.matcher(s).matches() ? s : "?";
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("response body too large");
        }
    }

    /** Collects the body, failing once it exceeds the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

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
                if (out.size() + b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge());
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
