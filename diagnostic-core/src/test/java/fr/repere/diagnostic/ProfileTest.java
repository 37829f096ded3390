package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.questionnaire.SampleAnswers;
import fr.repere.scoring.Level;
import fr.repere.scoring.Scorer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {

    @Test
    void takesEachLevelFromItsOwnDimension() {
        Profile profile = Profile.of(Scorer.score(QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow(),
                AnswerSheet.of(SampleAnswers.noBankAccountLanguageBarrier())));
        assertEquals(Level.FRAGILE, profile.getAccess());
        assertEquals(Level.SUPPORTED, profile.getSkills());
        assertEquals(Level.FRAGILE, profile.getMotivation());
        assertEquals(Level.VERY_FAR, profile.getBanking());
        assertEquals(Set.of("LANGUAGE_BARRIER"), profile.getFlags());
        assertTrue(profile.hasFlag("LANGUAGE_BARRIER"));
        assertFalse(profile.hasFlag("URGENT_PROCEDURE"));
    }

    @Test
    void flagsAreACopy() {
        Set<String> flags = new HashSet<>(Set.of("URGENT_PROCEDURE"));
        Profile profile = new Profile(Level.AUTONOMOUS, Level.FRAGILE, Level.SUPPORTED, Level.NOT_ASSESSED, flags);
        flags.add("LANGUAGE_BARRIER");
        assertEquals(Set.of("URGENT_PROCEDURE"), profile.getFlags());
        assertThrows(UnsupportedOperationException.class, () -> profile.getFlags().add("X"));
    }
}
