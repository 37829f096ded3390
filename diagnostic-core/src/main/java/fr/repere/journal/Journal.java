package fr.repere.journal;

import java.time.Instant;

/** Where journal entries go. Appending is the only operation besides the purge of old entries. */
public interface Journal {

    void append(JournalEntry entry);

    /** Removes the entries older than {@code before} (the retention period); returns how many. */
    int purgeBefore(Instant before);
}
