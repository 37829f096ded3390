package fr.repere.webhook;

import fr.repere.identity.ChangeRefusedException;
import fr.repere.identity.AdministrationRefusedException;
import fr.repere.identity.OrganisationDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation's webhook endpoints, managed by its administrators: registered with a secret
 * shown once, rotated (the previous secrets still sign for 24 hours), replayed from a date, deleted.
 * An id of another organisation is unknown. Transactions and the journal are the caller's.
 */
@ApplicationScoped
public class WebhookAdministration {

    /** How long the previous secrets still sign after a rotation. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private OrganisationDirectory directory;
    private WebhookStore store;
    private WebhookSettings settings;
    private WebhookUrls.Resolver resolver;
    private Clock clock;

    /** For CDI's proxy. */
    protected WebhookAdministration() {
    }

    @Inject
    public WebhookAdministration(OrganisationDirectory directory, WebhookStore store, WebhookSettings settings, Clock clock) {
        this(directory, store, settings, WebhookUrls.DNS, clock);
    }

    public WebhookAdministration(OrganisationDirectory directory, WebhookStore store, WebhookSettings settings,
                                 WebhookUrls.Resolver resolver, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new endpoint and its first secret, which nobody can read again through Repère once shown. */
    public record Created(WebhookEndpoint endpoint, String secret) {
        @Override
        public String toString() {
            return "Created[" + endpoint.id() + "]";
        }
    }

    public List<WebhookEndpoint> endpoints(String organisation) {
        return store.endpoints(organisation);
    }

    /**
     * @throws ChangeRefusedException         if the URL is refused
     * @throws AdministrationRefusedException at the first team that is not the organisation's
     */
    public Created create(String organisation, String by, String url, List<String> teams) {
        WebhookUrls.refusal(url, settings.allowHttpLoopback(), resolver).ifPresent(detail -> {
            throw ChangeRefusedException.invalid("url", detail);
        });
        for (int i = 0; i < teams.size(); i++) {
            if (directory.team(organisation, teams.get(i)).isEmpty()) {
                throw new AdministrationRefusedException(AdministrationRefusedException.Reason.UNKNOWN_TEAM, "teams", i);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), organisation, url.strip(),
                teams.stream().distinct().sorted().toList(), now, null, null, null, null);
        String secret = WebhookSignature.newSecret();
        store.add(endpoint, by, secret);
        return new Created(endpoint, secret);
    }

    /** @throws ChangeRefusedException if the organisation has no endpoint of this id */
    public WebhookEndpoint delete(String organisation, String id) {
        WebhookEndpoint endpoint = find(organisation, id);
        store.delete(endpoint.id(), clock.instant());
        return endpoint;
    }

    /** A new secret, shown once; the previous ones still sign for {@link #ROTATION_OVERLAP}. */
    public String rotate(String organisation, String id) {
        WebhookEndpoint endpoint = find(organisation, id);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        store.addSecret(endpoint.id(), secret, now, now.plus(ROTATION_OVERLAP));
        return secret;
    }

    /**
     * Sends again the events that occurred since {@code from} (and enables the endpoint again if it
     * was disabled); returns how many deliveries were planned.
     */
    public int replay(String organisation, String id, Instant from) {
        WebhookEndpoint endpoint = find(organisation, id);
        Instant now = clock.instant();
        if (from.isAfter(now)) {
            throw ChangeRefusedException.invalid("from",
                    "La date de reprise doit être passée.");
        }
        return store.replay(endpoint.id(), from, now);
    }

    private WebhookEndpoint find(String organisation, String id) {
        return store.endpoint(organisation, id).orElseThrow(() -> ChangeRefusedException.unknown(
                "Aucun webhook de votre organisation ne porte cet identifiant."));
    }
}
