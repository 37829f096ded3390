package fr.repere.identity;

import java.util.Optional;

/** Where agents are found at login. */
public interface AgentDirectory {

    Optional<Agent> byEmail(String email);

    Optional<Agent> byId(String id);

    /** Deactivates every demonstration account; returns how many were active. */
    int deactivateDemoAccounts();
}
