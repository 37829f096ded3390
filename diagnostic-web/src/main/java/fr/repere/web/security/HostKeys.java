package fr.repere.web.security;

import fr.repere.identity.HostCredential;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/** Recognises a host system's key; a wrong, unknown or revoked key is journaled as a refused login. */
@ApplicationScoped
public class HostKeys {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Transactional
    public Optional<HostSystem> recognise(String key) {
        Optional<HostSystem> host = HostCredential.Presented.parse(key)
                .flatMap(p -> new JpaAdministration(em).hostCredential(p.id()).filter(c -> c.accepts(p.secret())))
                .map(c -> new HostSystem(c.id(), c.organisation(), c.label(), c.teams()));
        if (host.isEmpty()) {
            journal.appendRegardless(JournalEntry.loginRefused(clock.instant()));
        }
        return host;
    }
}
