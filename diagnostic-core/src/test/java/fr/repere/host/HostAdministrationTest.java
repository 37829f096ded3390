package fr.repere.host;

import fr.repere.identity.ChangeRefusedException;
import fr.repere.identity.AdministrationRefusedException;
import fr.repere.identity.InMemoryOrganisations;
import fr.repere.identity.Team;
import fr.repere.webhook.WebhookSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an administrator may register as a host for signed launches, and what Repère gives back. */
class HostAdministrationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String KEYS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\",\"x\":\"x\",\"y\":\"y\"}]}";

    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final List<HostRegistration> stored = new ArrayList<>();
    private final HostRegistrations registrations = new HostRegistrations() {
        @Override
        public List<HostRegistration> of(String organisation) {
            return stored.stream().filter(r -> r.organisation().equals(organisation)).toList();
        }

        @Override
        public Optional<HostRegistration> find(String organisation, String id) {
            return of(organisation).stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public Optional<HostRegistration> byIssuerAndClient(String issuer, String clientId) {
            return Optional.empty();
        }

        @Override
        public void add(HostRegistration registration, String by) {
            stored.add(registration);
        }

        @Override
        public void remove(String id, Instant at) {
            stored.removeIf(r -> r.id().equals(id));
        }
    };
    private final HostAdministration production = new HostAdministration(organisations, registrations, WebhookSettings.PRODUCTION,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Team team = new Team("org-1", "Équipe A");
    private final Team foreign = new Team("org-2", "Ailleurs");

    {
        organisations.teams.add(team);
        organisations.teams.add(foreign);
    }

    private static HostAdministration.Request request(String issuer, String origin, List<String> deployments, List<String> teams) {
        return new HostAdministration.Request("Solis (CCAS)", issuer, origin, KEYS, null, deployments, teams);
    }

    @Test
    void repereGivesTheAudienceAndKeepsTheOriginAsBrowsersWriteIt() {
        HostRegistration r = production.register("org-1", "admin", request("https://solis.exemple.fr", "https://Solis.Exemple.fr/",
                List.of("prod", "prod"), List.of(team.id())));
        assertEquals("https://solis.exemple.fr", r.origin());
        assertEquals(List.of("prod"), r.deploymentIds());
        assertEquals(List.of(team.id()), r.teams());
        assertEquals(36, r.clientId().length());
        assertNotEquals(r.id(), r.clientId());
        assertEquals(NOW, r.createdAt());
        assertEquals(List.of(r), production.registrations("org-1"));
        assertEquals(List.of(), production.registrations("org-2"));
    }

    @Test
    void addressesAreHttpsAndTheOriginHasNoPath() {
        for (String[] bad : new String[][] {
                {"issuer", "http://solis.exemple.fr", "https://solis.exemple.fr"},
                {"issuer", "solis", "https://solis.exemple.fr"},
                {"origin", "https://solis.exemple.fr", "https://solis.exemple.fr/ecran"},
                {"origin", "https://solis.exemple.fr", "http://solis.exemple.fr"},
                {"origin", "https://solis.exemple.fr", "https://solis.exemple.fr?x=1"},
                {"origin", "https://solis.exemple.fr", "http://127.0.0.1:9"}}) {
            ChangeRefusedException e = assertThrows(ChangeRefusedException.class,
                    () -> production.register("org-1", "admin", request(bad[1], bad[2], List.of("prod"), List.of())));
            assertEquals(bad[0], e.field(), String.join(" ", bad));
        }
        HostAdministration tests = new HostAdministration(organisations, registrations, new WebhookSettings(true, 1),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("http://127.0.0.1:9", tests.register("org-1", "admin",
                request("http://127.0.0.1:9/hote", "http://127.0.0.1:9", List.of("d"), List.of())).origin(),
                "loopback http only where the installation allows it (tests, embedded run)");
        assertEquals(1, stored.size());
    }

    @Test
    void oneToTwentyDeploymentsAndTeamsOfTheOrganisationOnly() {
        assertEquals("deploymentIds", assertThrows(ChangeRefusedException.class, () -> production.register("org-1", "admin",
                request("https://s.fr", "https://s.fr", List.of(), List.of()))).field());
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= HostAdministration.MAX_DEPLOYMENTS; i++) {
            many.add("d" + i);
        }
        assertEquals("deploymentIds", assertThrows(ChangeRefusedException.class, () -> production.register("org-1", "admin",
                request("https://s.fr", "https://s.fr", many, List.of()))).field());
        AdministrationRefusedException e = assertThrows(AdministrationRefusedException.class, () -> production.register("org-1",
                "admin", request("https://s.fr", "https://s.fr", List.of("d"), List.of(team.id(), foreign.id()))));
        assertEquals(AdministrationRefusedException.Reason.UNKNOWN_TEAM, e.reason());
        assertEquals(Collections.emptyList(), stored, "nothing registered by a refused request");
    }

    @Test
    void keysPinnedOrPublishedAtAPublicHttpsAddressOneOrTheOther() throws Exception {
        java.net.InetAddress pub = java.net.InetAddress.getByName("93.184.216.34");
        java.net.InetAddress priv = java.net.InetAddress.getByName("10.0.0.7");
        HostAdministration resolving = new HostAdministration(organisations, registrations, WebhookSettings.PRODUCTION,
                host -> List.of(host.equals("interne.exemple.fr") ? priv : pub), Clock.fixed(NOW, ZoneOffset.UTC));
        HostRegistration published = resolving.register("org-1", "admin", new HostAdministration.Request("Solis", "https://s.fr",
                "https://s.fr", null, "https://s.fr/.well-known/jwks.json", List.of("d"), List.of()));
        assertEquals("https://s.fr/.well-known/jwks.json", published.jwksUri());
        assertEquals(null, published.jwks());
        for (String[] refused : new String[][] {{"jwks", KEYS, "https://s.fr/jwks.json"}, {"jwks", null, null},
                {"jwksUri", null, "http://s.fr/jwks.json"}, {"jwksUri", null, "https://interne.exemple.fr/jwks.json"}}) {
            ChangeRefusedException e = assertThrows(ChangeRefusedException.class, () -> resolving.register("org-1", "admin",
                    new HostAdministration.Request("Solis", "https://s.fr", "https://s.fr", refused[1], refused[2], List.of("d"), List.of())));
            assertEquals(refused[0], e.field(), String.join(" ", java.util.Arrays.asList(refused)));
        }
        assertEquals(1, stored.size());
    }

    @Test
    void anotherOrganisationsRegistrationIsUnknown() {
        HostRegistration r = production.register("org-1", "admin", request("https://s.fr", "https://s.fr", List.of("d"), List.of()));
        assertEquals(ChangeRefusedException.Reason.UNKNOWN,
                assertThrows(ChangeRefusedException.class, () -> production.remove("org-2", r.id())).reason());
        assertEquals(r, production.remove("org-1", r.id()));
        assertEquals(List.of(), production.registrations("org-1"));
    }
}
