package fr.repere.caf.apiparticulier;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Token bucket: up to {@code capacity} permits at once, refilled continuously at
 * {@code permitsPerSecond}. A caller reserves a permit and is told how long to wait before using
 * it; permits can be reserved ahead (the bucket goes into debt), so concurrent callers are served in
 * order. The clock is injected so that tests never sleep.
 */
final class TokenBucket {

    /** Waits; replaced in tests. */
    interface Sleeper {
        Sleeper REAL = duration -> {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        void sleep(Duration duration) throws InterruptedException;
    }

    private final double capacity;
    private final double nanosPerPermit;
    private final LongSupplier nanoTime;
    private double permits;
    private long refilledAt;

    TokenBucket(int capacity, int permitsPerSecond, LongSupplier nanoTime) {
        if (capacity < 1 || permitsPerSecond < 1) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.nanosPerPermit = TimeUnit.SECONDS.toNanos(1) / (double) permitsPerSecond;
        this.nanoTime = nanoTime;
        this.permits = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * Reserves one permit if it can be used within {@code maxWait}; otherwise reserves nothing.
     *
     * @return whether a permit was reserved, and the wait before it may be used (or, if refused,
     *         the delay it would have needed)
     */
    synchronized Reservation reserve(Duration maxWait) {
        long now = nanoTime.getAsLong();
        permits = Math.min(capacity, permits + (now - refilledAt) / nanosPerPermit);
        refilledAt = now;
        long waitNanos = permits >= 1 ? 0 : (long) Math.ceil((1 - permits) * nanosPerPermit);
        if (waitNanos > maxWait.toNanos()) {
            return new Reservation(false, Duration.ofNanos(waitNanos));
        }
        permits -= 1;
        return new Reservation(true, Duration.ofNanos(waitNanos));
    }

    /** Outcome of {@link #reserve}. */
    record Reservation(boolean granted, Duration delay) {
    }
}
