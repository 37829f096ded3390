package fr.repere.infrastructure;

import fr.repere.hostevent.HostEvent;
import fr.repere.hostevent.HostEventLog;
import fr.repere.hostevent.HostEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The host events' outbox in MariaDB (V23): written in the caller's transaction, numbered by the
 * sequencer once committed, read by publication number. Plain SQL, in call order, so that the
 * events of one transaction keep the order in which they were recorded.
 */
@ApplicationScoped
public class JpaHostEvents implements HostEvents, HostEventLog {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaHostEvents() {
    }

    public JpaHostEvents(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(HostEvent event) {
        List<?> owner = em.createNativeQuery("SELECT organisation_id FROM team WHERE id = ?1")
                .setParameter(1, event.team())
                .getResultList();
        if (owner.isEmpty()) {
            return; // a team of no organisation: no host may read it, so there is nobody to tell
        }
        String organisation = (String) owner.get(0);
        em.createNativeQuery("INSERT INTO host_event (event_id, organisation_id, team_id, type, subject, occurred_at, body) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, event.id())
                .setParameter(2, organisation)
                .setParameter(3, event.team())
                .setParameter(4, event.type().type())
                .setParameter(5, event.subject())
                .setParameter(6, LocalDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .setParameter(7, event.cloudEvent(organisation))
                .executeUpdate();
    }

    @Override
    public void forgetDossier(String team, String caseRef) {
        if (caseRef == null) {
            return;
        }
        em.createNativeQuery("UPDATE host_event SET subject = NULL, body = JSON_REMOVE(body, '$.subject') "
                        + "WHERE team_id = ?1 AND subject = ?2")
                .setParameter(1, team)
                .setParameter(2, caseRef)
                .executeUpdate();
    }

    @Override
    public long lockSequencer() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM host_event_sequencer WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
    }

    /**
     * A locking read: it sees the latest committed rows (not a snapshot), and SKIP LOCKED passes
     * over the rows of transactions still open, which get their number once committed.
     */
    @Override
    public List<Long> unnumbered(int limit) {
        List<?> rows = em.createNativeQuery("SELECT position FROM host_event WHERE seq IS NULL "
                        + "ORDER BY position LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, limit)
                .getResultList();
        List<Long> positions = new ArrayList<>(rows.size());
        rows.forEach(r -> positions.add(((Number) r).longValue()));
        return positions;
    }

    @Override
    public void number(long position, long seq) {
        em.createNativeQuery("UPDATE host_event SET seq = ?1 WHERE position = ?2 AND seq IS NULL")
                .setParameter(1, seq)
                .setParameter(2, position)
                .executeUpdate();
    }

    @Override
    public void numberedUpTo(long seq) {
        em.createNativeQuery("UPDATE host_event_sequencer SET last_seq = ?1 WHERE id = 1")
                .setParameter(1, seq)
                .executeUpdate();
    }

    @Override
    public List<Published> after(String organisation, List<String> teams, long cursor, int limit) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < teams.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 4);
        }
        jakarta.persistence.Query query = em.createNativeQuery("SELECT seq, body FROM host_event "
                        + "WHERE organisation_id = ?1 AND seq > ?2 AND team_id IN (" + in + ") ORDER BY seq LIMIT ?3")
                .setParameter(1, organisation)
                .setParameter(2, cursor)
                .setParameter(3, limit);
        for (int i = 0; i < teams.size(); i++) {
            query.setParameter(i + 4, teams.get(i));
        }
        List<?> rows = query.getResultList();
        List<Published> published = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            published.add(new Published(((Number) columns[0]).longValue(), (String) columns[1]));
        }
        return published;
    }

    @Override
    public int purgeBefore(java.time.Instant cutoff, int limit) {
        List<?> rows = em.createNativeQuery("SELECT position, organisation_id, seq FROM host_event "
                        + "WHERE occurred_at < ?1 AND seq IS NOT NULL ORDER BY position LIMIT ?2 FOR UPDATE")
                .setParameter(1, UtcInstantConverter.utc(cutoff))
                .setParameter(2, limit)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        java.util.Map<String, Long> highest = new java.util.TreeMap<>();
        StringBuilder in = new StringBuilder();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            in.append(in.isEmpty() ? "" : ", ").append(((Number) c[0]).longValue()); // numbers read from the table, not input
            highest.merge((String) c[1], ((Number) c[2]).longValue(), Math::max);
        }
        em.createNativeQuery("DELETE FROM webhook_delivery WHERE event_position IN (" + in + ")").executeUpdate();
        int deleted = em.createNativeQuery("DELETE FROM host_event WHERE position IN (" + in + ")").executeUpdate();
        for (java.util.Map.Entry<String, Long> mark : highest.entrySet()) {
            em.createNativeQuery("INSERT INTO host_event_purge (organisation_id, purged_through) VALUES (?1, ?2) "
                            + "ON DUPLICATE KEY UPDATE purged_through = GREATEST(purged_through, VALUES(purged_through))")
                    .setParameter(1, mark.getKey())
                    .setParameter(2, mark.getValue())
                    .executeUpdate();
        }
        return deleted;
    }

    @Override
    public long purgedThrough(String organisation) {
        List<?> rows = em.createNativeQuery("SELECT purged_through FROM host_event_purge WHERE organisation_id = ?1")
                .setParameter(1, organisation).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
