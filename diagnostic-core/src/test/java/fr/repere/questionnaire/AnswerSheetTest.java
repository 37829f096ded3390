package fr.repere.questionnaire;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerSheetTest {

    @Test
    void laterChangesToTheSourceDoNotLeakIn() {
        List<String> connections = new ArrayList<>(List.of("BOX"));
        Map<String, List<String>> source = new LinkedHashMap<>();
        source.put("ACC_CONNEXION", connections);
        AnswerSheet sheet = AnswerSheet.of(source);

        connections.add("LIEUX_PUBLICS");
        source.put("ACC_EQUIPEMENT", List.of("AUCUN"));

        assertEquals(List.of("BOX"), sheet.optionsOf("ACC_CONNEXION"));
        assertFalse(sheet.answered("ACC_EQUIPEMENT"));
    }

    @Test
    void cannotBeModifiedThroughItsViews() {
        AnswerSheet sheet = AnswerSheet.of(SampleAnswers.autonomousPerson());
        assertThrows(UnsupportedOperationException.class, () -> sheet.asMap().put("X", List.of("Y")));
        assertThrows(UnsupportedOperationException.class, () -> sheet.asMap().remove("ACC_EQUIPEMENT"));
        assertThrows(UnsupportedOperationException.class, () -> sheet.optionsOf("ACC_CONNEXION").add("BOX"));
    }

    @Test
    void unansweredQuestionHasNoOptions() {
        AnswerSheet sheet = AnswerSheet.of(SampleAnswers.personWithoutDevice());
        assertFalse(sheet.answered("COMP_MESSAGE"));
        assertEquals(List.of(), sheet.optionsOf("COMP_MESSAGE"));
        assertTrue(sheet.answered("ACC_EQUIPEMENT"));
    }

    @Test
    void keepsTheOrderOfQuestionsAndOptions() {
        Map<String, List<String>> answers = SampleAnswers.with(SampleAnswers.autonomousPerson(), "ACC_CONNEXION",
                "LIEUX_PUBLICS", "BOX");
        AnswerSheet sheet = AnswerSheet.of(answers);
        assertEquals(List.copyOf(answers.keySet()), List.copyOf(sheet.asMap().keySet()));
        assertEquals(List.of("LIEUX_PUBLICS", "BOX"), sheet.optionsOf("ACC_CONNEXION"));
    }

    @Test
    void equalityIsByContent() {
        AnswerSheet a = AnswerSheet.of(SampleAnswers.autonomousPerson());
        AnswerSheet b = AnswerSheet.of(SampleAnswers.autonomousPerson());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, AnswerSheet.of(SampleAnswers.with(SampleAnswers.autonomousPerson(), "MOT_ENVIE", "UN_PEU")));
    }

    @Test
    void rejectsNullOptions() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("ACC_EQUIPEMENT", null);
        assertThrows(NullPointerException.class, () -> AnswerSheet.of(answers));
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> AnswerSheet.of(Map.of("ACC_EQUIPEMENT", withNull)));
    }
}
