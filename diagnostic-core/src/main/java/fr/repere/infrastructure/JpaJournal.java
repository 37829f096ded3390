package fr.repere.infrastructure;

import fr.repere.journal.Journal;
import fr.repere.journal.JournalEntry;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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

    @Override
    public int purgeBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM journal_entry WHERE at < ?1")
                .setParameter(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC))
                .executeUpdate();
    }
}
