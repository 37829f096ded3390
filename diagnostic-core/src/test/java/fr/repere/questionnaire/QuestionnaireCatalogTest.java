package fr.repere.questionnaire;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionnaireCatalogTest {

    @Nested
    class ShippedCatalog {

        private final QuestionnaireCatalog catalog = QuestionnaireCatalog.load();

        @Test
        void currentVersionIs10AndTheFirstVersionStaysPublished() {
            Questionnaire current = catalog.current();
            assertEquals("1.0", current.version());
            assertFalse(current.title().isBlank());
            assertTrue(current.questions().size() >= 20 && current.questions().size() <= 30, "20 to 30 questions");
            assertSame(current, catalog.version("1.0").orElseThrow());
            assertEquals("0.1", catalog.version("0.1").orElseThrow().version());
            assertEquals(List.of("0.1", "1.0"), catalog.versions().stream().map(Questionnaire::version).toList());
        }

        @Test
        void unpublishedVersionIsAbsent() {
            assertEquals(Optional.empty(), catalog.version("0.2"));
            assertEquals(Optional.empty(), catalog.version(""));
        }

        @Test
        void everyScoredDimensionIsAsked() {
            Set<Dimension> asked = new HashSet<>();
            catalog.current().questions().forEach(q -> asked.add(q.dimension()));
            for (Dimension d : Dimension.values()) {
                assertTrue(asked.contains(d), "no question for " + d);
            }
        }

        @Test
        void scoredQuestionsHaveScoredOptionsExceptUnknownOnes() {
            for (Question q : catalog.current().questions()) {
                boolean anyScored = false;
                for (AnswerOption o : q.options()) {
                    String where = q.code() + "." + o.code();
                    if (q.dimension().scored() && !o.unknown()) {
                        assertNotNull(o.score(), where);
                        assertTrue(o.score() >= 0 && o.score() <= 100, where + " score " + o.score());
                        anyScored = true;
                    } else {
                        assertNull(o.score(), where + " must not be scored");
                    }
                }
                if (q.dimension().scored()) {
                    assertTrue(anyScored, q.code() + " has no scored option");
                }
            }
        }

        @Test
        void conditionsNameEarlierQuestionsAndTheirOptions() {
            List<Question> questions = catalog.current().questions();
            for (int i = 0; i < questions.size(); i++) {
                Condition c = questions.get(i).showIf();
                if (c == null) {
                    continue;
                }
                int parent = questions.stream().map(Question::code).toList().indexOf(c.question());
                assertTrue(parent >= 0 && parent < i, questions.get(i).code());
                Question p = questions.get(parent);
                String child = questions.get(i).code();
                c.anyOf().forEach(o -> assertTrue(p.option(o).isPresent(), child + " -> " + o));
            }
        }

        @Test
        void skipLogicOfVersion01() {
            Questionnaire q = catalog.version("0.1").orElseThrow();
            Question message = q.question("COMP_MESSAGE").orElseThrow();
            assertFalse(message.appliesTo(AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("AUCUN")))));
            assertTrue(message.appliesTo(AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("PARTAGE")))));
            assertTrue(message.appliesTo(AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("NSP")))));
            assertFalse(message.appliesTo(AnswerSheet.of(Map.of())), "not asked before the device question");
        }

        @Test
        void contextOptionsCarryTheFlagsRulesRead() {
            Question procedure = catalog.current().question("CTX_DEMARCHE_EN_COURS").orElseThrow();
            assertTrue(procedure.option("URGENTE").orElseThrow().flags().contains("URGENT_PROCEDURE"));
        }
    }

    @Nested
    class DefinitionValidation {

        @Test
        void theBaseDefinitionIsValid() {
            Questionnaire q = QuestionnaireCatalog.parse(definition(baseQuestions()));
            assertEquals("9.9", q.version());
            assertEquals(List.of("EQUIP", "SKILL", "CTX"), q.questions().stream().map(Question::code).toList());
            Question skill = q.question("SKILL").orElseThrow();
            assertEquals(new Condition("EQUIP", Set.of("YES", "DK")), skill.showIf());
            assertEquals(2, skill.weight());
            assertTrue(skill.option("DK").orElseThrow().unknown());
            assertEquals(Set.of("URGENT_PROCEDURE"), q.question("CTX").orElseThrow().option("URGENT").orElseThrow().flags());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 100})
        void scoresAtTheBoundsAreAccepted(int score) {
            JsonArrayBuilder questions = Json.createArrayBuilder()
                    .add(question("EQUIP", "ACCESS", options(scored("YES", score), unknown("DK"))));
            assertEquals(score, QuestionnaireCatalog.parse(definition(questions)).question("EQUIP").orElseThrow()
                    .option("YES").orElseThrow().score());
        }

        @Test
        void duplicateQuestionCode() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("EQUIP", "ACCESS", options(scored("A", 100), scored("B", 0))));
            assertInvalid(questions, "EQUIP", "duplicate question");
        }

        @Test
        void duplicateOptionCode() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scored("YES", 0))));
            assertInvalid(questions, "MOTIV", "duplicate option");
        }

        @Test
        void duplicateOptionCodeAcrossQuestionsIsFine() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), unknown("DK"))));
            assertNotNull(QuestionnaireCatalog.parse(definition(questions)));
        }

        @Test
        void scoredOptionWithoutScore() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), option("MAYBE"))));
            assertInvalid(questions, "MOTIV.MAYBE", "score");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 101, -100, 1000, Integer.MAX_VALUE})
        void scoreOutOfRange(int score) {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", score), scored("NO", 0))));
            assertInvalid(questions, "MOTIV.YES", "0 to 100");
        }

        @Test
        void unknownOptionMustNotBeScored() {
            JsonObjectBuilder scoredUnknown = scored("DK", 50).add("unknown", true);
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scoredUnknown)));
            assertInvalid(questions, "MOTIV.DK", "score");
        }

        @Test
        void contextOptionMustNotBeScored() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("LANG", "CONTEXT", options(option("EASY"), scored("HARD", 10))));
            assertInvalid(questions, "LANG.HARD", "score");
        }

        @Test
        void questionWithoutOption() {
            JsonArrayBuilder questions = baseQuestions().add(question("EMPTY", "CONTEXT", Json.createArrayBuilder()));
            assertInvalid(questions, "EMPTY", "option");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void weightBelowOne(int weight) {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), unknown("DK"))).add("weight", weight));
            assertInvalid(questions, "MOTIV", "weight");
        }

        @Test
        void showIfNamingALaterQuestion() {
            JsonArrayBuilder questions = Json.createArrayBuilder()
                    .add(question("SKILL", "SKILLS", options(scored("ALONE", 100), scored("NO", 0)))
                            .add("showIf", showIf("EQUIP", "YES")))
                    .add(question("EQUIP", "ACCESS", options(scored("YES", 100), scored("NO", 0))));
            assertInvalid(questions, "SKILL", "earlier question");
        }

        @Test
        void showIfNamingAnUnknownQuestion() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scored("NO", 0)))
                            .add("showIf", showIf("NOPE", "YES")));
            assertInvalid(questions, "MOTIV", "earlier question");
        }

        @Test
        void showIfNamingItself() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scored("NO", 0)))
                            .add("showIf", showIf("MOTIV", "YES")));
            assertInvalid(questions, "MOTIV", "earlier question");
        }

        @Test
        void showIfNamingAnOptionTheQuestionDoesNotHave() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scored("NO", 0)))
                            .add("showIf", showIf("EQUIP", "YES", "MAYBE")));
            IllegalStateException e = assertInvalid(questions, "MOTIV", "option");
            assertTrue(e.getMessage().contains("EQUIP"), e.getMessage());
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            JsonArrayBuilder questions = baseQuestions()
                    .add(question("MOTIV", "MOTIVATION", options(scored("YES", 100), scored("YES", 0))))
                    .add(question("BANK", "BANKING", options(option("CARD"), unknown("DK"))));
            IllegalStateException e = assertInvalid(questions, "MOTIV", "duplicate option");
            assertTrue(e.getMessage().contains("BANK.CARD"), e.getMessage());
        }

        private IllegalStateException assertInvalid(JsonArrayBuilder questions, String culprit, String problem) {
            JsonObject json = definition(questions);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> QuestionnaireCatalog.parse(json));
            assertAll(
                    () -> assertTrue(e.getMessage().contains("9.9"), "names the version: " + e.getMessage()),
                    () -> assertTrue(e.getMessage().contains(culprit), "names " + culprit + ": " + e.getMessage()),
                    () -> assertTrue(e.getMessage().contains(problem), "says " + problem + ": " + e.getMessage()));
            return e;
        }
    }

    /** A valid little questionnaire: a scored question, a conditional weighted one, a context one. */
    static JsonArrayBuilder baseQuestions() {
        return Json.createArrayBuilder()
                .add(question("EQUIP", "ACCESS", options(scored("YES", 100), scored("SHARED", 55), scored("NO", 0),
                        unknown("DK"))))
                .add(question("SKILL", "SKILLS", options(scored("ALONE", 100), scored("NO", 0), unknown("DK")))
                        .add("weight", 2)
                        .add("showIf", showIf("EQUIP", "YES", "DK")))
                .add(question("CTX", "CONTEXT", options(
                        option("URGENT").add("flags", Json.createArrayBuilder().add("URGENT_PROCEDURE")),
                        option("NONE"), unknown("DK"))));
    }

    static JsonObject definition(JsonArrayBuilder questions) {
        return Json.createObjectBuilder()
                .add("version", "9.9")
                .add("title", "Questionnaire de test")
                .add("questions", questions)
                .build();
    }

    static JsonObjectBuilder question(String code, String dimension, JsonArrayBuilder options) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("dimension", dimension)
                .add("label", "Question " + code)
                .add("options", options);
    }

    static JsonArrayBuilder options(JsonObjectBuilder... options) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObjectBuilder o : options) {
            array.add(o);
        }
        return array;
    }

    static JsonObjectBuilder option(String code) {
        return Json.createObjectBuilder().add("code", code).add("label", "Option " + code);
    }

    static JsonObjectBuilder scored(String code, int score) {
        return option(code).add("score", score);
    }

    static JsonObjectBuilder unknown(String code) {
        return option(code).add("unknown", true);
    }

    static JsonObjectBuilder showIf(String question, String... anyOf) {
        JsonArrayBuilder options = Json.createArrayBuilder();
        for (String o : anyOf) {
            options.add(o);
        }
        return Json.createObjectBuilder().add("question", question).add("anyOf", options);
    }
}
