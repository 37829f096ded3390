package fr.repere.web.security;

import fr.repere.infrastructure.JpaAgentDirectory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Whether a session's agent may still act as the session says: the account exists, is active, and
 * has kept its role and team. Read on every request (one primary-key lookup) so that deactivating
 * an account, or moving it, ends its sessions at once on every node.
 */
@ApplicationScoped
public class AccountStatus {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean stillValid(Caller caller) {
        return new JpaAgentDirectory(em).byId(caller.agentId())
                .filter(a -> a.active() && a.role() == caller.role() && a.team().equals(caller.team()))
                .isPresent();
    }
}
