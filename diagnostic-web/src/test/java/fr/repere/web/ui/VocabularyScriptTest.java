package fr.repere.web.ui;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screens' vocabulary module says what core defines, in the words the screens showed before. */
class VocabularyScriptTest {

    private final String script = VocabularyScript.script();

    @Test
    void theDelaysAreCoresNumbers() {
        assertEquals("{\"referralReminderDays\":10,\"referralExpiryDays\":30,\"mandateNoticeDays\":30}", constant("DELAYS"));
    }

    @Test
    void theLevelsFillTheBarFromFarToAutonomousAndNotAssessedFillsNothing() {
        assertEquals("{\"AUTONOMOUS\":4,\"SUPPORTED\":3,\"FRAGILE\":2,\"VERY_FAR\":1,\"NOT_ASSESSED\":0}", constant("LEVEL_STEPS"));
        assertEquals("4", constant("LEVEL_COUNT"));
    }

    @Test
    void theMandateDurationsAreSpelledWithTheirDays() {
        assertEquals("[[\"ONE_DAY\",\"Mandat court (1 jour)\"],[\"ONE_MONTH\",\"Mandat d'un mois (31 jours)\"],"
                + "[\"SIX_MONTHS\",\"Mandat de 6 mois (182 jours)\"],[\"TWELVE_MONTHS\",\"Mandat long (12 mois, 365 jours)\"]]",
                constant("MANDATE_DURATIONS"));
    }

    @Test
    void progressIsSaidAsTheStatisticsSayIt() {
        assertEquals("{\"BETTER\":\"En progrès\",\"SAME\":\"Stable\",\"WORSE\":\"En recul\",\"UNKNOWN\":\"Non comparable\"}",
                constant("PROGRESS"));
    }

    @Test
    void orientationsActionsAndCategoriesAreEveryCodeOfCore() {
        assertTrue(constant("ORIENTATIONS").startsWith("[[\"AUTONOMOUS\",\"Autonome : pas d'accompagnement numérique nécessaire\"],"));
        assertEquals(fr.repere.diagnostic.ComplementaryAction.values().length, count(constant("ACTIONS"), "\\[\""));
        assertEquals(fr.repere.mandate.DemarcheCategory.values().length, count(constant("DEMARCHE_CATEGORIES"), "\\[\""));
    }

    @Test
    void aLabelCannotCloseTheStringItIsWrittenIn() {
        assertFalse(script.contains("</script"), "no HTML context either");
        for (String line : script.split("\n")) {
            if (line.startsWith("export const ")) {
                assertTrue(line.matches("export const [A-Z_]+ = Object\\.freeze\\(.*\\);"), line);
            }
        }
    }

    private String constant(String name) {
        Matcher m = Pattern.compile("export const " + name + " = Object\\.freeze\\((.*)\\);").matcher(script);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
