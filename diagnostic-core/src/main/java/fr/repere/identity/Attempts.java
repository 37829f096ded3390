package fr.repere.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failed logins of one key (an account or a source address): how many in a row, the last one,
 * and until when the key must wait. Only failures change it; a wait is not made longer by the
 * attempts made while it runs (they are refused without checking anything).
 *
 * @param lastFailure  null before the first failure
 * @param blockedUntil null when the key has never had to wait
 */
public record Attempts(int failures, Instant lastFailure, Instant blockedUntil) {

    public static final Attempts NONE = new Attempts(0, null, null);

    /** How long the key must still wait at {@code now}, if it must. */
    public Optional<Duration> waitAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil) ? Optional.of(Duration.between(now, blockedUntil)) : Optional.empty();
    }

    /** After one more failure at {@code now}. */
    public Attempts afterFailure(Instant now, ThrottleRule rule) {
        int count = forgotten(now, rule) ? 1 : failures + 1;
        Duration wait = rule.waitAfter(count);
        return new Attempts(count, now, wait.isZero() ? null : now.plus(wait));
    }

    /** Whether the key has been quiet long enough to start again from zero. */
    boolean forgotten(Instant now, ThrottleRule rule) {
        Instant lastActivity = blockedUntil != null && lastFailure != null && blockedUntil.isAfter(lastFailure) ? blockedUntil
                : lastFailure;
        return lastActivity == null || now.isAfter(lastActivity.plus(rule.forgetAfter()));
    }
}
