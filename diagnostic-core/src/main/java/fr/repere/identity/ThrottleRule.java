package fr.repere.identity;

import java.time.Duration;

/**
 * How many failed logins a key (an account, a source address) may make before it must wait, and
 * for how long: {@code threshold} failures, then a wait that doubles with each further failure
 * from {@code firstWait} up to {@code longestWait}. A key whose last failure and last wait are
 * both older than {@code forgetAfter} starts again from zero.
 */
public record ThrottleRule(int threshold, Duration firstWait, Duration longestWait, Duration forgetAfter) {

    /**
     * An account: 5 failures, then 1, 2, 4, 8, then 15 minutes at most; forgotten after an hour
     * without failure. A success resets it.
     */
    public static final ThrottleRule ACCOUNT = new ThrottleRule(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));

    /**
     * A source address: 50 failures (a shared office or a proxy serves many agents), then the same
     * waits; forgotten after 10 minutes without failure nor wait. A success does not reset it, or
     * one valid account would open the way to guess the others'.
     */
    public static final ThrottleRule ADDRESS = new ThrottleRule(50, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(10));

    public ThrottleRule {
        if (threshold < 1 || firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0
                || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("inconsistent throttle rule");
        }
    }

    /** The wait after the {@code failures}-th failure; zero below the threshold. */
    public Duration waitAfter(int failures) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration wait = firstWait;
        for (int i = 0; i < doublings && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
