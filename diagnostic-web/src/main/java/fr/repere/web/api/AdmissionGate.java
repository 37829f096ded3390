package fr.repere.web.api;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many API requests one node works on at once, and how many may wait for a turn, and for how
 * long. Past that the node refuses at once (503 with Retry-After) rather than letting every request
 * slow down: under overload the accepted requests keep their latency and the refused ones learn
 * within milliseconds that they should come back. Per node on purpose: it protects this process's
 * threads and its share of the database pool, whatever the other nodes do.
 */
public final class AdmissionGate {

    private final Semaphore turns;
    private final int maxWaiting;
    private final long maxWaitNanos;

    /**
     * @param concurrent requests worked on at once (at most the database pool, so that an admitted
     *                   request does not then wait for a connection)
     * @param maxWaiting requests that may wait for a turn; one more is refused without waiting
     * @param maxWaitMillis how long a waiting request waits before it is refused
     */
    public AdmissionGate(int concurrent, int maxWaiting, long maxWaitMillis) {
        if (concurrent < 1 || maxWaiting < 0 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("admission: " + concurrent + " at once, " + maxWaiting + " waiting, "
                    + maxWaitMillis + " ms");
        }
        this.turns = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    }

    /** A turn to hold until the request is answered; empty: refuse the request now. */
    public Optional<Turn> enter() {
        if (turns.tryAcquire()) {
            return Optional.of(new Turn());
        }
        if (turns.getQueueLength() >= maxWaiting) {
            return Optional.empty();
        }
        try {
            return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS) ? Optional.of(new Turn()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Turns free right now (for the metrics and the tests). */
    public int available() {
        return turns.availablePermits();
    }

    /** Requests waiting for a turn right now (an estimate, as the JDK says). */
    public int waiting() {
        return turns.getQueueLength();
    }

    /** One admitted request's turn; giving it back twice gives it back once. */
    public final class Turn {
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Turn() {
        }

        public void release() {
            if (held.compareAndSet(true, false)) {
                turns.release();
            }
        }
    }
}
