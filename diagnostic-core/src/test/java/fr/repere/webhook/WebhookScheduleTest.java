package fr.repere.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookScheduleTest {

    private final WebhookSchedule schedule = new WebhookSchedule(1);

    @Test
    void retriesAfter5s5min30min2h5h10h14h20h24hThenGivesUp() {
        List<Duration> delays = new ArrayList<>();
        for (int attempts = 1; schedule.afterFailures(attempts).isPresent(); attempts++) {
            delays.add(schedule.afterFailures(attempts).get());
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24)), delays);
        assertEquals(Optional.empty(), schedule.afterFailures(10), "ten attempts in all, the first immediate");
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheScheduleAndCapped() {
        assertEquals(Duration.ofMinutes(2), schedule.afterFailures(1, Duration.ofMinutes(2)).orElseThrow());
        assertEquals(Duration.ofMinutes(5), schedule.afterFailures(2, Duration.ofSeconds(1)).orElseThrow());
        assertEquals(Duration.ofHours(24), schedule.afterFailures(1, Duration.ofDays(30)).orElseThrow());
    }

    @Test
    void theTestsScaleShortensEveryDelay() {
        assertEquals(Duration.ofMillis(5), new WebhookSchedule(0.001).afterFailures(1).orElseThrow());
    }
}
