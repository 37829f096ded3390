package fr.repere.infrastructure;

import fr.repere.identity.Attempts;
import fr.repere.identity.LoginAttempts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/** Failed logins per key in MariaDB ({@code login_throttle}, V19). */
@ApplicationScoped
public class JpaLoginAttempts implements LoginAttempts {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaLoginAttempts() {
    }

    public JpaLoginAttempts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Attempts of(String key) {
        return read("SELECT failures, last_failure, blocked_until FROM login_throttle WHERE throttle_key = ?1", key);
    }

    /**
     * The row is made first if missing (INSERT IGNORE: two nodes making it at once do not fail),
     * then read FOR UPDATE, so a concurrent failure of the same key waits for this one.
     */
    @Override
    public Attempts change(String key, String scope, UnaryOperator<Attempts> change) {
        em.createNativeQuery("INSERT IGNORE INTO login_throttle (throttle_key, scope, failures) VALUES (?1, ?2, 0)")
                .setParameter(1, key).setParameter(2, scope).executeUpdate();
        Attempts next = change.apply(read("SELECT failures, last_failure, blocked_until FROM login_throttle "
                + "WHERE throttle_key = ?1 FOR UPDATE", key));
        em.createNativeQuery("UPDATE login_throttle SET failures = ?2, last_failure = ?3, blocked_until = ?4 WHERE throttle_key = ?1")
                .setParameter(1, key).setParameter(2, next.failures())
                .setParameter(3, utc(next.lastFailure())).setParameter(4, utc(next.blockedUntil()))
                .executeUpdate();
        return next;
    }

    @Override
    public void forget(String key) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1").setParameter(1, key).executeUpdate();
    }

    @Override
    public int purgeIdleBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM login_throttle WHERE (last_failure IS NULL OR last_failure < ?1) "
                        + "AND (blocked_until IS NULL OR blocked_until < ?1) LIMIT ?2")
                .setParameter(1, utc(before)).setParameter(2, limit).executeUpdate();
    }

    private Attempts read(String sql, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return Attempts.NONE;
        }
        Object[] row = rows.get(0);
        return new Attempts(((Number) row[0]).intValue(), instant(row[1]), instant(row[2]));
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (column instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected date column " + column.getClass());
    }
}
