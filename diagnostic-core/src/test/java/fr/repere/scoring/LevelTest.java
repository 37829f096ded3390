package fr.repere.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelTest {

    /** From worst to best. */
    static final List<Level> ORDER = List.of(Level.VERY_FAR, Level.FRAGILE, Level.SUPPORTED, Level.AUTONOMOUS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, VERY_FAR", "1, VERY_FAR", "24, VERY_FAR",
            "25, FRAGILE", "37, FRAGILE", "49, FRAGILE",
            "50, SUPPORTED", "62, SUPPORTED", "74, SUPPORTED",
            "75, AUTONOMOUS", "99, AUTONOMOUS", "100, AUTONOMOUS"})
    void cutPoints(int score, Level expected) {
        assertEquals(expected, Level.of(score));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, -100, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void outOfRangeThrows(int score) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Level.of(score));
        assertTrue(e.getMessage().contains(String.valueOf(score)), e.getMessage());
    }

    @Test
    void aHigherScoreNeverGivesALowerLevelAndNoScoreIsNotAssessed() {
        Map<Level, Integer> bandWidth = new EnumMap<>(Level.class);
        for (int s = 0; s <= 100; s++) {
            Level level = Level.of(s);
            assertFalse(level == Level.NOT_ASSESSED, "a score is always assessed: " + s);
            bandWidth.merge(level, 1, Integer::sum);
            if (s > 0) {
                assertTrue(ORDER.indexOf(level) >= ORDER.indexOf(Level.of(s - 1)), "level drops at " + s);
            }
        }
        // four (almost) equal bands: 25, 25, 25 and 26 values
        assertEquals(Map.of(Level.VERY_FAR, 25, Level.FRAGILE, 25, Level.SUPPORTED, 25, Level.AUTONOMOUS, 26), bandWidth);
    }

    @Test
    void everyLevelHasAFrenchLabel() {
        for (Level level : Level.values()) {
            assertFalse(level.label().isBlank(), level.name());
        }
    }
}
