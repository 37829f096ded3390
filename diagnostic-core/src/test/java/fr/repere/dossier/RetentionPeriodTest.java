package fr.repere.dossier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPeriodTest {

    @ParameterizedTest
    @ValueSource(ints = {-24, 0, 1, 11, 121, 2400})
    void absurdDossierPeriodsAreRefusedNamingTheSetting(int months) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.dossiers(months));
        assertTrue(e.getMessage().contains("repere.retention.dossier-months = " + months), e.getMessage());
        assertTrue(e.getMessage().contains("between 12 and 120"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 13, 24})
    void theJournalIsKeptSixToTwelveMonths(int months) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.journal(months));
        assertTrue(e.getMessage().contains("repere.retention.journal-months = " + months), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 9, 12})
    void journalPeriodsWithinTheCnilRangeAreAccepted(int months) {
        assertEquals(months, RetentionPeriod.journal(months).months());
    }

    @Test
    void theCutoffCountsCalendarMonthsInUtc() {
        assertEquals(Instant.parse("2024-11-24T10:00:00Z"),
                RetentionPeriod.dossiers(24).cutoff(Instant.parse("2026-11-24T10:00:00Z")));
        // 31 August minus 6 months is the last day of February, as in MariaDB's INTERVAL 6 MONTH
        assertEquals(Instant.parse("2026-02-28T00:00:00Z"),
                RetentionPeriod.journal(6).cutoff(Instant.parse("2026-08-31T00:00:00Z")));
    }
}
