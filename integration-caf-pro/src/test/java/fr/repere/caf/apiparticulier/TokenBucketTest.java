package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bucket on a fake clock: nothing sleeps. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final TokenBucket bucket = new TokenBucket(20, 20, now::get);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void twentyPermitsAtOnceThenOneEvery50ms() {
        for (int i = 0; i < 20; i++) {
            assertEquals(new TokenBucket.Reservation(true, Duration.ZERO), bucket.reserve(Duration.ZERO), "permit " + i);
        }
        assertFalse(bucket.reserve(Duration.ZERO).granted(), "21st within the same instant");
        assertEquals(Duration.ofMillis(50), bucket.reserve(Duration.ofSeconds(1)).delay());
        assertEquals(Duration.ofMillis(100), bucket.reserve(Duration.ofSeconds(1)).delay(), "callers queue up");
    }

    @Test
    void aRefusedReservationTakesNothing() {
        for (int i = 0; i < 20; i++) {
            bucket.reserve(Duration.ZERO);
        }
        TokenBucket.Reservation refused = bucket.reserve(Duration.ofMillis(49));
        assertFalse(refused.granted());
        assertEquals(Duration.ofMillis(50), refused.delay());
        assertEquals(new TokenBucket.Reservation(true, Duration.ofMillis(50)), bucket.reserve(Duration.ofMillis(50)));
    }

    @Test
    void refillsAtTwentyPerSecondUpToTwenty() {
        for (int i = 0; i < 20; i++) {
            bucket.reserve(Duration.ZERO);
        }
        advance(Duration.ofMillis(50));
        assertTrue(bucket.reserve(Duration.ZERO).granted());
        assertFalse(bucket.reserve(Duration.ZERO).granted());

        advance(Duration.ofMinutes(5));
        int granted = 0;
        while (bucket.reserve(Duration.ZERO).granted()) {
            granted++;
        }
        assertEquals(20, granted, "a long pause does not store more than the capacity");
    }

    @Test
    void sustainedRateIsTwentyPerSecond() {
        int granted = 0;
        for (int ms = 0; ms < 10_000; ms++) {
            if (bucket.reserve(Duration.ZERO).granted()) {
                granted++;
            }
            advance(Duration.ofMillis(1));
        }
        assertEquals(20 + 200, granted, 1, "initial burst of 20, then 20/s over 10 s");
    }

    @Test
    void rejectsAnEmptyBucket() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 20, System::nanoTime));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(20, 0, System::nanoTime));
    }
}
