package fr.repere.hostevent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;

/**
 * Gives the committed events of the outbox their publication number, in insertion order, so that
 * a reader following the numbers never skips an event whose transaction committed after a later
 * one's: an event gets its number only once committed, and always a number greater than any given
 * before. Runs in a transaction of its own (the caller's), serialized across nodes by the lock on
 * the sequencer row.
 */
@ApplicationScoped
public class HostEventSequencer {

    /** At most this many events are numbered in one transaction. */
    public static final int BATCH = 1000;

    private HostEventLog log;

    /** For CDI's proxy. */
    protected HostEventSequencer() {
    }

    @Inject
    public HostEventSequencer(HostEventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Numbers one batch of committed events; returns how many. */
    public int sequence() {
        long last = log.lockSequencer();
        List<Long> positions = log.unnumbered(BATCH);
        for (long position : positions) {
            log.number(position, ++last);
        }
        if (!positions.isEmpty()) {
            log.numberedUpTo(last);
        }
        return positions.size();
    }
}
