package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The capped body subscriber, fed by hand: what it requests, keeps, and when it cancels. */
class BoundedBodyTest {

    /** A subscription that only records what the subscriber asks. */
    private static final class Recording implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (a, b) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static List<ByteBuffer> bytes(int n) {
        return List.of(ByteBuffer.wrap("a".repeat(n).getBytes(StandardCharsets.US_ASCII)));
    }

    private static Throwable failure(HttpResponse.BodySubscriber<String> subscriber) {
        CompletableFuture<String> body = subscriber.getBody().toCompletableFuture();
        assertTrue(body.isDone(), "the body is settled at once");
        return assertThrows(ExecutionException.class, body::get).getCause();
    }

    @Test
    void theCapIsOneMebibyte() {
        assertEquals(1_048_576, BoundedBody.MAX_BYTES);
    }

    @Test
    void aDeclaredLengthAboveTheCapIsRefusedBeforeAnyByte() {
        HttpResponse.BodySubscriber<String> subscriber = new BoundedBody(BoundedBody.MAX_BYTES)
                .apply(info(Map.of("Content-Length", List.of("104857600"))));
        Recording subscription = new Recording();

        subscriber.onSubscribe(subscription);

        assertEquals(0, subscription.requested, "not a single buffer asked");
        assertTrue(subscription.cancelled);
        assertInstanceOf(BoundedBody.TooLargeException.class, failure(subscriber));
    }

    @Test
    void aBodyWithoutLengthIsCutAsSoonAsItPassesTheCap() {
        HttpResponse.BodySubscriber<String> subscriber = new BoundedBody(100).apply(info(Map.of()));
        Recording subscription = new Recording();
        subscriber.onSubscribe(subscription);

        subscriber.onNext(bytes(60));
        subscriber.onNext(bytes(40));
        assertEquals(3, subscription.requested, "one buffer at a time");
        subscriber.onNext(bytes(1));

        assertTrue(subscription.cancelled);
        assertEquals(3, subscription.requested, "nothing more asked once past the cap");
        assertInstanceOf(BoundedBody.TooLargeException.class, failure(subscriber));
        subscriber.onNext(bytes(1_000));
        subscriber.onComplete();
        assertEquals(3, subscription.requested);
    }

    @Test
    void aBodyLyingAboutItsLengthIsCutToo() {
        HttpResponse.BodySubscriber<String> subscriber = new BoundedBody(100)
                .apply(info(Map.of("Content-Length", List.of("10"))));
        Recording subscription = new Recording();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(bytes(101));
        assertTrue(subscription.cancelled);
        assertInstanceOf(BoundedBody.TooLargeException.class, failure(subscriber));
    }

    @Test
    void aBodyUpToTheCapIsKept() throws Exception {
        HttpResponse.BodySubscriber<String> subscriber = new BoundedBody(100)
                .apply(info(Map.of("Content-Length", List.of("100"))));
        Recording subscription = new Recording();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.wrap("é".getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap("a".repeat(98).getBytes())));
        subscriber.onComplete();

        assertEquals("é" + "a".repeat(98), subscriber.getBody().toCompletableFuture().get());
        assertTrue(!subscription.cancelled);
    }

    @Test
    void abortingStopsTheReading() {
        BoundedBody handler = new BoundedBody(100);
        HttpResponse.BodySubscriber<String> subscriber = handler.apply(info(Map.of()));
        Recording subscription = new Recording();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(bytes(10));

        handler.abort();

        assertTrue(subscription.cancelled);
        assertInstanceOf(java.io.IOException.class, failure(subscriber));
    }

    @Test
    void aBadContentLengthIsNoExcuseToReadMore() {
        HttpResponse.BodySubscriber<String> subscriber = new BoundedBody(100)
                .apply(info(Map.of("Content-Length", List.of("lots"))));
        Recording subscription = new Recording();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(bytes(200));
        assertInstanceOf(BoundedBody.TooLargeException.class, failure(subscriber));
    }
}
