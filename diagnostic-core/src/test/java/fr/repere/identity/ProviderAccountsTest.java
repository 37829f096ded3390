package fr.repere.identity;

import fr.repere.identity.ProviderAccounts.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderAccountsTest {

    private static final String ISSUER = "https://provider.test.invalid";

    private final InMemoryAgents agents = new InMemoryAgents();
    private final ProviderAccounts accounts = new ProviderAccounts(agents);

    private Agent camille() {
        return agents.add(Agent.create("team-a", Role.WORKER, "Camille", "Camille@Test.invalid"));
    }

    @Test
    void theFirstLoginFindsTheAgentByItsAddressAndLinksIt() {
        Agent a = camille();
        ProviderAccounts.Match m = accounts.find(ISSUER, "sub-1", "camille@test.invalid", false);
        assertEquals(Outcome.LINKED, m.outcome());
        assertSame(a, m.agent());
        assertTrue(m.loggedIn());
        assertEquals("sub-1", a.oidcSubject());

        ProviderAccounts.Match again = accounts.find(ISSUER, "sub-1", "another@address.invalid", false);
        assertEquals(Outcome.KNOWN, again.outcome(), "then known by issuer and subject, whatever the address");
        assertSame(a, again.agent());
    }

    @Test
    void anAccountOfNoAgentOrWithoutAddressIsUnknown() {
        camille();
        assertEquals(Outcome.UNKNOWN, accounts.find(ISSUER, "sub-1", "nobody@test.invalid", false).outcome());
        assertEquals(Outcome.UNKNOWN, accounts.find(ISSUER, "sub-1", null, false).outcome());
        assertEquals(Outcome.UNKNOWN, accounts.find(ISSUER, "sub-1", " ", false).outcome());
        assertEquals(Outcome.UNKNOWN, accounts.find(ISSUER, "sub-1", "a".repeat(250) + "@t.fr", false).outcome());
        assertFalse(accounts.find(ISSUER, "sub-1", null, false).loggedIn());
    }

    @Test
    void aDeactivatedAgentOrADemonstrationAccountWhileThoseAreOffCannotLogIn() {
        Agent a = camille();
        a.deactivate();
        ProviderAccounts.Match m = accounts.find(ISSUER, "sub-1", "camille@test.invalid", false);
        assertEquals(Outcome.INACTIVE, m.outcome());
        assertNull(m.agent());
        assertNull(a.oidcSubject(), "not linked");

        Agent demo = agents.add(InMemoryAgents.demo(Agent.create("team-a", Role.WORKER, "Démo", "demo@test.invalid")));
        assertEquals(Outcome.INACTIVE, accounts.find(ISSUER, "sub-2", "demo@test.invalid", false).outcome());
        assertEquals(Outcome.LINKED, accounts.find(ISSUER, "sub-2", "demo@test.invalid", true).outcome());
        assertEquals(Outcome.INACTIVE, accounts.find(ISSUER, "sub-2", "demo@test.invalid", false).outcome(),
                "a linked demonstration account is refused once those are off");
        assertEquals(Outcome.KNOWN, accounts.find(ISSUER, "sub-2", null, true).outcome());
        assertSame(demo, accounts.find(ISSUER, "sub-2", null, true).agent());
    }

    @Test
    void anAgentAlreadyLinkedToAnotherProviderAccountIsNotTakenOver() {
        Agent a = camille();
        assertTrue(a.linkOidc(ISSUER, "sub-1"));
        ProviderAccounts.Match m = accounts.find(ISSUER, "sub-other", "camille@test.invalid", false);
        assertEquals(Outcome.LINKED_ELSEWHERE, m.outcome());
        assertNull(m.agent());
        assertEquals("sub-1", a.oidcSubject());
    }
}
