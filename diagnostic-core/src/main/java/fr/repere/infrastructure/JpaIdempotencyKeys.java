package fr.repere.infrastructure;

import fr.repere.idempotency.IdempotencyEntry;
import fr.repere.idempotency.IdempotencyKeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Idempotency-Keys in MariaDB ({@code idempotency_key}), through native SQL. */
@ApplicationScoped
public class JpaIdempotencyKeys implements IdempotencyKeys {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaIdempotencyKeys() {
    }

    public JpaIdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean insert(String key, String fingerprint) {
        return em.createNativeQuery("INSERT IGNORE INTO idempotency_key (idem_key, fingerprint, state, created_at) "
                        + "VALUES (?1, ?2, 'IN_PROGRESS', ?3)")
                .setParameter(1, key)
                .setParameter(2, fingerprint)
                .setParameter(3, LocalDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    @Override
    public Optional<IdempotencyEntry> find(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, state, response_status, location, response_body "
                        + "FROM idempotency_key WHERE idem_key = ?1")
                .setParameter(1, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        IdempotencyEntry.State state = IdempotencyEntry.State.valueOf((String) row[1]);
        IdempotencyEntry.Answer answer = state == IdempotencyEntry.State.COMPLETED
                ? new IdempotencyEntry.Answer(((Number) row[2]).intValue(), (String) row[3], (String) row[4]) : null;
        return Optional.of(new IdempotencyEntry((String) row[0], state, answer));
    }

    @Override
    public void complete(String key, IdempotencyEntry.Answer answer) {
        em.createNativeQuery("UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?2, location = ?3, "
                        + "response_body = ?4 WHERE idem_key = ?1")
                .setParameter(1, key)
                .setParameter(2, answer.status())
                .setParameter(3, answer.location())
                .setParameter(4, answer.body())
                .executeUpdate();
    }

    @Override
    public int purgeBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC))
                .executeUpdate();
    }
}
