package fr.repere.web.security.oidc;

import fr.repere.identity.Agent;
import fr.repere.infrastructure.JpaAgentDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Finds the Repère agent of a provider account. An agent is known by the account's issuer and
 * subject once linked; the first time, by the account's work e-mail address (case-insensitive),
 * and the account is then linked to it. Only an active agent may log in.
 */
@ApplicationScoped
public class OidcAccounts {

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

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Transactional
    public Match find(AuthenticatedAgent account, boolean demoAccountsAllowed) {
        JpaAgentDirectory directory = new JpaAgentDirectory(em);
        Agent linked = directory.byOidc(account.issuer(), account.subject()).orElse(null);
        if (linked != null) {
            return usable(linked, demoAccountsAllowed) ? new Match(Outcome.KNOWN, linked) : new Match(Outcome.INACTIVE, null);
        }
        String email = account.email();
        if (email == null || email.isBlank() || email.length() > 254) {
            return new Match(Outcome.UNKNOWN, null);
        }
        Agent byEmail = directory.byEmail(email).orElse(null);
        if (byEmail == null) {
            return new Match(Outcome.UNKNOWN, null);
        }
        if (!usable(byEmail, demoAccountsAllowed)) {
            return new Match(Outcome.INACTIVE, null);
        }
        if (!byEmail.linkOidc(account.issuer(), account.subject())) {
            return new Match(Outcome.LINKED_ELSEWHERE, null);
        }
        return new Match(Outcome.LINKED, byEmail);
    }

    private static boolean usable(Agent agent, boolean demoAccountsAllowed) {
        return agent.active() && (!agent.demo() || demoAccountsAllowed);
    }
}
