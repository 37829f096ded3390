package fr.repere.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The login throttle's rule, on a clock the test moves (no waiting). */
class AttemptsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private static Attempts fail(Attempts a, Instant at) {
        return a.afterFailure(at, ThrottleRule.ACCOUNT);
    }

    @Test
    void anAccountWaitsAfterItsFifthFailureForAMinuteThenTwiceAsLongEachTimeUpTo15Minutes() {
        Attempts a = Attempts.NONE;
        for (int i = 1; i <= 4; i++) {
            a = fail(a, T0.plusSeconds(i));
            assertEquals(Optional.empty(), a.waitAt(T0.plusSeconds(i)), "failure " + i + ": no wait yet");
        }
        a = fail(a, T0.plusSeconds(5));
        assertEquals(5, a.failures());
        assertEquals(Optional.of(Duration.ofMinutes(1)), a.waitAt(T0.plusSeconds(5)), "after the 5th failure, one minute");
        assertEquals(Optional.of(Duration.ofSeconds(30)), a.waitAt(T0.plusSeconds(35)));
        assertEquals(Optional.empty(), a.waitAt(T0.plusSeconds(65)), "the wait is over");

        Instant t = T0.plusSeconds(65);
        long[] expectedMinutes = {2, 4, 8, 15, 15};
        for (long minutes : expectedMinutes) {
            a = fail(a, t);
            assertEquals(Optional.of(Duration.ofMinutes(minutes)), a.waitAt(t));
            t = a.blockedUntil();
        }
        assertEquals(10, a.failures());
    }

    @Test
    void aQuietAccountStartsAgainFromZeroButNotWhileItsWaitRuns() {
        Attempts a = Attempts.NONE;
        for (int i = 1; i <= 4; i++) {
            a = fail(a, T0);
        }
        Attempts later = fail(a, T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertEquals(1, later.failures(), "four failures an hour ago are forgotten");
        assertEquals(Optional.empty(), later.waitAt(T0.plus(Duration.ofHours(1)).plusSeconds(1)));

        for (int i = 5; i <= 9; i++) {
            a = fail(a, T0);
        }
        assertEquals(T0.plus(Duration.ofMinutes(15)), a.blockedUntil());
        Attempts atEndOfWait = fail(a, T0.plus(Duration.ofMinutes(50)));
        assertEquals(10, atEndOfWait.failures(), "an hour after the last failure but not after the wait: remembered");
    }

    @Test
    void anAddressWaitsAfterItsFiftiethFailureOnly() {
        Attempts a = Attempts.NONE;
        for (int i = 1; i <= 49; i++) {
            a = a.afterFailure(T0, ThrottleRule.ADDRESS);
        }
        assertEquals(Optional.empty(), a.waitAt(T0));
        a = a.afterFailure(T0, ThrottleRule.ADDRESS);
        assertEquals(Optional.of(Duration.ofMinutes(1)), a.waitAt(T0));
        assertEquals(1, a.afterFailure(T0.plus(Duration.ofMinutes(12)), ThrottleRule.ADDRESS).failures(),
                "forgotten 10 minutes after the end of its wait");
    }

    @Test
    void theWaitNeverOverflowsAndAnAbsurdRuleIsRefused() {
        assertEquals(Duration.ofMinutes(15), ThrottleRule.ACCOUNT.waitAfter(Integer.MAX_VALUE));
        assertEquals(Duration.ZERO, ThrottleRule.ACCOUNT.waitAfter(4));
        assertThrows(IllegalArgumentException.class,
                () -> new ThrottleRule(0, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1)));
    }
}
