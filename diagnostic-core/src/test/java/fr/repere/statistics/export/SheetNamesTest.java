package fr.repere.statistics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SheetNamesTest {

    @Test
    void forbiddenCharactersAndEndApostrophesAreReplaced() {
        SheetNames names = new SheetNames();
        assertEquals("Besoins non couverts type", names.reserve("Besoins : non couverts / type"));
        assertEquals("Un tableau détail", names.reserve("'Un [tableau] * détail ?'"));
    }

    @Test
    void longTitlesAreCutAtAWordWithAnEllipsis() {
        String name = new SheetNames().reserve("Orientation principale par commune de résidence");
        assertEquals("Orientation principale par…", name);
    }

    @Test
    void namesStayUniqueRegardlessOfCase() {
        SheetNames names = new SheetNames();
        String title = "Orientation principale par commune de résidence";
        String first = names.reserve(title);
        String second = names.reserve(title + " et par mois");
        String third = names.reserve(title.toUpperCase());
        assertEquals("Orientation principale par…", first);
        assertEquals("Orientation principale par… (2)", second);
        assertEquals("ORIENTATION PRINCIPALE PAR… (3)", third);
        for (String name : new String[] {first, second, third}) {
            assertTrue(name.length() <= SheetNames.MAX_LENGTH, name);
        }
    }

    @Test
    void excelsReservedNameAndEmptyTitlesGetAnotherName() {
        SheetNames names = new SheetNames();
        assertEquals("History (2)", names.reserve("History"));
        assertEquals("Tableau", names.reserve("  ?? "));
        assertEquals("Tableau (2)", names.reserve(null));
    }
}
