package fr.repere.web.api.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The idempotency_key table. A key is claimed in its own short transaction, so a concurrent
 * request with the same key sees it at once (and gets 409) instead of waiting.
 */
@ApplicationScoped
public class IdempotencyStore {

    enum State { IN_PROGRESS, COMPLETED }

    record Entry(String fingerprint, State state, StoredResponse response) {
    }

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** Claims the key; returns empty if this request now owns it, or the existing entry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Entry> claim(String key, String fingerprint) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO idempotency_key (idem_key, fingerprint, state, created_at) "
                        + "VALUES (?1, ?2, 'IN_PROGRESS', ?3)")
                .setParameter(1, key)
                .setParameter(2, fingerprint)
                .setParameter(3, LocalDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, state, response_status, location, response_body "
                        + "FROM idempotency_key WHERE idem_key = ?1")
                .setParameter(1, key)
                .getResultList();
        if (rows.isEmpty()) { // released between our insert and select: let the client retry
            return Optional.of(new Entry(fingerprint, State.IN_PROGRESS, null));
        }
        Object[] row = rows.get(0);
        State state = State.valueOf((String) row[1]);
        StoredResponse response = state == State.COMPLETED
                ? new StoredResponse(((Number) row[2]).intValue(), (String) row[3], (String) row[4]) : null;
        return Optional.of(new Entry((String) row[0], state, response));
    }

    /** Records the response, in the transaction that produced it: both commit or neither. */
    private void complete(String key, StoredResponse response) {
        em.createNativeQuery("UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?2, location = ?3, "
                        + "response_body = ?4 WHERE idem_key = ?1")
                .setParameter(1, key)
                .setParameter(2, response.status())
                .setParameter(3, response.location())
                .setParameter(4, response.body())
                .executeUpdate();
    }

    /** Runs the action and records its response in one transaction. */
    @Transactional
    public StoredResponse runInTransaction(String key, Supplier<StoredResponse> action) {
        StoredResponse response = action.get();
        complete(key, response);
        return response;
    }

    /**
     * Forgets the keys older than {@code before}: their stored responses hold personal data, and a
     * client retries within minutes, not days.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBefore(java.time.Instant before) {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Frees a key whose request failed, so that the client can try again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE idem_key = ?1 AND state = 'IN_PROGRESS'")
                .setParameter(1, key)
                .executeUpdate();
    }
}
