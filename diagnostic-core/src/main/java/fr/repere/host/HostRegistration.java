package fr.repere.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A host system registered for signed launches by an organisation's administrators: who signs
 * ({@code issuer}, with the public keys in {@code jwks}), for which audience ({@code clientId},
 * given by Repère), under which deployments, into which teams (none: every team of the
 * organisation), and from which web origin (the only parent a framed page of Repère posts to).
 *
 * @param jwks    the host's public keys pinned at registration, a JWK Set in JSON, public parts only
 *                (ES256 or RS256); null when they are published at {@code jwksUri}
 * @param jwksUri where the host publishes its public keys (https, public); null when pinned
 */
public record HostRegistration(String id, String organisation, String label, String issuer, String clientId, String origin,
                               String jwks, String jwksUri, List<String> deploymentIds, List<String> teams, Instant createdAt) {

    public HostRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        if ((jwks == null) == (jwksUri == null)) {
            throw new IllegalArgumentException("keys pinned (jwks) or published (jwksUri): one of them");
        }
        deploymentIds = List.copyOf(deploymentIds);
        teams = List.copyOf(teams);
    }

    /** Whether a launch may open a session in this team. */
    public boolean launchesInto(String team) {
        return teams.isEmpty() || teams.contains(team);
    }
}
