package fr.repere.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "VERY_FAR, FRAGILE, BETTER", "FRAGILE, AUTONOMOUS, BETTER", "SUPPORTED, AUTONOMOUS, BETTER",
            "FRAGILE, FRAGILE, SAME", "AUTONOMOUS, SUPPORTED, WORSE", "SUPPORTED, VERY_FAR, WORSE",
            "NOT_ASSESSED, FRAGILE, UNKNOWN", "FRAGILE, NOT_ASSESSED, UNKNOWN"})
    void progressIsJudgedByLevel(Level before, Level after, Progress expected) {
        assertEquals(expected, Progress.between(before, after));
    }

    @Test
    void theLevelsAreRankedFromTheMostAutonomous() {
        assertEquals(Progress.BETTER, Progress.between(Level.VERY_FAR, Level.AUTONOMOUS));
        assertEquals(Progress.UNKNOWN, Progress.between(null, Level.AUTONOMOUS));
    }
}
