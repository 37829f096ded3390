package fr.repere.infrastructure;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.DraftRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Drafts in MariaDB through JPA. */
@ApplicationScoped
public class JpaDraftRepository implements DraftRepository {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaDraftRepository() {
    }

    public JpaDraftRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Draft draft) {
        em.persist(draft);
    }

    @Override
    public Optional<Draft> find(DiagnosticId id) {
        return Optional.ofNullable(em.find(Draft.class, id.value()));
    }

    @Override
    public void remove(Draft draft) {
        em.remove(draft);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
