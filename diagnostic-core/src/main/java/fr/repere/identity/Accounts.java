package fr.repere.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Objects;

/** What happens to agents' accounts outside of a login: whether a session's account still holds, and the demonstration accounts' switch-off. */
@ApplicationScoped
public class Accounts {

    private AgentDirectory agents;

    /** For CDI's proxy. */
    protected Accounts() {
    }

    @Inject
    public Accounts(AgentDirectory agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    /**
     * Whether the agent of a session may still act as the session says: the account exists, is
     * active, and has kept its role and team.
     */
    public boolean stillValid(String agentId, Role role, String team) {
        return agents.byId(agentId)
                .filter(a -> a.active() && a.role() == role && a.team().equals(team))
                .isPresent();
    }

    /** Deactivates every demonstration account; returns how many were active. */
    public int deactivateDemoAccounts() {
        return agents.deactivateDemoAccounts();
    }
}
