package fr.repere.journal;

import java.time.Instant;
import java.util.List;

/** Where journal entries go. Appending is the only change besides the purge of old entries. */
public interface Journal {

    void append(JournalEntry entry);

    /**
     * Removes at most {@code limit} entries older than {@code before} (the retention period), and
     * never one younger than the 6 months the database protects; returns how many.
     */
    int purgeBefore(Instant before, int limit);

    /** The entries naming a dossier (by its pseudonym), oldest first: for the person's right of access. */
    List<JournalEntry> about(String dossier);
}
