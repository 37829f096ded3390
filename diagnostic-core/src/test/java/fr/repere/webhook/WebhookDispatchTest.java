package fr.repere.webhook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookDispatchTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"evt-1\"}";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-05-04T08:00:00Z"));
    private final RecordedStore store = new RecordedStore();
    private final ScriptedSender sender = new ScriptedSender();
    private WebhookDispatch dispatch;

    @BeforeEach
    void setUp() {
        dispatch = new WebhookDispatch(store, sender, WebhookSettings.PRODUCTION,
                host -> List.of(InetAddress.getByName("93.184.216.34")), clock);
    }

    private static WebhookStore.Claimed claimed(int attempts, Instant failingSince, List<String> secrets) {
        return new WebhookStore.Claimed(7, "ep", "https://hote.exemple.fr/recu", "evt-1", BODY, attempts, failingSince, secrets);
    }

    private WebhookSender.Answer attempt(WebhookStore.Claimed c) {
        WebhookSender.Answer answer = dispatch.send(c);
        dispatch.record(c, answer);
        return answer;
    }

    @Test
    void sendsTheCloudEventWithTheThreeHeadersSignedWithEverySecret() {
        String previous = WebhookSignature.newSecret();
        sender.answers.add(new WebhookSender.Answer(204, null, null));
        attempt(claimed(0, null, List.of(SECRET, previous)));
        Map<String, String> headers = sender.sent.get(0);
        assertEquals("evt-1", headers.get("webhook-id"));
        long timestamp = clock.instant().getEpochSecond();
        assertEquals(Long.toString(timestamp), headers.get("webhook-timestamp"));
        assertEquals(WebhookSignature.sign("evt-1", timestamp, BODY, SECRET) + " "
                + WebhookSignature.sign("evt-1", timestamp, BODY, previous), headers.get("webhook-signature"));
        assertEquals(List.of("delivered 7"), store.calls);
    }

    @Test
    void aFailureIsTriedAgainOnTheScheduleAndTheEndpointMarkedFailing() {
        sender.answers.add(new WebhookSender.Answer(500, null, "HTTP 500"));
        attempt(claimed(0, null, List.of(SECRET)));
        assertEquals(List.of("failed 7 #1 next " + clock.instant().plusSeconds(5), "failing ep since " + clock.instant()),
                store.calls);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUp() {
        sender.answers.add(new WebhookSender.Answer(0, null, "délai dépassé"));
        attempt(claimed(9, clock.instant(), List.of(SECRET)));
        assertEquals("failed 7 #10 next null", store.calls.get(0));
    }

    @Test
    void retryAfterIsHonouredOn429And503() {
        sender.answers.add(new WebhookSender.Answer(429, Duration.ofMinutes(3), "HTTP 429"));
        attempt(claimed(0, null, List.of(SECRET)));
        assertEquals("failed 7 #1 next " + clock.instant().plus(Duration.ofMinutes(3)), store.calls.get(0));
        store.calls.clear();
        sender.answers.add(new WebhookSender.Answer(500, Duration.ofMinutes(3), "HTTP 500"));
        attempt(claimed(0, null, List.of(SECRET)));
        assertEquals("failed 7 #1 next " + clock.instant().plusSeconds(5), store.calls.get(0), "not on a 500");
    }

    @Test
    void a410DisablesTheEndpoint() {
        sender.answers.add(new WebhookSender.Answer(410, null, "HTTP 410"));
        attempt(claimed(0, null, List.of(SECRET)));
        assertEquals(List.of("failed 7 #1 next null", "disable ep GONE"), store.calls);
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabled() {
        Instant since = clock.instant().minus(Duration.ofDays(3)).plusSeconds(1);
        sender.answers.add(new WebhookSender.Answer(503, null, "HTTP 503"));
        attempt(claimed(3, since, List.of(SECRET)));
        assertEquals("failing ep since " + since, store.calls.get(1));
        store.calls.clear();
        clock.now = clock.now.plusSeconds(1);
        sender.answers.add(new WebhookSender.Answer(503, null, "HTTP 503"));
        attempt(claimed(4, since, List.of(SECRET)));
        assertEquals("disable ep FAILING", store.calls.get(1));
    }

    @Test
    void anAddressThatNowResolvesToAPrivateNetworkIsNotCalled() {
        dispatch = new WebhookDispatch(store, sender, WebhookSettings.PRODUCTION,
                host -> List.of(InetAddress.getByName("10.0.0.1")), clock);
        WebhookSender.Answer answer = attempt(claimed(0, null, List.of(SECRET)));
        assertTrue(sender.sent.isEmpty());
        assertTrue(answer.error().startsWith("adresse refusée"), answer.error());
    }

    @Test
    void rotationKeepsThePreviousSecretsFor24Hours() {
        WebhookAdministration admin = new WebhookAdministration(new fr.repere.identity.InMemoryOrganisations(), store,
                WebhookSettings.PRODUCTION, host -> List.of(InetAddress.getByName("93.184.216.34")), clock);
        store.endpoint = new WebhookEndpoint("ep", "org", "https://hote.exemple.fr/recu", List.of(), clock.instant(),
                null, null, null, null);
        String secret = admin.rotate("org", "ep");
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(List.of("secret ep expires " + clock.instant().plus(Duration.ofHours(24))), store.calls);
    }

    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class ScriptedSender implements WebhookSender {
        final Deque<Answer> answers = new ArrayDeque<>();
        final List<Map<String, String>> sent = new ArrayList<>();

        @Override
        public Answer post(URI url, Map<String, String> headers, String contentType, String body) {
            assertEquals("application/cloudevents+json", contentType);
            assertEquals(BODY, body);
            sent.add(headers);
            return answers.removeFirst();
        }
    }

    static final class RecordedStore implements WebhookStore {
        final List<String> calls = new ArrayList<>();
        WebhookEndpoint endpoint;

        @Override
        public List<WebhookEndpoint> endpoints(String organisation) {
            return endpoint == null ? List.of() : List.of(endpoint);
        }

        @Override
        public Optional<WebhookEndpoint> endpoint(String organisation, String id) {
            return Optional.ofNullable(endpoint).filter(e -> e.organisation().equals(organisation) && e.id().equals(id));
        }

        @Override
        public void add(WebhookEndpoint endpoint, String createdBy, String secret) {
            this.endpoint = endpoint;
        }

        @Override
        public void addSecret(String endpoint, String secret, Instant now, Instant previousExpireAt) {
            calls.add("secret " + endpoint + " expires " + previousExpireAt);
        }

        @Override
        public void delete(String endpoint, Instant now) {
            calls.add("delete " + endpoint);
        }

        @Override
        public int replay(String endpoint, Instant from, Instant now) {
            return 0;
        }

        @Override
        public int plan(Instant now) {
            return 0;
        }

        @Override
        public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
            return List.of();
        }

        @Override
        public void delivered(long delivery, String endpoint, int status, Instant now) {
            calls.add("delivered " + delivery);
        }

        @Override
        public void failed(long delivery, int attempts, int status, String error, Instant next) {
            calls.add("failed " + delivery + " #" + attempts + " next " + next);
        }

        @Override
        public void endpointFailing(String endpoint, Instant since, String error) {
            calls.add("failing " + endpoint + " since " + since);
        }

        @Override
        public void disable(String endpoint, String reason, String error, Instant now) {
            calls.add("disable " + endpoint + " " + reason);
        }
    }
}
