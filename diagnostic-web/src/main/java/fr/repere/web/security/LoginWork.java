package fr.repere.web.security;

import fr.repere.identity.Agent;
import fr.repere.identity.LoginThrottle;
import fr.repere.identity.PasswordHasher;
import fr.repere.identity.PasswordLogin;
import fr.repere.infrastructure.JpaAgentDirectory;
import fr.repere.infrastructure.JpaJournal;
import fr.repere.infrastructure.JpaLoginAttempts;
import fr.repere.infrastructure.JpaRefusalCounts;
import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.RefusalKind;
import fr.repere.journal.Refusals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Transaction boundaries of the login's protections ({@link LoginThrottle}, {@link PasswordLogin},
 * {@link Refusals}, in the core): what a refusal records is written in its own transaction, since
 * the request that caused it ends in an error. Used through {@link LoginProtection}.
 */
@ApplicationScoped
public class LoginWork {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "repere.pseudonym-secret")
    private String secret;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean demoAccountsAllowed;

    private volatile DossierPseudonym keys;

    /** How long a built-in login from this address for this e-mail must still wait, if it must. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Duration> waitFor(String email, String address) {
        return throttle().waitFor(email, address);
    }

    /** The agent this e-mail and password log in, if any; always one password check, whatever the e-mail. */
    @Transactional
    public Optional<Agent> authenticate(String email, char[] password) {
        Optional<Agent> agent = new PasswordLogin(PasswordHasher.PBKDF2, demoAccountsAllowed)
                .authenticate(new JpaAgentDirectory(em).byEmail(email), password);
        agent.ifPresent(a -> throttle().succeeded(email));
        return agent;
    }

    /** A refused built-in login: one more failure for its e-mail and address, and counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String email, String address) {
        throttle().failed(email, address);
        refusals().refused(address, RefusalKind.LOGIN_REFUSED, clock.instant());
    }

    /** Any other refusal (a throttled login, a ProConnect refusal, a host key), counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String address, RefusalKind kind) {
        refusals().refused(address, kind, clock.instant());
    }

    private LoginThrottle throttle() {
        return new LoginThrottle(new JpaLoginAttempts(em), keys(), clock);
    }

    private Refusals refusals() {
        return new Refusals(new JpaRefusalCounts(em), new JpaJournal(em), keys());
    }

    private DossierPseudonym keys() {
        DossierPseudonym k = keys;
        if (k == null) {
            k = new DossierPseudonym(secret.getBytes(StandardCharsets.UTF_8));
            keys = k;
        }
        return k;
    }
}
