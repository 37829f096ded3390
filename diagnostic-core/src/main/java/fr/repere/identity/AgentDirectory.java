package fr.repere.identity;

import java.util.Optional;

/** Where agents are found at login. */
public interface AgentDirectory {

    Optional<Agent> byEmail(String email);

    Optional<Agent> byId(String id);

    /** The agent linked to this OpenID Connect account (issuer + subject), active or not. */
    Optional<Agent> byOidc(String issuer, String subject);

    /** Deactivates every demonstration account; returns how many were active. */
    int deactivateDemoAccounts();
}
