package fr.repere.identity;

import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.Journal;
import fr.repere.journal.RefusalCounts;
import fr.repere.journal.RefusalKind;
import fr.repere.journal.Refusals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The login's protections together: the throttle ({@link LoginThrottle}), the password check
 * ({@link PasswordLogin}) and the count of refusals ({@link Refusals}). Transactions are the
 * caller's: what a refusal records must be written in a transaction of its own, since the request
 * that caused it ends in an error.
 */
@ApplicationScoped
public class BuiltInLogin {

    private AgentDirectory agents;
    private LoginAttempts attempts;
    private RefusalCounts refusalCounts;
    private Journal journal;
    private DossierPseudonym keys;
    private Clock clock;

    /** For CDI's proxy. */
    protected BuiltInLogin() {
    }

    /** @param keys the keyed hash (the journal's pseudonym secret) under which addresses and e-mails are kept */
    @Inject
    public BuiltInLogin(AgentDirectory agents, LoginAttempts attempts, RefusalCounts refusalCounts, Journal journal,
                        DossierPseudonym keys, Clock clock) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.refusalCounts = Objects.requireNonNull(refusalCounts, "refusalCounts");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long a login from this address for this e-mail must still wait, if it must. */
    public Optional<Duration> waitFor(String email, String address) {
        return throttle().waitFor(email, address);
    }

    /**
     * The agent this e-mail and password log in, if any; always one password check, whatever the
     * e-mail. A success forgets the account's failures.
     */
    public Optional<Agent> authenticate(String email, char[] password, boolean demoAccountsAllowed) {
        Optional<Agent> agent = new PasswordLogin(PasswordHasher.PBKDF2, demoAccountsAllowed)
                .authenticate(agents.byEmail(email), password);
        agent.ifPresent(a -> throttle().succeeded(email));
        return agent;
    }

    /** A refused login: one more failure for its e-mail and address, and counted. */
    public void failed(String email, String address) {
        throttle().failed(email, address);
        refusals().refused(address, RefusalKind.LOGIN_REFUSED, clock.instant());
    }

    /** Any other refusal (a throttled login, a provider's refusal, a host key), counted. */
    public void refused(String address, RefusalKind kind) {
        refusals().refused(address, kind, clock.instant());
    }

    private LoginThrottle throttle() {
        return new LoginThrottle(attempts, keys, clock);
    }

    private Refusals refusals() {
        return new Refusals(refusalCounts, journal, keys);
    }
}
