package fr.repere.infrastructure;

import fr.repere.journal.RefusalCounts;
import fr.repere.journal.RefusalKind;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** Refusal counts in MariaDB ({@code refusal_count}, V19): one row per source, kind and minute. */
@ApplicationScoped
public class JpaRefusalCounts implements RefusalCounts {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaRefusalCounts() {
    }

    public JpaRefusalCounts(EntityManager em) {
        this.em = em;
    }

    /**
     * One atomic upsert, so nodes never lose a count. MariaDB reports 1 row affected for an insert
     * and 2 for an update that changed the row (this one always does): 1 means first of the minute.
     */
    @Override
    public boolean add(String source, RefusalKind kind, Instant minute) {
        int affected = em.createNativeQuery("INSERT INTO refusal_count (source, kind, minute, count) VALUES (?1, ?2, ?3, 1) "
                        + "ON DUPLICATE KEY UPDATE count = count + 1")
                .setParameter(1, source).setParameter(2, kind.name()).setParameter(3, JpaLoginAttempts.utc(minute))
                .executeUpdate();
        return affected == 1;
    }

    @Override
    public int purgeBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM refusal_count WHERE minute < ?1 ORDER BY minute LIMIT ?2")
                .setParameter(1, JpaLoginAttempts.utc(before)).setParameter(2, limit).executeUpdate();
    }
}
