package fr.repere.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes the host events to the endpoints: plans one delivery per (event, endpoint), claims the
 * due ones (never the same on two nodes), sends each signed as Standard Webhooks and records the
 * answer. A 2xx delivers; a 410 disables the endpoint; any other answer or a network failure is
 * tried again on the {@link WebhookSchedule} ({@code Retry-After} honoured on 429 and 503); an
 * endpoint failing for {@link #DISABLED_AFTER} is disabled. Claiming and recording each run in a
 * transaction of the caller's; sending runs outside any.
 */
@ApplicationScoped
public class WebhookDispatch {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    /** An endpoint failing this long without a success is disabled. */
    public static final Duration DISABLED_AFTER = Duration.ofDays(3);
    /** A claimed delivery is not claimed again before this (its send has a timeout well below). */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private WebhookStore store;
    private WebhookSender sender;
    private WebhookSettings settings;
    private WebhookUrls.Resolver resolver;
    private WebhookSchedule schedule;
    private Clock clock;

    /** For CDI's proxy. */
    protected WebhookDispatch() {
    }

    @Inject
    public WebhookDispatch(WebhookStore store, WebhookSender sender, WebhookSettings settings, Clock clock) {
        this(store, sender, settings, WebhookUrls.DNS, clock);
    }

    public WebhookDispatch(WebhookStore store, WebhookSender sender, WebhookSettings settings, WebhookUrls.Resolver resolver,
                           Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.schedule = new WebhookSchedule(settings.retryScale());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Plans the deliveries of the events numbered since the last planning; returns how many. */
    public int plan() {
        return store.plan(clock.instant());
    }

    /** Claims up to {@code limit} due deliveries, leased for {@link #LEASE}. */
    public List<WebhookStore.Claimed> claim(int limit) {
        Instant now = clock.instant();
        return store.claim(now, now.plus(LEASE), limit);
    }

    /**
     * Sends a claimed delivery, signed with each of the endpoint's active secrets. The URL is
     * checked again (a name may resolve elsewhere since it was registered).
     */
    public WebhookSender.Answer send(WebhookStore.Claimed claimed) {
        Optional<String> refused = WebhookUrls.refusal(claimed.url(), settings.allowHttpLoopback(), resolver);
        if (refused.isPresent()) {
            return new WebhookSender.Answer(0, null, "adresse refusée : " + refused.get());
        }
        if (claimed.secrets().isEmpty()) {
            return new WebhookSender.Answer(0, null, "aucun secret actif");
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", claimed.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(claimed.eventId(), timestamp, claimed.body(), claimed.secrets()));
        return sender.post(URI.create(claimed.url()), headers, CONTENT_TYPE, claimed.body());
    }

    /** Records the answer to an attempt: delivered, tried again later, or given up. */
    public void record(WebhookStore.Claimed claimed, WebhookSender.Answer answer) {
        Instant now = clock.instant();
        int attempts = claimed.attempts() + 1;
        if (answer.success()) {
            store.delivered(claimed.delivery(), claimed.endpoint(), answer.status(), now);
            return;
        }
        String error = answer.error() != null ? answer.error() : "HTTP " + answer.status();
        if (answer.status() == 410) {
            store.failed(claimed.delivery(), attempts, answer.status(), error, null);
            store.disable(claimed.endpoint(), WebhookEndpoint.GONE, error, now);
            return;
        }
        Duration retryAfter = answer.status() == 429 || answer.status() == 503 ? answer.retryAfter() : null;
        Optional<Duration> delay = schedule.afterFailures(attempts, retryAfter);
        store.failed(claimed.delivery(), attempts, answer.status(), error, delay.map(now::plus).orElse(null));
        Instant since = claimed.failingSince() == null ? now : claimed.failingSince();
        if (!since.plus(DISABLED_AFTER).isAfter(now)) {
            store.disable(claimed.endpoint(), WebhookEndpoint.FAILING, error, now);
        } else {
            store.endpointFailing(claimed.endpoint(), since, error);
        }
    }
}
