package fr.repere.web.security;

import fr.repere.identity.Accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Whether a session's agent may still act as the session says: the account exists, is active, and
 * has kept its role and team. Read on every request (one primary-key lookup) so that deactivating
 * an account, or moving it, ends its sessions at once on every node.
 */
@ApplicationScoped
public class AccountStatus {

    @Inject
    private Accounts accounts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean stillValid(Caller caller) {
        try {
            return accounts.stillValid(caller.agentId(), caller.role(), caller.team());
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            // EclipseLink's find throws its own DatabaseException when MariaDB is down: answer 503 like a query would
            throw new PersistenceException("cannot read the account of the session", e);
        }
    }
}
