package fr.repere.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The endpoints, their secrets and their deliveries, kept in the caller's transaction. */
public interface WebhookStore {

    /** The organisation's endpoints not deleted, oldest first. */
    List<WebhookEndpoint> endpoints(String organisation);

    /** The organisation's endpoint of this id, if not deleted. */
    Optional<WebhookEndpoint> endpoint(String organisation, String id);

    /** Keeps a new endpoint and its first secret; it receives the events numbered from now on. */
    void add(WebhookEndpoint endpoint, String createdBy, String secret);

    /** Adds a secret; the endpoint's other secrets still unexpired expire at {@code previousExpireAt}. */
    void addSecret(String endpoint, String secret, Instant now, Instant previousExpireAt);

    void delete(String endpoint, Instant now);

    /**
     * Plans again the deliveries of the endpoint's events that occurred since {@code from} (up to
     * those planned already) and enables it again if it was disabled; returns how many.
     */
    int replay(String endpoint, Instant from, Instant now);

    /** Plans the deliveries of the events numbered since each enabled endpoint's last planning; returns how many. */
    int plan(Instant now);

    /**
     * Up to {@code limit} deliveries due at {@code now} of enabled endpoints, locked with SKIP LOCKED
     * (so that another node's claim passes over them) and leased until {@code leaseUntil}.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit);

    void delivered(long delivery, String endpoint, int status, Instant now);

    /** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    void failed(long delivery, int attempts, int status, String error, Instant next);

    /** The endpoint's failure state after a failed attempt. */
    void endpointFailing(String endpoint, Instant since, String error);

    void disable(String endpoint, String reason, String error, Instant now);

    /**
     * A claimed delivery: its event's id and CloudEvents JSON, where to send it, the attempts made
     * so far, the endpoint's failure state and its active secrets (newest first).
     */
    record Claimed(long delivery, String endpoint, String url, String eventId, String body, int attempts,
                   Instant failingSince, List<String> secrets) {
        public Claimed {
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "Claimed[delivery=" + delivery + ", endpoint=" + endpoint + ", event=" + eventId + "]"; // never the secrets
        }
    }
}
