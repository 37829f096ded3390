package fr.repere.infrastructure;

import fr.repere.caf.CafAnswers;
import fr.repere.caf.CafConsultation;
import fr.repere.caf.CafConsultations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** CAF consultations in MariaDB through JPA. */
@ApplicationScoped
public class JpaCafConsultations implements CafConsultations {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaCafConsultations() {
    }

    public JpaCafConsultations(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(CafConsultation consultation) {
        em.persist(consultation);
    }

    @Override
    public Optional<CafConsultation> lock(String id) {
        return Optional.ofNullable(em.find(CafConsultation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public CafAnswers ofInterview(String interview) {
        return new CafAnswers(em.createQuery("SELECT c FROM CafConsultation c WHERE c.interview = :interview",
                CafConsultation.class).setParameter("interview", interview).getResultList());
    }

    @Override
    public List<CafConsultation> ofInterviews(Collection<String> interviews) {
        if (interviews.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM CafConsultation c WHERE c.interview IN :interviews ORDER BY c.consentedAt, c.id",
                CafConsultation.class).setParameter("interviews", interviews).getResultList();
    }

    @Override
    public List<String> pendingSince(Instant before, int limit) {
        return em.createQuery("SELECT c.id FROM CafConsultation c WHERE c.status = :pending AND c.consentedAt < :before"
                        + " ORDER BY c.consentedAt", String.class)
                .setParameter("pending", CafConsultation.Status.PENDING).setParameter("before", before)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void removeOfInterviews(Collection<String> interviews) {
        if (!interviews.isEmpty()) {
            em.createQuery("DELETE FROM CafConsultation c WHERE c.interview IN :interviews")
                    .setParameter("interviews", interviews).executeUpdate();
        }
    }
}
