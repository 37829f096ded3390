package fr.repere.web.security;

import fr.repere.identity.HostCredential;
import fr.repere.infrastructure.JpaAdministration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Recognises a host system's key (a refused key is counted by {@link HostKeyFilter}). */
@ApplicationScoped
public class HostKeys {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Transactional
    public Optional<HostSystem> recognise(String key) {
        return HostCredential.Presented.parse(key)
                .flatMap(p -> new JpaAdministration(em).hostCredential(p.id()).filter(c -> c.accepts(p.secret())))
                .map(c -> new HostSystem(c.id(), c.organisation(), c.label(), c.teams()));
    }
}
