package fr.repere.questionnaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 1.0 samples are complete, valid sheets of questionnaire 1.0 in questionnaire order. Their
 * scores are worked out by hand in {@code ScorerTest}.
 */
class SampleAnswers10Test {

    private static final Questionnaire QUESTIONNAIRE = QuestionnaireCatalog.load().version(SampleAnswers10.QUESTIONNAIRE_VERSION)
            .orElseThrow();

    static Stream<Arguments> samples() {
        return SampleAnswers10.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleIsACompleteValidSheet(String name, Map<String, List<String>> answers) {
        QUESTIONNAIRE.checkComplete(AnswerSheet.of(answers));
        assertEquals(List.of(), QUESTIONNAIRE.hiddenAnswers(AnswerSheet.of(answers)));
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
        Map<String, List<String>> first = SampleAnswers10.autonomousPerson();
        first.remove("ACC_EQUIPEMENT");
        Map<String, List<String>> second = SampleAnswers10.autonomousPerson();
        assertNotSame(first, second);
        assertTrue(second.containsKey("ACC_EQUIPEMENT"));
    }
}
