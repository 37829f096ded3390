package fr.repere.infrastructure;

import fr.repere.schedule.JobLeases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scheduled jobs' leases in MariaDB ({@code scheduled_job}, V29), on the database's clock. */
@ApplicationScoped
public class JpaJobLeases implements JobLeases {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /**
     * One statement whatever the row's state: inserted if the job never ran, taken over if its lease
     * has expired, left alone if not. MariaDB assigns left to right and a later assignment sees the
     * earlier ones, so {@code leased_until} is assigned last: every condition reads its old value.
     * Whether this run got it is read back on the row it just locked (Connector/J reports rows
     * found, not changed).
     */
    @Override
    public boolean claim(String job, String run, Duration hold) {
        em.createNativeQuery("INSERT INTO scheduled_job (name, holder, leased_until, started_at) "
                        + "VALUES (?1, ?2, UTC_TIMESTAMP(6) + INTERVAL ?3 MICROSECOND, UTC_TIMESTAMP(6)) "
                        + "ON DUPLICATE KEY UPDATE "
                        + "holder = IF(leased_until <= UTC_TIMESTAMP(6), VALUES(holder), holder), "
                        + "started_at = IF(leased_until <= UTC_TIMESTAMP(6), VALUES(started_at), started_at), "
                        + "finished_at = IF(leased_until <= UTC_TIMESTAMP(6), NULL, finished_at), "
                        + "duration_ms = IF(leased_until <= UTC_TIMESTAMP(6), NULL, duration_ms), "
                        + "outcome = IF(leased_until <= UTC_TIMESTAMP(6), NULL, outcome), "
                        + "leased_until = IF(leased_until <= UTC_TIMESTAMP(6), VALUES(leased_until), leased_until)")
                .setParameter(1, job)
                .setParameter(2, run)
                .setParameter(3, hold.toNanos() / 1_000)
                .executeUpdate();
        List<?> holder = em.createNativeQuery("SELECT holder FROM scheduled_job WHERE name = ?1")
                .setParameter(1, job)
                .getResultList();
        return holder.size() == 1 && run.equals(holder.get(0));
    }

    @Override
    public void finished(String job, String run, Duration took, boolean succeeded) {
        em.createNativeQuery("UPDATE scheduled_job SET finished_at = UTC_TIMESTAMP(6), duration_ms = ?3, outcome = ?4 "
                        + "WHERE name = ?1 AND holder = ?2")
                .setParameter(1, job)
                .setParameter(2, run)
                .setParameter(3, took.toMillis())
                .setParameter(4, succeeded ? "OK" : "FAILED")
                .executeUpdate();
    }

    @Override
    public Map<String, LastRun> lastRuns() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, holder, started_at, duration_ms, outcome FROM scheduled_job")
                .getResultList();
        Map<String, LastRun> runs = new HashMap<>();
        for (Object[] r : rows) {
            LocalDateTime started = r[2] instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) r[2];
            runs.put((String) r[0], new LastRun((String) r[1], started.toInstant(ZoneOffset.UTC),
                    r[3] == null ? null : ((Number) r[3]).longValue(), r[4] == null ? null : "OK".equals(r[4])));
        }
        return runs;
    }
}
