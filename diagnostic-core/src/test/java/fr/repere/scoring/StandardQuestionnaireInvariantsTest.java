package fr.repere.scoring;

import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoring invariants the issue asks for, on every published questionnaire version, over
 * seeded-random complete sheets: scores and confidences in range, the same answers always give the
 * same result, and a strictly better answer never lowers its dimension's score or level (other
 * answers unchanged, and the same questions asked).
 */
class StandardQuestionnaireInvariantsTest {

    private static final int SHEETS = 1_500;

    static Stream<Questionnaire> published() {
        return QuestionnaireCatalog.load().versions().stream();
    }

    @ParameterizedTest(name = "questionnaire {0}")
    @MethodSource("published")
    void scoresAndConfidencesStayInRangeAndAreDeterministic(Questionnaire q) {
        Random rng = new Random(q.version().hashCode());
        for (int i = 0; i < SHEETS; i++) {
            AnswerSheet sheet = AnswerSheet.of(RandomSheets.sheet(q, rng));
            q.checkComplete(sheet);
            ScoreCard card = Scorer.score(q, sheet);
            assertEquals(card, Scorer.score(q, AnswerSheet.of(new LinkedHashMap<>(sheet.asMap()))), "deterministic");
            for (DimensionScore s : card.all()) {
                assertTrue(s.confidence() >= 0 && s.confidence() <= 100, s.toString());
                if (s.score() == null) {
                    assertEquals(Level.NOT_ASSESSED, s.level(), s.toString());
                } else {
                    assertTrue(s.score() >= 0 && s.score() <= 100, s.toString());
                    assertTrue(s.level().ordinal() >= Level.of(s.score()).ordinal(), "a cap only lowers: " + s);
                }
            }
        }
    }

    @ParameterizedTest(name = "questionnaire {0}")
    @MethodSource("published")
    void aStrictlyBetterAnswerNeverLowersItsDimension(Questionnaire q) {
        Random rng = new Random(q.version().hashCode() + 1L);
        int checked = 0;
        for (int i = 0; i < SHEETS; i++) {
            Map<String, List<String>> sheet = RandomSheets.sheet(q, rng);
            ScoreCard before = Scorer.score(q, AnswerSheet.of(sheet));
            for (Question question : q.questions()) {
                Integer was = best(question, sheet.get(question.code()));
                if (!question.dimension().scored() || was == null) {
                    continue;
                }
                for (AnswerOption better : question.options()) {
                    if (better.score() == null || better.score() <= was) {
                        continue;
                    }
                    Map<String, List<String>> changed = new LinkedHashMap<>(sheet);
                    changed.put(question.code(), List.of(better.code()));
                    if (!sameQuestionsAsked(q, sheet, changed)) {
                        continue; // other questions would be asked or dropped: not the same comparison
                    }
                    DimensionScore old = before.of(question.dimension());
                    DimensionScore now = Scorer.score(q, AnswerSheet.of(changed)).of(question.dimension());
                    String where = question.code() + " -> " + better.code() + " in " + sheet + ": " + old + " -> " + now;
                    assertNotNull(now.score(), where);
                    assertTrue(now.score() >= old.score(), where);
                    assertTrue(now.level().ordinal() <= old.level().ordinal(), where);
                    checked++;
                }
            }
        }
        assertTrue(checked > SHEETS, "comparisons made: " + checked);
    }

    private static Integer best(Question question, List<String> chosen) {
        if (chosen == null) {
            return null;
        }
        return chosen.stream().map(c -> question.option(c).orElseThrow().score())
                .filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null);
    }

    private static boolean sameQuestionsAsked(Questionnaire q, Map<String, List<String>> a, Map<String, List<String>> b) {
        AnswerSheet sa = AnswerSheet.of(a);
        AnswerSheet sb = AnswerSheet.of(b);
        return q.questions().stream().allMatch(question -> question.appliesTo(sa) == question.appliesTo(sb));
    }
}
