package fr.repere.host;

import fr.repere.identity.ChangeRefusedException;
import fr.repere.identity.AdministrationRefusedException;
import fr.repere.identity.OrganisationDirectory;
import fr.repere.webhook.WebhookSettings;
import fr.repere.webhook.WebhookUrls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The host systems an organisation's administrators register for signed launches: the issuer and
 * public keys of its launches, its deployments, the teams it may open, and its web origin. Repère
 * gives the audience ({@code client_id}). An id of another organisation is unknown. Transactions and
 * the journal are the caller's; the keys arrive checked (public ES256/RS256 keys only) by the web
 * boundary, which alone reads JOSE.
 */
@ApplicationScoped
public class HostAdministration {

    public static final int MAX_DEPLOYMENTS = 20;

    private OrganisationDirectory directory;
    private HostRegistrations registrations;
    private WebhookSettings settings;
    private WebhookUrls.Resolver resolver;
    private Clock clock;

    /** For CDI's proxy. */
    protected HostAdministration() {
    }

    @Inject
    public HostAdministration(OrganisationDirectory directory, HostRegistrations registrations, WebhookSettings settings,
                              Clock clock) {
        this(directory, registrations, settings, WebhookUrls.DNS, clock);
    }

    public HostAdministration(OrganisationDirectory directory, HostRegistrations registrations, WebhookSettings settings,
                              WebhookUrls.Resolver resolver, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a registration asks for: {@code jwks} (already checked: public keys only) or
     * {@code jwksUri}, one of them.
     */
    public record Request(String label, String issuer, String origin, String jwks, String jwksUri, List<String> deploymentIds,
                          List<String> teams) {
    }

    public List<HostRegistration> registrations(String organisation) {
        return registrations.of(organisation);
    }

    /**
     * @throws ChangeRefusedException           if a field is refused
     * @throws AdministrationRefusedException at the first team that is not the organisation's
     */
    public HostRegistration register(String organisation, String by, Request request) {
        String label = request.label() == null ? "" : request.label().strip();
        if (label.isEmpty() || label.length() > 120) {
            throw invalid("label", "Le nom du logiciel est obligatoire (120 caractères au plus).");
        }
        if (!isWebAddress(request.issuer(), false, settings.allowHttpLoopback()) || request.issuer().length() > 255) {
            throw invalid("issuer", "L'émetteur (iss) est l'adresse https de votre logiciel métier, telle qu'il l'écrit dans "
                    + "ses jetons (255 caractères au plus).");
        }
        if (!isWebAddress(request.origin(), true, settings.allowHttpLoopback())) {
            throw invalid("origin", "L'origine est l'adresse https du site de votre logiciel métier, sans chemin "
                    + "(par exemple https://logiciel.exemple.fr).");
        }
        if ((request.jwks() == null) == (request.jwksUri() == null)) {
            throw invalid("jwks", "Donnez les clés publiques du logiciel (jwks) ou l'adresse où il les publie (jwksUri), "
                    + "l'une ou l'autre.");
        }
        if (request.jwksUri() != null) {
            WebhookUrls.refusal("L'adresse des clés publiques", request.jwksUri(), settings.allowHttpLoopback(), resolver)
                    .ifPresent(detail -> {
                        throw invalid("jwksUri", detail);
                    });
        }
        List<String> deployments = request.deploymentIds() == null ? List.of() : request.deploymentIds().stream().distinct().toList();
        if (deployments.isEmpty() || deployments.size() > MAX_DEPLOYMENTS
                || deployments.stream().anyMatch(d -> d == null || d.isBlank() || d.length() > 255)) {
            throw invalid("deploymentIds", "Indiquez de 1 à " + MAX_DEPLOYMENTS + " identifiants de déploiement "
                    + "(deployment_id, 255 caractères au plus chacun).");
        }
        List<String> teams = request.teams() == null ? List.of() : request.teams().stream().distinct().sorted().toList();
        for (int i = 0; i < teams.size(); i++) {
            if (directory.team(organisation, teams.get(i)).isEmpty()) {
                throw new AdministrationRefusedException(AdministrationRefusedException.Reason.UNKNOWN_TEAM, "teams", i);
            }
        }
        HostRegistration registration = new HostRegistration(UUID.randomUUID().toString(), organisation, label,
                request.issuer(), UUID.randomUUID().toString(), origin(request.origin()), request.jwks(),
                request.jwksUri() == null ? null : request.jwksUri().strip(), deployments, teams,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        registrations.add(registration, by);
        return registration;
    }

    /** @throws ChangeRefusedException if the organisation has no registration of this id */
    public HostRegistration remove(String organisation, String id) {
        HostRegistration registration = registrations.find(organisation, id)
                .orElseThrow(() -> ChangeRefusedException.unknown(
                        "Aucun logiciel métier enregistré de votre organisation ne porte cet identifiant."));
        registrations.remove(registration.id(), clock.instant());
        return registration;
    }

    /** An https address (http only on a loopback host when allowed); an origin has no path, query nor fragment. */
    static boolean isWebAddress(String text, boolean originOnly, boolean allowHttpLoopback) {
        if (text == null || text.isBlank() || text.length() > 255) {
            return false;
        }
        try {
            URI u = new URI(text);
            boolean loopback = "localhost".equalsIgnoreCase(u.getHost()) || "127.0.0.1".equals(u.getHost());
            boolean scheme = "https".equals(u.getScheme()) || allowHttpLoopback && "http".equals(u.getScheme()) && loopback;
            boolean bare = (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
                    && u.getRawQuery() == null && u.getRawFragment() == null;
            return scheme && u.getHost() != null && u.getUserInfo() == null && (!originOnly || bare);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The origin as browsers write it: scheme://host[:port], no trailing slash. */
    static String origin(String text) {
        URI u = URI.create(text);
        return u.getScheme() + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    }

    private static ChangeRefusedException invalid(String field, String detail) {
        return ChangeRefusedException.invalid(field, detail);
    }
}
