package fr.repere.identity;

import fr.repere.identity.AdministrationRefusedException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator manages their own organisation only: another one's ids are unknown. */
class OrganisationAdministrationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");

    private final InMemoryOrganisations directory = new InMemoryOrganisations();
    private final OrganisationAdministration admin = new OrganisationAdministration(directory, Clock.fixed(NOW, ZoneOffset.UTC));
    private Team ours;
    private Team theirs;
    private Agent self;

    @BeforeEach
    void organisations() {
        ours = admin.createTeam("org-a", "Accueil");
        theirs = admin.createTeam("org-b", "Autre");
        self = admin.createAgent("org-a", ours.id(), Role.ADMIN, "Alex Admin", "alex@test.invalid");
    }

    private static void refused(Reason reason, String field, int index, Executable change) {
        AdministrationRefusedException e = assertThrows(AdministrationRefusedException.class, change);
        assertEquals(reason, e.reason());
        assertEquals(field, e.field());
        assertEquals(index, e.index());
    }

    @Test
    void teamsAndAgentsAreListedWithinTheOrganisation() {
        Team second = admin.createTeam("org-a", "Accompagnement");
        assertEquals(List.of(second, ours), admin.teams("org-a"));
        assertEquals(Optional.of("org-a"), admin.organisationOf(ours.id()));
        assertEquals(List.of(self), admin.agents("org-a"));
        assertEquals(List.of(), admin.agents("org-b"));
    }

    @Test
    void anAgentIsCreatedInATeamOfTheOrganisationWithAnUnusedAddress() {
        Agent a = admin.createAgent("org-a", ours.id(), Role.WORKER, "Camille", "camille@test.invalid");
        assertTrue(directory.agents.contains(a));
        assertEquals(ours.id(), a.team());
        refused(Reason.UNKNOWN_TEAM, "team", -1,
                () -> admin.createAgent("org-a", theirs.id(), Role.WORKER, "Dominique", "dominique@test.invalid"));
        refused(Reason.EMAIL_TAKEN, null, -1,
                () -> admin.createAgent("org-a", ours.id(), Role.WORKER, "Camille bis", "CAMILLE@test.invalid"));
        refused(Reason.UNKNOWN_TEAM, "team", -1,
                () -> admin.createAgent("org-a", theirs.id(), Role.WORKER, "Camille ter", "camille@test.invalid"));
    }

    @Test
    void anAgentIsMovedDeactivatedAndReactivated() {
        Team second = admin.createTeam("org-a", "Accompagnement");
        Agent a = admin.createAgent("org-a", ours.id(), Role.WORKER, "Camille", "camille@test.invalid");
        admin.changeAgent("org-a", self.id(), a.id(), Role.TEAM_LEAD, null, null);
        assertEquals(Role.TEAM_LEAD, a.role());
        assertEquals(ours.id(), a.team());
        admin.changeAgent("org-a", self.id(), a.id(), null, second.id(), false);
        assertEquals(Role.TEAM_LEAD, a.role());
        assertEquals(second.id(), a.team());
        assertFalse(a.active());
        admin.changeAgent("org-a", self.id(), a.id(), null, null, true);
        assertTrue(a.active());
    }

    @Test
    void aChangeOutsideTheOrganisationOrRemovingOnesOwnRightsIsRefused() {
        Agent a = admin.createAgent("org-a", ours.id(), Role.WORKER, "Camille", "camille@test.invalid");
        Team b = theirs;
        Agent stranger = admin.createAgent("org-b", b.id(), Role.WORKER, "Sacha", "sacha@test.invalid");
        refused(Reason.UNKNOWN_AGENT, null, -1, () -> admin.changeAgent("org-a", self.id(), stranger.id(), null, null, false));
        refused(Reason.UNKNOWN_TEAM, "team", -1, () -> admin.changeAgent("org-a", self.id(), a.id(), Role.ADMIN, b.id(), null));
        assertEquals(Role.WORKER, a.role(), "nothing changed");
        refused(Reason.SELF_DEMOTION, "active", -1, () -> admin.changeAgent("org-a", self.id(), self.id(), null, null, false));
        refused(Reason.SELF_DEMOTION, "active", -1, () -> admin.changeAgent("org-a", self.id(), self.id(), Role.WORKER, null, null));
        assertTrue(self.active());
        assertEquals(Role.ADMIN, self.role());
        admin.changeAgent("org-a", self.id(), self.id(), Role.ADMIN, null, true); // keeping one's rights is fine
        assertTrue(stranger.active());
    }

    @Test
    void aHostKeyIsIssuedForTeamsOfTheOrganisationRecognisedAndRevoked() {
        HostCredential.Issued issued = admin.issueHostKey("org-a", self.id(), "Logiciel", List.of(ours.id()));
        assertEquals(List.of(issued.credential()), admin.hostKeys("org-a"));
        assertEquals(List.of(), admin.hostKeys("org-b"));
        assertEquals(Optional.of(issued.credential()), admin.recogniseHostKey(issued.key()));
        assertEquals(Optional.empty(), admin.recogniseHostKey(issued.key() + "x"));
        assertEquals(Optional.empty(), admin.recogniseHostKey("not a key"));
        assertEquals(Optional.empty(), admin.recogniseHostKey(null));

        refused(Reason.UNKNOWN_HOST_KEY, null, -1, () -> admin.revokeHostKey("org-b", issued.credential().id()));
        assertEquals(Optional.of(issued.credential()), admin.recogniseHostKey(issued.key()), "another organisation cannot revoke it");
        assertEquals(issued.credential(), admin.revokeHostKey("org-a", issued.credential().id()));
        assertEquals(Optional.empty(), admin.recogniseHostKey(issued.key()));
        refused(Reason.UNKNOWN_HOST_KEY, null, -1, () -> admin.revokeHostKey("org-a", "no-such-key"));
    }

    @Test
    void aHostKeyForATeamOfAnotherOrganisationIsRefusedAtThatTeam() {
        refused(Reason.UNKNOWN_TEAM, "teams", 1,
                () -> admin.issueHostKey("org-a", self.id(), "Logiciel", List.of(ours.id(), theirs.id())));
        assertTrue(directory.credentials.isEmpty());
    }
}
