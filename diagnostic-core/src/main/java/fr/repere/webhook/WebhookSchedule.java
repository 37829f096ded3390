package fr.repere.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is tried again: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h
 * and 24 h after each failure (about three days in all); after the last, it is given up. A
 * {@code scale} below 1 shortens every delay, for the integration tests only.
 */
public final class WebhookSchedule {

    /** The delay before each attempt, the first one included. */
    public static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));

    /** Past this, a Retry-After is not waited for longer. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final double scale;

    public WebhookSchedule(double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be within ]0, 1]");
        }
        this.scale = scale;
    }

    /** The delay before the next attempt once {@code attempts} attempts have failed; empty: given up. */
    public Optional<Duration> afterFailures(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        return attempts >= DELAYS.size() ? Optional.empty() : Optional.of(scaled(DELAYS.get(attempts)));
    }

    /**
     * The same, when the endpoint asked to wait ({@code Retry-After} on a 429 or a 503): not before
     * it asked (up to {@link #MAX_RETRY_AFTER}), nor before the schedule.
     */
    public Optional<Duration> afterFailures(int attempts, Duration retryAfter) {
        Optional<Duration> scheduled = afterFailures(attempts);
        if (retryAfter == null || scheduled.isEmpty()) {
            return scheduled;
        }
        Duration asked = scaled(retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter);
        return Optional.of(asked.compareTo(scheduled.get()) > 0 ? asked : scheduled.get());
    }

    private Duration scaled(Duration d) {
        return scale == 1 ? d : Duration.ofMillis((long) (d.toMillis() * scale));
    }
}
