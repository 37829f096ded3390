package fr.repere.web.security;

import fr.repere.identity.Accounts;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demonstration accounts (with passwords printed in the README) must never stay usable by
 * mistake: at start-up they are deactivated unless {@code repere.demo-accounts=true}, which only
 * the run command sets, for its embedded database.
 */
@ApplicationScoped
public class DemoAccountsGuard {

    private static final Logger LOG = Logger.getLogger(DemoAccountsGuard.class.getName());

    @Inject
    private Accounts accounts;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean allowed;

    @Inject
    private DemoAccountsGuard self;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        if (!allowed) {
            try {
                self.deactivate();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not check demonstration accounts now (database unreachable?)", e);
            }
        }
    }

    @Transactional
    public void deactivate() {
        int n = accounts.deactivateDemoAccounts();
        if (n > 0) {
            LOG.warning(n + " demonstration account(s) deactivated: repere.demo-accounts is not true");
        }
    }
}
