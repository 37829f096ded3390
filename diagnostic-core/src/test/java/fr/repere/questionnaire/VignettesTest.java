package fr.repere.questionnaire;

import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;
import fr.repere.scoring.Scorer;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standard questionnaire 1.0 against case vignettes: each vignette is a person as a social
 * worker would describe them, the answers they would give, and the level per dimension an
 * experienced worker expects. A failing vignette means either the weights and scores drifted or
 * the judgement must be revisited (see docs/questionnaire.md) — never "fix" one silently.
 */
class VignettesTest {

    private static final String QUESTIONNAIRE = "questionnaires/repere-1.0.json";
    private static final String VIGNETTES = "vignettes/vignettes-1.0.json";
    private static final List<Dimension> SCORED = Stream.of(Dimension.values()).filter(Dimension::scored).toList();
    private static final Set<String> KNOWN_FLAGS = Set.of(
            "PENDING_PROCEDURE", "URGENT_PROCEDURE", "READING_DIFFICULTY", "LANGUAGE_BARRIER", "NO_DEVICE",
            "NO_INTERNET", "NO_EMAIL", "NO_FRANCECONNECT", "DATA_RUNS_OUT", "PREPAID_PHONE_ONLY", "NO_BANK_ACCOUNT",
            "BUDGET_DIFFICULTY", "DISABILITY_VISUAL", "DISABILITY_HEARING", "DISABILITY_MOTOR", "DISABILITY_COGNITIVE",
            "NO_HELPER", "HAPPY_NON_USER", "PREFERS_DELEGATION", "FEARS_ONLINE", "AGE_65_PLUS",
            "QUARTERLY_DECLARATION", "PROCEDURE_CAF", "PROCEDURE_EMPLOI", "PROCEDURE_SANTE", "PROCEDURE_IMPOTS",
            "PROCEDURE_LOGEMENT", "PROCEDURE_SEJOUR", "PROCEDURE_RETRAITE", "PROCEDURE_HANDICAP", "PROCEDURE_AUTRE");

    private static final JsonObject DEFINITION = read(QUESTIONNAIRE).asJsonObject();
    private static final Questionnaire QUESTIONNAIRE_1_0 = QuestionnaireCatalog.parse(DEFINITION);
    private static final List<JsonObject> ALL = read(VIGNETTES).asJsonArray().getValuesAs(JsonObject.class);

