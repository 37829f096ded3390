package fr.repere.infrastructure;

import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.mandate.MandateRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Mandates in MariaDB through JPA. */
@ApplicationScoped
public class JpaMandates implements MandateRepository {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaMandates() {
    }

    public JpaMandates(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Mandate mandate) {
        em.persist(mandate);
    }

    @Override
    public Optional<Mandate> find(MandateId id) {
        return Optional.ofNullable(em.find(Mandate.class, id.value()));
    }

    @Override
    public List<Mandate> ofDossier(String team, String caseRef) {
        return em.createQuery("SELECT m FROM Mandate m WHERE m.team = :team AND m.caseRef = :ref ORDER BY m.createdAt DESC",
                Mandate.class).setParameter("team", team).setParameter("ref", caseRef).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
