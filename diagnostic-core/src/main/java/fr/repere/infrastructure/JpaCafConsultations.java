package fr.repere.infrastructure;

import fr.repere.caf.CafConsultation;

import jakarta.persistence.EntityManager;

import java.util.Optional;

/** CAF consultations in MariaDB through JPA. */
public class JpaCafConsultations {

    private final EntityManager em;

    public JpaCafConsultations(EntityManager em) {
        this.em = em;
    }

    public void add(CafConsultation consultation) {
        em.persist(consultation);
    }

    public Optional<CafConsultation> find(String id) {
        return Optional.ofNullable(em.find(CafConsultation.class, id));
    }

    /** The interview's most recent consultation, if any. */
    public Optional<CafConsultation> latest(String interview) {
        return em.createQuery("SELECT c FROM CafConsultation c WHERE c.interview = :interview ORDER BY c.consentedAt DESC",
                CafConsultation.class).setParameter("interview", interview).setMaxResults(1).getResultStream().findFirst();
    }
}
