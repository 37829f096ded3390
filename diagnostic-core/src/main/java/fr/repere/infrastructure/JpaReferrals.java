package fr.repere.infrastructure;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.referral.ReferralRepository;
import fr.repere.referral.ReferralStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Referrals in MariaDB through JPA. */
@ApplicationScoped
public class JpaReferrals implements ReferralRepository {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaReferrals() {
    }

    public JpaReferrals(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Referral referral) {
        em.persist(referral);
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        return Optional.ofNullable(em.find(Referral.class, id.value()));
    }

    @Override
    public List<Referral> ofDiagnostic(DiagnosticId diagnostic) {
        return ofDiagnostics(List.of(diagnostic));
    }

    /** One statement, the histories fetched with their referrals (read one by one, they made a list an N+1). */
    @Override
    public List<Referral> ofDiagnostics(List<DiagnosticId> diagnostics) {
        if (diagnostics.isEmpty()) {
            return List.of();
        }
        List<String> ids = diagnostics.stream().map(DiagnosticId::value).toList();
        List<Referral> found = em.createQuery("SELECT DISTINCT r FROM Referral r LEFT JOIN FETCH r.history "
                        + "WHERE r.diagnosticId IN :ids ORDER BY r.createdAt, r.id", Referral.class)
                .setParameter("ids", ids).getResultList();
        Map<String, Integer> rank = new HashMap<>();
        ids.forEach(id -> rank.putIfAbsent(id, rank.size()));
        return found.stream().sorted(Comparator.comparing(r -> rank.get(r.diagnosticId().value()))).toList(); // stable: oldest first within
    }

    @Override
    public List<ReferralId> dueForReminder(Instant madeBefore, int limit) {
        return em.createQuery("SELECT r.id FROM Referral r WHERE r.status = :open AND r.remindedAt IS NULL "
                        + "AND r.createdAt <= :before ORDER BY r.createdAt", String.class)
                .setParameter("open", ReferralStatus.OPEN).setParameter("before", madeBefore)
                .setMaxResults(limit).getResultList().stream().map(ReferralId::new).toList();
    }

    @Override
    public List<ReferralId> dueForExpiry(Instant madeBefore, int limit) {
        return em.createQuery("SELECT r.id FROM Referral r WHERE r.status = :open AND r.createdAt <= :before "
                        + "ORDER BY r.createdAt", String.class)
                .setParameter("open", ReferralStatus.OPEN).setParameter("before", madeBefore)
                .setMaxResults(limit).getResultList().stream().map(ReferralId::new).toList();
    }

    /** The open referrals of these agents' team that were reminded and still wait, oldest first. */
    @Override
    public List<Referral> remindedOf(String team, String agent, int limit) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.team = :team AND r.createdBy = :agent "
                        + "AND r.status = :open AND r.remindedAt IS NOT NULL ORDER BY r.createdAt", Referral.class)
                .setParameter("team", team).setParameter("agent", agent).setParameter("open", ReferralStatus.OPEN)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
