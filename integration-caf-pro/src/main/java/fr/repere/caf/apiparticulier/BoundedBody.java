package fr.repere.caf.apiparticulier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Body handler of one request that never keeps more than {@code cap} bytes of an answer: a
 * {@code Content-Length} above the cap is refused before any byte is read, and a body without
 * (or lying about) its length is cut as soon as it passes the cap; either way the body completes
 * with a {@link TooLargeException} and the subscription is cancelled, which closes the connection.
 *
 * <p>Bytes are requested one buffer at a time, so the HTTP client never reads far ahead of the
 * count. {@link #abort()} cancels the reading from outside (the caller's deadline passed).
 * The body is decoded as UTF-8 (API Particulier answers JSON).
 */
final class BoundedBody implements HttpResponse.BodyHandler<String> {

    /** Largest answer read from API Particulier: its answers are well under a kilobyte. */
    static final int MAX_BYTES = 1024 * 1024;

    private final long cap;
    private volatile Reader reader;
    private volatile boolean aborted;

    BoundedBody(long cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        long declared;
        try {
            declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            declared = -1;
        }
        Reader created = new Reader(cap, declared > cap);
        reader = created;
        if (aborted) {
            created.abort();
        }
        return created;
    }

    /** Stops reading the body, if it is being read (idempotent). */
    void abort() {
        aborted = true;
        Reader current = reader;
        if (current != null) {
            current.abort();
        }
    }

    /** The answer is larger than the cap; carries no part of it. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("answer larger than the cap", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Subscriber of one body. */
    static final class Reader implements HttpResponse.BodySubscriber<String> {

        private final long cap;
        private final boolean refused;
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        Reader(long cap, boolean refused) {
            this.cap = cap;
            this.refused = refused;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            Objects.requireNonNull(subscription, "subscription");
            if (this.subscription != null) {
                subscription.cancel();
                return;
            }
            this.subscription = subscription;
            if (refused) {
                stop(new TooLargeException());
            } else if (body.isDone()) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > cap) {
                    stop(new TooLargeException());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public synchronized void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public synchronized void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        /** Bytes kept so far (tests). */
        synchronized long received() {
            return received;
        }

        synchronized void abort() {
            stop(new IOException("reading aborted", null));
        }

        private void stop(IOException why) {
            body.completeExceptionally(why);
            bytes.reset();
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
