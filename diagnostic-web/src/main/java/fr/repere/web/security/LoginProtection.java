package fr.repere.web.security;

import fr.repere.identity.Agent;
import fr.repere.journal.RefusalKind;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in login's throttle and the refusal counts, for the login resources and the host-key
 * filter. A flood sends many refusals of one source at once, whose counts are the same rows: two
 * transactions may then deadlock in MariaDB, so each write is tried again; if it still fails, the
 * refusal is answered all the same (a count must never turn a 401 into a 500) and the failure logged.
 */
@ApplicationScoped
public class LoginProtection {

    private static final Logger LOG = Logger.getLogger(LoginProtection.class.getName());
    private static final int TRIES = 3;

    @Inject
    private LoginWork work;

    /** How long a built-in login from this address for this e-mail must still wait, if it must. */
    public Optional<Duration> waitFor(String email, String address) {
        return work.waitFor(email, address);
    }

    /** The agent this e-mail and password log in (within the caller's transaction), if any; always one password check. */
    public Optional<Agent> authenticate(String email, char[] password) {
        return work.authenticate(email, password);
    }

    /** A refused built-in login: one more failure for its e-mail and its address, and counted. */
    public void failed(String email, String address) {
        retried("login failure", () -> {
            work.failed(email, address);
            return null;
        });
    }

    /** Any other refusal (a throttled login, a ProConnect refusal, a host key), counted. */
    public void refused(String address, RefusalKind kind) {
        retried(kind.name(), () -> {
            work.refused(address, kind);
            return null;
        });
    }

    private static void retried(String what, Supplier<Void> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.get();
                return;
            } catch (RuntimeException e) {
                if (attempt == TRIES) {
                    LOG.log(Level.WARNING, "Could not record a {0} after {1} tries: {2}", new Object[] {what, TRIES, e.toString()});
                    return;
                }
            }
        }
    }
}
