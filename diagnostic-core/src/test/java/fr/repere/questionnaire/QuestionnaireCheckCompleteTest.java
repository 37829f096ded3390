package fr.repere.questionnaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static fr.repere.questionnaire.SampleAnswers.with;
import static fr.repere.questionnaire.SampleAnswers.without;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionnaireCheckCompleteTest {

    private static final Questionnaire Q = QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow();

    static Stream<Arguments> validSheets() {
        Map<String, List<String>> autonomous = SampleAnswers.autonomousPerson();
        return Stream.of(
                Arguments.of("autonomous", autonomous),
                Arguments.of("without device", SampleAnswers.personWithoutDevice()),
                Arguments.of("urgent", SampleAnswers.urgentProcedureFragileSkills()),
                Arguments.of("no bank account", SampleAnswers.noBankAccountLanguageBarrier()),
                Arguments.of("all unknown", SampleAnswers.unknownEverywhere()),
                Arguments.of("several connections", with(autonomous, "ACC_CONNEXION", "BOX", "DONNEES_MOBILES", "LIEUX_PUBLICS")),
                Arguments.of("unknown alone on a multiple question", with(autonomous, "ACC_CONNEXION", "NSP")),
                Arguments.of("device unknown still asks messaging", with(autonomous, "ACC_EQUIPEMENT", "NSP")),
                Arguments.of("shared device asks messaging", with(autonomous, "ACC_EQUIPEMENT", "PARTAGE")),
                Arguments.of("bank account unknown asks payment", with(autonomous, "BAN_COMPTE", "NSP")),
                Arguments.of("answers in another order", reversed(autonomous)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSheets")
    void validCompleteSheetPasses(String name, Map<String, List<String>> answers) {
        assertDoesNotThrow(() -> Q.checkComplete(AnswerSheet.of(answers)));
    }

    @Test
    void unknownQuestionCode() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "ACC_TELEPATHIE", "OUI"), "ACC_TELEPATHIE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PEUT_ETRE", "oui", "", "SEUL"})
    void unknownOptionCode(String option) {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "MOT_ENVIE", option), "MOT_ENVIE");
    }

    @Test
    void optionOfAnotherQuestionIsUnknownHere() {
        // SEUL exists for COMP_* questions, not for ACC_COURRIEL
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "ACC_COURRIEL", "SEUL"), "ACC_COURRIEL");
    }

    @Test
    void twoAnswersToASingleChoiceQuestion() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "COMP_DEMARCHE", "SEUL", "AVEC_AIDE"), "COMP_DEMARCHE");
    }

    @Test
    void theSameOptionTwiceOnAMultipleQuestion() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "ACC_CONNEXION", "BOX", "BOX"), "ACC_CONNEXION");
    }

    @Test
    void theSameOptionTwiceOnASingleQuestion() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "MOT_ENVIE", "OUI", "OUI"), "MOT_ENVIE");
    }

    @Test
    void noOptionChosen() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "MOT_CRAINTE"), "MOT_CRAINTE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BOX", "AUCUNE"})
    void unknownCombinedWithAnotherOptionOnAMultipleQuestion(String other) {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "ACC_CONNEXION", other, "NSP"), "ACC_CONNEXION");
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "ACC_CONNEXION", "NSP", other), "ACC_CONNEXION");
    }

    @Test
    void unknownCombinedWithAnotherOptionOnASingleQuestion() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "BAN_PAIEMENT", "NSP", "OUI"), "BAN_PAIEMENT");
    }

    @Test
    void answerToAQuestionHiddenBySkipLogic() {
        // COMP_MESSAGE is asked only to someone with a device
        Map<String, List<String>> answers = with(SampleAnswers.autonomousPerson(), "ACC_EQUIPEMENT", "AUCUN");
        InvalidAnswersException e = assertOnlyProblemsFor(answers, "COMP_MESSAGE");
        assertEquals(1, e.problems().size(), e.problems().toString());
    }

    @Test
    void answerToPaymentWithoutBankAccount() {
        assertOnlyProblemsFor(with(SampleAnswers.autonomousPerson(), "BAN_COMPTE", "AUCUN"), "BAN_PAIEMENT");
    }

    @Test
    void hiddenQuestionAnsweredWithUnknownIsStillRejected() {
        Map<String, List<String>> answers = with(SampleAnswers.personWithoutDevice(), "COMP_MESSAGE", "NSP");
        assertOnlyProblemsFor(answers, "COMP_MESSAGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACC_CONNEXION", "ACC_COURRIEL", "COMP_MESSAGE", "COMP_RECHERCHE", "COMP_DEMARCHE",
            "MOT_ENVIE", "MOT_CRAINTE", "BAN_PAIEMENT", "CTX_DEMARCHE_EN_COURS", "CTX_FRANCAIS_ECRIT"})
    void missingRequiredAnswer(String question) {
        InvalidAnswersException e = assertOnlyProblemsFor(without(SampleAnswers.urgentProcedureFragileSkills(), question),
                question);
        assertEquals(1, e.problems().size(), e.problems().toString());
    }

    @Test
    void missingParentQuestionOfSkipLogic() {
        // no conditional question answered, so only the parent itself is reported
        assertOnlyProblemsFor(without(SampleAnswers.personWithoutDevice(), "ACC_EQUIPEMENT"), "ACC_EQUIPEMENT");
        assertOnlyProblemsFor(without(SampleAnswers.noBankAccountLanguageBarrier(), "BAN_COMPTE"), "BAN_COMPTE");
    }

    @Test
    void missingParentWhileItsConditionalQuestionIsAnswered() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> Q.checkComplete(AnswerSheet.of(without(SampleAnswers.autonomousPerson(), "BAN_COMPTE"))));
        assertEquals(Set.of("BAN_COMPTE", "BAN_PAIEMENT"), questionsOf(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PERSONNEL", "PARTAGE", "NSP"})
    void missingConditionalAnswerWhenItApplies(String device) {
        Map<String, List<String>> answers = without(with(SampleAnswers.autonomousPerson(), "ACC_EQUIPEMENT", device),
                "COMP_MESSAGE");
        assertOnlyProblemsFor(answers, "COMP_MESSAGE");
    }

    @Test
    void missingPaymentAnswerWhenTheBankAccountIsUnknown() {
        Map<String, List<String>> answers = without(with(SampleAnswers.noBankAccountLanguageBarrier(), "BAN_COMPTE", "NSP"),
                "BAN_PAIEMENT");
        assertOnlyProblemsFor(answers, "BAN_PAIEMENT");
    }

    @Test
    void emptySheetReportsEveryQuestionAskedToEveryone() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> Q.checkComplete(AnswerSheet.of(Map.of())));
        Set<String> expected = Q.questions().stream().filter(q -> q.showIf() == null).map(Question::code)
                .collect(Collectors.toSet());
        assertEquals(expected, questionsOf(e));
        assertFalse(questionsOf(e).contains("COMP_MESSAGE"), "not asked until the device question is answered");
        assertEquals(expected.size(), e.problems().size());
    }

    @Test
    void everyProblemIsReportedAtOnceWithAMessage() {
        Map<String, List<String>> answers = with(without(SampleAnswers.autonomousPerson(), "MOT_ENVIE"),
                "ACC_COURRIEL", "PEUT_ETRE");
        answers.put("INCONNUE", List.of("X"));
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> Q.checkComplete(AnswerSheet.of(answers)));
        assertEquals(Set.of("MOT_ENVIE", "ACC_COURRIEL", "INCONNUE"), questionsOf(e));
        e.problems().forEach(p -> assertFalse(p.message() == null || p.message().isBlank(), p.toString()));
        assertTrue(e.getMessage().startsWith("3 "), e.getMessage());
    }

    @Test
    void problemsCannotBeAlteredByTheCaller() {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> Q.checkComplete(AnswerSheet.of(Map.of())));
        assertThrows(UnsupportedOperationException.class, () -> e.problems().clear());
    }

    private static InvalidAnswersException assertOnlyProblemsFor(Map<String, List<String>> answers, String question) {
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> Q.checkComplete(AnswerSheet.of(answers)));
        assertEquals(Set.of(question), questionsOf(e), e.problems().toString());
        return e;
    }

    private static Set<String> questionsOf(InvalidAnswersException e) {
        return e.problems().stream().map(AnswerProblem::question).collect(Collectors.toSet());
    }

    private static Map<String, List<String>> reversed(Map<String, List<String>> answers) {
        List<String> keys = new ArrayList<>(answers.keySet());
        Collections.reverse(keys);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        keys.forEach(k -> copy.put(k, answers.get(k)));
        return copy;
    }
}
