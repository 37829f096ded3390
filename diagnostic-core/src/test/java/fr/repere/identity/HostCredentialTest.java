package fr.repere.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class HostCredentialTest {

    final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void anIssuedKeyNamesItsCredentialAndOpensItUntilRevoked() {
        HostCredential.Issued issued = HostCredential.issue("org-1", " Logiciel du CCAS ", "admin-1", now);
        HostCredential.Presented presented = HostCredential.Presented.parse(issued.key()).orElseThrow();
        assertEquals(issued.credential().id(), presented.id());
        assertEquals("Logiciel du CCAS", issued.credential().label());
        assertTrue(issued.credential().accepts(presented.secret()));
        assertFalse(issued.credential().accepts(presented.secret() + "x"));

        issued.credential().revoke(now);
        assertFalse(issued.credential().accepts(presented.secret()), "a revoked key opens nothing");
        assertEquals(Optional.of(now), issued.credential().revokedAt());
    }

    @Test
    void twoKeysNeverShareASecret() {
        String a = HostCredential.issue("org-1", "A", "admin-1", now).key();
        String b = HostCredential.issue("org-1", "B", "admin-1", now).key();
        assertNotEquals(HostCredential.Presented.parse(a).orElseThrow().secret(), HostCredential.Presented.parse(b).orElseThrow().secret());
        assertTrue(a.length() > 80, "256 random bits after the id");
    }

    @Test
    void anythingElseIsNotAKey() {
        for (String notAKey : new String[] {null, "", "Bearer x", "rpk_", "rpk_court_secret", "rpk_" + "x".repeat(300)}) {
            assertEquals(Optional.empty(), HostCredential.Presented.parse(notAKey), String.valueOf(notAKey));
        }
    }

    @Test
    void aKeyRestrictedToSomeTeamsReadsThoseTeamsOnly() {
        HostCredential restricted = HostCredential.issue("org-1", "Logiciel de l'équipe A", Set.of("team-a"), "admin-1", now)
                .credential();
        assertEquals(List.of("team-a"), restricted.teams());
        assertEquals(List.of("team-a"), restricted.readableAmong(List.of("team-a", "team-b")));
        assertEquals(List.of(), restricted.readableAmong(List.of("team-b")), "a restricted team that left is not read");

        HostCredential whole = HostCredential.issue("org-1", "Logiciel", "admin-1", now).credential();
        assertEquals(List.of(), whole.teams());
        assertEquals(List.of("team-a", "team-b"), whole.readableAmong(List.of("team-a", "team-b")));
    }

    @Test
    void aLabelIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> HostCredential.issue("org-1", "  ", "admin-1", now));
    }

    @Test
    void aHostSystemIsNeverAnAgent() {
        assertThrows(IllegalArgumentException.class, () -> Agent.create("team-1", Role.HOST, "Logiciel", "x@y.fr"));
        Agent agent = Agent.create("team-1", Role.WORKER, " Camille ", "Camille@Exemple.FR");
        assertEquals("camille@exemple.fr", agent.email());
        assertTrue(agent.active());
        assertThrows(IllegalArgumentException.class, () -> agent.assign(Role.HOST, "team-1"));
    }
}
