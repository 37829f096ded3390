package fr.repere.dossier;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReferenceTest {

    @Test
    void referencesThatDifferOnlyByCaseAreTwoDossiers() {
        CaseReference lower = new CaseReference("case-a");
        CaseReference upper = new CaseReference("CASE-A");
        assertNotEquals(lower, upper);
        assertFalse(lower.names("CASE-A"));
        assertTrue(lower.names("case-a"));
        assertEquals(new CaseReference("case-a"), lower);
    }

    @Test
    void whitespaceIsRefusedNotTrimmedIntoAnotherReference() {
        for (String text : List.of(" case-a", "case-a ", "case a", "case-a\t", "\u00a0case-a", "case-a\n")) {
            assertEquals(Optional.empty(), CaseReference.parse(text), "«" + text + "»");
            assertThrows(IllegalArgumentException.class, () -> new CaseReference(text));
        }
        assertFalse(new CaseReference("case-a").names(" case-a"));
    }

    @Test
    void theFormatIsOneToSixtyFourOfLettersDigitsAndFiveSigns() {
        assertTrue(CaseReference.isValid("A"));
        assertTrue(CaseReference.isValid("DOS-2026/04:17_a.b"));
        assertTrue(CaseReference.isValid("x".repeat(64)));
        assertFalse(CaseReference.isValid("x".repeat(65)));
        assertFalse(CaseReference.isValid(""));
        assertFalse(CaseReference.isValid(null));
        assertFalse(CaseReference.isValid("dossier-é"), "ASCII letters only, as the host software's identifiers");
        assertFalse(CaseReference.isValid("a;b"));
        assertEquals("1 à 64 caractères parmi lettres, chiffres et . _ : / -", CaseReference.RULE);
    }
}
