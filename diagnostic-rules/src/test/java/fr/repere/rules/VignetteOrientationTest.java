package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.scoring.ScoreCard;
import fr.repere.scoring.Scorer;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The questionnaire vignettes (diagnostic-core test-jar, vignettes/vignettes-1.0.json) through the
 * shipped rule base: for each person, the primary orientation and the complementary actions an
 * experienced social worker expects from the story (vignettes-orientations.csv, judged before the
 * rules were run). A disagreement is settled and written down (CSV justification, or the tables
 * and docs/rules.md), never "fixed" silently.
 */
class VignetteOrientationTest {

    private static final String VIGNETTES = "vignettes/vignettes-1.0.json";
    private static final String EXPECTATIONS = "fr/repere/rules/vignettes-orientations.csv";
    private static final Questionnaire QUESTIONNAIRE = QuestionnaireCatalog.load().version("1.0")
            .orElseThrow(() -> new IllegalStateException("questionnaire 1.0 is not published"));
    private static final List<JsonObject> VIGNETTES_1_0 = readVignettes();
    private static final Map<String, Expectation> EXPECTED = readExpectations();

    record Expectation(Orientation orientation, Set<ComplementaryAction> actions, String justification) {
    }

    static Stream<Arguments> vignettes() {
        return VIGNETTES_1_0.stream().map(v -> Arguments.of(v.getString("name"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void orientationIsTheOneAnExperiencedWorkerGives(String name, JsonObject vignette) {
        Expectation expected = EXPECTED.get(name);
        assertTrue(expected != null, () -> "« " + name + " » n'a pas de ligne dans " + EXPECTATIONS);

        AnswerSheet sheet = sheet(vignette);
        QUESTIONNAIRE.checkComplete(sheet);
        ScoreCard card = Scorer.score(QUESTIONNAIRE, sheet);
        Profile profile = Profile.of(card);
        Evaluation evaluation = Fixtures.policy().evaluate(profile);
        OrientationDecision decision = evaluation.decision();

        Set<ComplementaryAction> proposed = decision.actions().stream().map(a -> a.action())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<ComplementaryAction> missing = new TreeSet<>(expected.actions());
        missing.removeAll(proposed);
        String context = "« " + name + " » — " + profile + "\n  lignes appliquées : " + evaluation.rows()
                + "\n  orientation : " + decision.primary() + " ; actions : " + proposed
                + "\n  attendu : " + expected.orientation() + " ; actions obligatoires : " + expected.actions()
                + "\n  jugement : " + expected.justification();
        assertAll(name,
                () -> assertEquals(expected.orientation(), decision.primary(), () -> "orientation principale\n" + context),
                () -> assertEquals(Set.of(), missing, () -> "actions attendues non proposées\n" + context));
    }

    @Test
    void everyVignetteHasExactlyOneExpectedOrientation() {
        Set<String> names = VIGNETTES_1_0.stream().map(v -> v.getString("name")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(VIGNETTES_1_0.size(), names.size(), "vignette names are unique");
        Set<String> withoutLine = new TreeSet<>(names);
        withoutLine.removeAll(EXPECTED.keySet());
        Set<String> unknown = new TreeSet<>(EXPECTED.keySet());
        unknown.removeAll(names);
        assertAll(
                () -> assertEquals(Set.of(), withoutLine, "vignettes sans ligne dans " + EXPECTATIONS),
                () -> assertEquals(Set.of(), unknown, "lignes du CSV qui ne nomment aucune vignette"));
    }

    private static Map<String, Expectation> readExpectations() {
        Map<String, Expectation> expectations = new LinkedHashMap<>();
        try (InputStream in = resource(EXPECTATIONS);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(";", 4);
                if (cells.length != 4 || cells[3].isBlank()) {
                    throw new IllegalStateException(EXPECTATIONS + " : 4 colonnes attendues, justification comprise : " + line);
                }
                Set<ComplementaryAction> actions = Fixtures.set(cells[2]).stream().map(ComplementaryAction::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (expectations.put(cells[0].trim(), new Expectation(Orientation.valueOf(cells[1].trim()), actions, cells[3].trim())) != null) {
                    throw new IllegalStateException(EXPECTATIONS + " : deux lignes pour « " + cells[0] + " »");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expectations;
    }

    private static List<JsonObject> readVignettes() {
        try (InputStream in = resource(VIGNETTES); JsonReader reader = Json.createReader(in)) {
            return reader.readArray().getValuesAs(JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static InputStream resource(String name) {
        InputStream in = VignetteOrientationTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }
}
