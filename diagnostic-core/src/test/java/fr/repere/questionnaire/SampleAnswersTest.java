package fr.repere.questionnaire;

import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;
import fr.repere.scoring.Scorer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples other modules rely on are valid for 0.1 and have the levels their Javadoc promises. */
class SampleAnswersTest {

    private static final Questionnaire QUESTIONNAIRE = QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION)
            .orElseThrow();

    static Stream<Arguments> samples() {
        return SampleAnswers.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleIsACompleteValidSheet(String name, Map<String, List<String>> answers) {
        QUESTIONNAIRE.checkComplete(AnswerSheet.of(answers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleFollowsQuestionnaireOrder(String name, Map<String, List<String>> answers) {
        List<String> expected = new ArrayList<>();
        QUESTIONNAIRE.questions().forEach(q -> {
            if (answers.containsKey(q.code())) {
                expected.add(q.code());
            }
        });
        assertEquals(expected, List.copyOf(answers.keySet()));
    }

    @Test
    void eachCallReturnsAFreshMutableMap() {
        Map<String, List<String>> first = SampleAnswers.autonomousPerson();
        first.remove("ACC_EQUIPEMENT");
        Map<String, List<String>> second = SampleAnswers.autonomousPerson();
        assertNotSame(first, second);
        assertTrue(second.containsKey("ACC_EQUIPEMENT"));
    }

    @Test
    void withReplacesInPlaceAndWithoutRemoves() {
        Map<String, List<String>> base = SampleAnswers.autonomousPerson();
        Map<String, List<String>> changed = SampleAnswers.with(base, "ACC_CONNEXION", "BOX", "LIEUX_PUBLICS");
        assertEquals(List.of("BOX", "LIEUX_PUBLICS"), changed.get("ACC_CONNEXION"));
        assertEquals(List.copyOf(base.keySet()), List.copyOf(changed.keySet()));
        assertEquals(List.of("BOX"), base.get("ACC_CONNEXION"), "the original is not modified");
        Map<String, List<String>> removed = SampleAnswers.without(base, "COMP_MESSAGE");
        assertTrue(!removed.containsKey("COMP_MESSAGE") && base.containsKey("COMP_MESSAGE"));
    }

    @Test
    void autonomousPerson() {
        ScoreCard card = score(SampleAnswers::autonomousPerson);
        for (Dimension d : scored()) {
            assertScore(card, d, 100, Level.AUTONOMOUS, 100);
        }
        assertEquals(Set.of(), card.flags());
    }

    @Test
    void personWithoutDevice() {
        ScoreCard card = score(SampleAnswers::personWithoutDevice);
        assertScore(card, Dimension.ACCESS, 0, Level.VERY_FAR, 100);
        assertScore(card, Dimension.SKILLS, 52, Level.SUPPORTED, 100);
        assertScore(card, Dimension.MOTIVATION, 80, Level.AUTONOMOUS, 100);
        assertScore(card, Dimension.BANKING, 100, Level.AUTONOMOUS, 100);
        assertEquals(Set.of("PENDING_PROCEDURE"), card.flags());
    }

    @Test
    void urgentProcedureFragileSkills() {
        ScoreCard card = score(SampleAnswers::urgentProcedureFragileSkills);
        assertScore(card, Dimension.ACCESS, 90, Level.AUTONOMOUS, 100);
        assertScore(card, Dimension.SKILLS, 39, Level.FRAGILE, 100);
        assertScore(card, Dimension.MOTIVATION, 80, Level.AUTONOMOUS, 100);
        assertScore(card, Dimension.BANKING, 100, Level.AUTONOMOUS, 100);
        assertEquals(Set.of("URGENT_PROCEDURE", "PENDING_PROCEDURE"), card.flags());
    }

    @Test
    void noBankAccountLanguageBarrier() {
        ScoreCard card = score(SampleAnswers::noBankAccountLanguageBarrier);
        assertScore(card, Dimension.ACCESS, 42, Level.FRAGILE, 100);
        assertScore(card, Dimension.SKILLS, 64, Level.SUPPORTED, 100);
        assertScore(card, Dimension.MOTIVATION, 35, Level.FRAGILE, 100);
        assertScore(card, Dimension.BANKING, 0, Level.VERY_FAR, 100);
        assertEquals(Set.of("LANGUAGE_BARRIER"), card.flags());
    }

    @Test
    void unknownEverywhere() {
        ScoreCard card = score(SampleAnswers::unknownEverywhere);
        for (Dimension d : scored()) {
            DimensionScore s = card.of(d);
            assertNull(s.score(), d.name());
            assertEquals(Level.NOT_ASSESSED, s.level(), d.name());
            assertEquals(0, s.confidence(), d.name());
        }
        assertEquals(Set.of(), card.flags());
    }

    private static ScoreCard score(Supplier<Map<String, List<String>>> sample) {
        return Scorer.score(QUESTIONNAIRE, AnswerSheet.of(sample.get()));
    }

    private static List<Dimension> scored() {
        return Stream.of(Dimension.values()).filter(Dimension::scored).toList();
    }

    private static void assertScore(ScoreCard card, Dimension d, int score, Level level, int confidence) {
        DimensionScore s = card.of(d);
        assertEquals(new DimensionScore(d, score, level, confidence), s, d.name());
    }
}
