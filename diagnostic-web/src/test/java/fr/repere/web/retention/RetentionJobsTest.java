package fr.repere.web.retention;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionJobsTest {

    @Test
    void theJobsRunAtHalfPastTwoParisTimeNextNight() {
        // 24 November: Paris is UTC+1
        assertEquals(Instant.parse("2026-11-25T01:30:00Z"), RetentionJobs.nextRun(Instant.parse("2026-11-24T10:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T01:30:00Z"), RetentionJobs.nextRun(Instant.parse("2026-11-24T00:00:00Z")));
        // summer time: UTC+2
        assertEquals(Instant.parse("2026-07-02T00:30:00Z"), RetentionJobs.nextRun(Instant.parse("2026-07-01T12:00:00Z")));
    }
}
