package fr.repere.infrastructure;

import fr.repere.journal.Journal;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The journal in MariaDB. The application's account may only insert and read it; the purge goes
 * through the procedure journal_purge (V16), which deletes nothing younger than 6 months.
 */
@ApplicationScoped
public class JpaJournal implements Journal {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaJournal() {
    }

    public JpaJournal(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(JournalEntry entry) {
        em.persist(entry);
    }

    /**
     * Oldest first, in a bounded batch. The procedure also keeps everything younger than 6 months
     * by the database's clock, so a clock ahead of the database's skips an entry instead of failing
     * the whole batch.
     */
    @Override
    public int purgeBefore(Instant before, int limit) {
        Object purged = em.createNativeQuery("CALL journal_purge(?1, ?2)")
                .setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC))
                .setParameter(2, limit)
                .getSingleResult();
        return ((Number) purged).intValue();
    }

    @Override
    public List<JournalEntry> about(String dossier) {
        return em.createQuery("SELECT e FROM JournalEntry e WHERE e.dossier = :dossier ORDER BY e.at, e.id", JournalEntry.class)
                .setParameter("dossier", dossier)
                .getResultList();
    }
}
