package fr.repere.journal;

import java.time.Instant;

/**
 * Refused logins and keys, counted per source, kind and minute (one row each, not one per refusal).
 * Kept as long as the journal.
 */
public interface RefusalCounts {

    /**
     * Adds one refusal of this kind from this source (a pseudonym) in this minute; true if it is the
     * first of that minute (on any node).
     */
    boolean add(String source, RefusalKind kind, Instant minute);

    /** Removes at most {@code limit} counts of minutes before {@code before}; returns how many. */
    int purgeBefore(Instant before, int limit);
}
