package fr.repere.infrastructure;

import fr.repere.journal.Journal;
import fr.repere.journal.JournalEntry;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The journal in MariaDB. The purge is a bulk delete, which the database allows only for old entries. */
public class JpaJournal implements Journal {

    private final EntityManager em;

    public JpaJournal(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(JournalEntry entry) {
        em.persist(entry);
    }

    /**
     * Oldest first, in a bounded batch. The second condition repeats the database's own 6-month
     * guard (trigger of V5), so a clock ahead of the database's skips an entry instead of failing
     * the whole batch.
     */
    @Override
    public int purgeBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM journal_entry WHERE at < ?1 AND at <= UTC_TIMESTAMP(3) - INTERVAL 6 MONTH"
                        + " ORDER BY at LIMIT ?2")
                .setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate();
    }

    @Override
    public List<JournalEntry> about(String dossier) {
        return em.createQuery("SELECT e FROM JournalEntry e WHERE e.dossier = :dossier ORDER BY e.at, e.id", JournalEntry.class)
                .setParameter("dossier", dossier)
                .getResultList();
    }
}
