package fr.repere.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Objects;

/**
 * Finds the Repère agent of an identity provider's account (OpenID Connect). An agent is known by
 * the account's issuer and subject once linked; the first time, by the account's work e-mail
 * address (case-insensitive), and the account is then linked to it. Only an active agent may log
 * in. Transactions are the caller's.
 */
@ApplicationScoped
public class ProviderAccounts {

    /** How the search ended. */
    public enum Outcome {
        /** Found by issuer and subject. */
        KNOWN,
        /** Found by e-mail address, and now linked to the account. */
        LINKED,
        /** No agent for this account nor this address. */
        UNKNOWN,
        /** The agent is deactivated (or a demonstration account while those are off). */
        INACTIVE,
        /** The agent of this address is already linked to another account of a provider. */
        LINKED_ELSEWHERE
    }

    /** @param agent the agent, when the outcome lets it log in */
    public record Match(Outcome outcome, Agent agent) {
        public boolean loggedIn() {
            return agent != null;
        }
    }

    private AgentDirectory agents;

    /** For CDI's proxy. */
    protected ProviderAccounts() {
    }

    @Inject
    public ProviderAccounts(AgentDirectory agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    /** @param email the account's address as the provider gives it (may be null) */
    public Match find(String issuer, String subject, String email, boolean demoAccountsAllowed) {
        Agent linked = agents.byOidc(issuer, subject).orElse(null);
        if (linked != null) {
            return usable(linked, demoAccountsAllowed) ? new Match(Outcome.KNOWN, linked) : new Match(Outcome.INACTIVE, null);
        }
        if (email == null || email.isBlank() || email.length() > 254) {
            return new Match(Outcome.UNKNOWN, null);
        }
        Agent byEmail = agents.byEmail(email).orElse(null);
        if (byEmail == null) {
            return new Match(Outcome.UNKNOWN, null);
        }
        if (!usable(byEmail, demoAccountsAllowed)) {
            return new Match(Outcome.INACTIVE, null);
        }
        if (!byEmail.linkOidc(issuer, subject)) {
            return new Match(Outcome.LINKED_ELSEWHERE, null);
        }
        return new Match(Outcome.LINKED, byEmail);
    }

    private static boolean usable(Agent agent, boolean demoAccountsAllowed) {
        return agent.active() && (!agent.demo() || demoAccountsAllowed);
    }
}
