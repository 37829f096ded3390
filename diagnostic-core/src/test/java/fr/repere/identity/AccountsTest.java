package fr.repere.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsTest {

    private final InMemoryAgents agents = new InMemoryAgents();
    private final Accounts accounts = new Accounts(agents);

    @Test
    void aSessionHoldsWhileItsAccountIsActiveWithTheSameRoleAndTeam() {
        Agent a = agents.add(Agent.create("team-a", Role.WORKER, "Camille", "camille@test.invalid"));
        assertTrue(accounts.stillValid(a.id(), Role.WORKER, "team-a"));
        assertFalse(accounts.stillValid(a.id(), Role.TEAM_LEAD, "team-a"), "role changed");
        assertFalse(accounts.stillValid(a.id(), Role.WORKER, "team-b"), "team changed");
        assertFalse(accounts.stillValid("no-such-agent", Role.WORKER, "team-a"), "account gone");
        a.deactivate();
        assertFalse(accounts.stillValid(a.id(), Role.WORKER, "team-a"), "deactivated");
    }

    @Test
    void demonstrationAccountsAreDeactivatedAndCounted() {
        Agent demo = agents.add(InMemoryAgents.demo(Agent.create("team-a", Role.WORKER, "Démo", "demo@test.invalid")));
        Agent real = agents.add(Agent.create("team-a", Role.WORKER, "Camille", "camille@test.invalid"));
        assertEquals(1, accounts.deactivateDemoAccounts());
        assertFalse(demo.active());
        assertTrue(real.active());
        assertEquals(0, accounts.deactivateDemoAccounts(), "already off");
    }
}