    static Stream<Arguments> vignettes() {
        return ALL.stream().map(v -> Arguments.of(v.getString("name"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void levelsAreThoseAnExperiencedWorkerExpects(String name, JsonObject vignette) {
        AnswerSheet sheet = sheet(vignette);
        QUESTIONNAIRE_1_0.checkComplete(sheet);
        ScoreCard card = Scorer.score(QUESTIONNAIRE_1_0, sheet);
        JsonObject expected = vignette.getJsonObject("expected");
        List<Executable> checks = new ArrayList<>();
        for (Dimension d : SCORED) {
            DimensionScore score = card.of(d);
            checks.add(() -> assertEquals(Level.valueOf(expected.getString(d.name())), score.level(),
                    "« " + name + " » : " + d + " (score " + score.score() + ", confiance " + score.confidence() + " %)"));
        }
        if (vignette.containsKey("confidence")) {
            JsonObject confidence = vignette.getJsonObject("confidence");
            for (Dimension d : SCORED) {
                checks.add(() -> assertEquals(confidence.getInt(d.name()), card.of(d).confidence(),
                        "« " + name + " » : confiance " + d));
            }
        }
        if (vignette.containsKey("flags")) {
            checks.add(() -> assertEquals(new TreeSet<>(strings(vignette.getJsonArray("flags"))), new TreeSet<>(card.flags()),
                    "« " + name + " » : drapeaux"));
        }
        assertAll(name, checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void everySheetPassesCheckComplete(String name, JsonObject vignette) {
        QUESTIONNAIRE_1_0.checkComplete(sheet(vignette));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void everySheetRespectsExclusiveOptions(String name, JsonObject vignette) {
        Map<String, Set<String>> exclusive = exclusiveOptions();
        sheet(vignette).asMap().forEach((question, chosen) -> {
            if (chosen.size() > 1) {
                chosen.forEach(o -> assertFalse(exclusive.getOrDefault(question, Set.of()).contains(o),
                        "« " + name + " » : " + question + "." + o + " se coche seule"));
            }
        });
    }

    @Test
    void everyQuestionIsAnsweredByAtLeastOneVignette() {
        Set<String> answered = new HashSet<>();
        ALL.forEach(v -> answered.addAll(v.getJsonObject("answers").keySet()));
        List<String> missing = QUESTIONNAIRE_1_0.questions().stream().map(Question::code)
                .filter(code -> !answered.contains(code)).toList();
        assertEquals(List.of(), missing, "questions answered by no vignette");
    }

    @Test
    void vignettesCoverEveryLevelOfEveryScoredDimensionAndHaveUniqueNames() {
        assertTrue(ALL.size() >= 24, "at least 24 vignettes, found " + ALL.size());
        Set<String> names = new HashSet<>();
        ALL.forEach(v -> assertTrue(names.add(v.getString("name")), "duplicate vignette " + v.getString("name")));
        for (Dimension d : SCORED) {
            Set<Level> seen = new HashSet<>();
            ALL.forEach(v -> seen.add(Level.valueOf(v.getJsonObject("expected").getString(d.name()))));
            for (Level level : List.of(Level.AUTONOMOUS, Level.SUPPORTED, Level.FRAGILE, Level.VERY_FAR)) {
                assertTrue(seen.contains(level), d + " has no vignette at level " + level);
            }
        }
    }

    @Test
    void definitionFollowsTheIssueRules() {
        List<Question> questions = QUESTIONNAIRE_1_0.questions();
        assertEquals("1.0", QUESTIONNAIRE_1_0.version());
        assertTrue(questions.size() >= 20 && questions.size() <= 30, questions.size() + " questions");
        List<Executable> checks = new ArrayList<>();
        for (JsonObject q : DEFINITION.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            String code = q.getString("code");
            Dimension dimension = Dimension.valueOf(q.getString("dimension"));
            checks.add(() -> assertTrue(code.matches("(ACC|COMP|MOT|BAN|CTX)_[A-Z0-9_]+"), code + " is not UPPER_SNAKE with a prefix"));
            checks.add(() -> assertTrue(code.startsWith(prefix(dimension)), code + " does not match " + dimension));
            for (String field : List.of("indicator", "label", "hint", "purpose")) {
                checks.add(() -> assertFalse(q.getString(field, "").isBlank(), code + " has no " + field));
            }
            checks.add(() -> assertTrue(q.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                    .anyMatch(o -> o.getString("code").equals("NSP") && o.getBoolean("unknown", false)), code + " has no NSP option"));
            if (dimension == Dimension.SKILLS) {
                checks.add(() -> {
                    JsonObject frameworks = q.getJsonObject("frameworks");
                    for (String framework : List.of("crcn", "digcomp", "eds")) {
                        assertFalse(frameworks.getJsonArray(framework).isEmpty(), code + " has no " + framework + " mapping");
                    }
                });
            } else {
                checks.add(() -> assertFalse(q.containsKey("frameworks"), code + ": frameworks only on SKILLS questions"));
            }
        }
        for (Question q : questions) {
            Integer previous = null;
            for (AnswerOption o : q.options()) {
                checks.add(() -> assertTrue(KNOWN_FLAGS.containsAll(o.flags()), q.code() + "." + o.code() + " has an unknown flag " + o.flags()));
                if (o.unknown()) {
                    checks.add(() -> assertTrue(o.flags().isEmpty(), q.code() + "." + o.code() + ": « ne sait pas » raises no flag"));
                    continue;
                }
                if (q.dimension().scored()) {
                    Integer bound = previous;
                    checks.add(() -> assertTrue(bound == null || o.score() <= bound,
                            q.code() + "." + o.code() + ": options are listed best first, scores must not increase"));
                    previous = o.score();
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void everyFlagTheRulesReadCanBeRaised() {
        Set<String> raised = new HashSet<>();
        QUESTIONNAIRE_1_0.questions().forEach(q -> q.options().forEach(o -> raised.addAll(o.flags())));
        assertEquals(new TreeSet<>(KNOWN_FLAGS), new TreeSet<>(raised));
    }

    private static String prefix(Dimension d) {
        return switch (d) {
            case ACCESS -> "ACC_";
            case SKILLS -> "COMP_";
            case MOTIVATION -> "MOT_";
            case BANKING -> "BAN_";
            case CONTEXT -> "CTX_";
        };
    }

    private static Map<String, Set<String>> exclusiveOptions() {
        Map<String, Set<String>> exclusive = new LinkedHashMap<>();
        for (JsonObject q : DEFINITION.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            for (JsonObject o : q.getJsonArray("options").getValuesAs(JsonObject.class)) {
                if (o.getBoolean("exclusive", false)) {
                    exclusive.computeIfAbsent(q.getString("code"), k -> new HashSet<>()).add(o.getString("code"));
                }
            }
        }
        return exclusive;
    }

    private static AnswerSheet sheet(JsonObject vignette) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        vignette.getJsonObject("answers").forEach((question, value) -> chosen.put(question,
                value.getValueType() == JsonValue.ValueType.ARRAY ? strings(value.asJsonArray())
                        : List.of(((JsonString) value).getString())));
        return AnswerSheet.of(chosen);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonValue read(String resource) {
        try (InputStream in = VignettesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
