package fr.repere.web.security;

import fr.repere.identity.Agent;
import fr.repere.identity.BuiltInLogin;
import fr.repere.journal.RefusalKind;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Transaction boundaries of the login's protections ({@link BuiltInLogin}, in the core): what a
 * refusal records is written in its own transaction, since the request that caused it ends in an
 * error. Used through {@link LoginProtection}.
 */
@ApplicationScoped
public class LoginWork {

    @Inject
    private BuiltInLogin login;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean demoAccountsAllowed;

    /** How long a built-in login from this address for this e-mail must still wait, if it must. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> waitFor(String email, String address) {
        return login.waitFor(email, address);
    }

    /** The agent this e-mail and password log in, if any; always one password check, whatever the e-mail. */
    @Transactional
    public Optional<Agent> authenticate(String email, char[] password) {
        return login.authenticate(email, password, demoAccountsAllowed);
    }

    /** A refused built-in login: one more failure for its e-mail and address, and counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String email, String address) {
        login.failed(email, address);
    }

    /** Any other refusal (a throttled login, a ProConnect refusal, a host key), counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String address, RefusalKind kind) {
        login.refused(address, kind);
    }
}
