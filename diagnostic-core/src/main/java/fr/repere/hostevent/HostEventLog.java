package fr.repere.hostevent;

import java.util.List;

/**
 * The outbox seen from the publishing side: rows are kept in insertion order, without a
 * publication number until the sequencer gives them one, in a transaction of its own serialized
 * by a lock on the one sequencer row (so that several nodes never give the same number twice).
 */
public interface HostEventLog {

    /** Locks the sequencer until the end of the transaction; the last number given. */
    long lockSequencer();

    /**
     * Up to {@code limit} committed events with no number yet, in insertion order (their positions);
     * an event whose transaction is still open is not among them: it gets a later number once
     * committed.
     */
    List<Long> unnumbered(int limit);

    /** Gives the event at {@code position} its publication number. */
    void number(long position, long seq);

    /** Records the last number given (under the lock taken by {@link #lockSequencer()}). */
    void numberedUpTo(long seq);

    /** Published events of the organisation (of these teams only) numbered after {@code cursor}, in order. */
    List<Published> after(String organisation, List<String> teams, long cursor, int limit);

    /**
     * Deletes up to {@code limit} published events that occurred before {@code cutoff}, oldest first,
     * with their webhook deliveries, and raises each organisation's {@link #purgedThrough} mark;
     * returns how many events.
     */
    int purgeBefore(java.time.Instant cutoff, int limit);

    /** The highest publication number of the organisation's deleted events; 0 if none was. */
    long purgedThrough(String organisation);

    /** One published event: its number and its CloudEvents JSON. */
    record Published(long seq, String cloudEvent) {
    }
}
