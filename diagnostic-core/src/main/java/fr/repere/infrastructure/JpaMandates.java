package fr.repere.infrastructure;

import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.mandate.MandateRepository;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Mandates in MariaDB through JPA. */
public class JpaMandates implements MandateRepository {

    private final EntityManager em;

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
}
