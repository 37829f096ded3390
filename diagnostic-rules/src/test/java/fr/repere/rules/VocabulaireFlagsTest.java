package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafConsultation;
import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.QuestionnaireCatalog;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

/**
 * The flags the tables' vocabulary names are the questionnaire's own codes (or the CAF's): a
 * questionnaire that renames one fails here, instead of a rule that silently never applies again.
 */
class VocabulaireFlagsTest {

    private static final Set<String> RAISED = raised();

    @Test
    void everyProcedureKindTheMandateTableReadsIsRaisedByTheQuestionnaireOrTheCaf() {
        Set<String> missing = new TreeSet<>(Vocabulaire.DEMARCHES.keySet());
        missing.removeAll(RAISED);
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyFlagWithAFrenchWordingIsRaisedAndEveryRaisedFlagHasOne() {
        Set<String> unknown = new TreeSet<>(Vocabulaire.FLAGS.keySet());
        unknown.removeAll(RAISED);
        assertEquals(Set.of(), unknown, "worded flags nothing raises");
        Set<String> unworded = new TreeSet<>(RAISED);
        unworded.removeAll(Vocabulaire.FLAGS.keySet());
        assertEquals(Set.of(), unworded, "flags a message would show as a raw code");
    }

    @Test
    void everyFlagARowReadsIsRaised() {
        for (Critere critere : Critere.values()) {
            assertTrue(RAISED.containsAll(critere.flags()), critere + " reads " + critere.flags());
        }
    }

    private static Set<String> raised() {
        Set<String> raised = new TreeSet<>(CafConsultation.QUARTERLY_FLAGS);
        for (Question question : QuestionnaireCatalog.load().current().questions()) {
            for (AnswerOption option : question.options()) {
                raised.addAll(option.flags());
            }
        }
        return raised;
    }
}
