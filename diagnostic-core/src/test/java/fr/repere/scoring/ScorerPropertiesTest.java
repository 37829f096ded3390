package fr.repere.scoring;

import fr.repere.questionnaire.SampleAnswers;
import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Invariants of the scoring over many seeded-random complete sheets of the shipped questionnaire.
 * A failure message carries the sheet, so it can be replayed as an example test.
 */
class ScorerPropertiesTest {

    private static final long SEED = 0x5EED_2025L;
    private static final int SHEETS = 2_000;

    private static Questionnaire questionnaire;
    private static List<Map<String, List<String>>> sheets;

    @BeforeAll
    static void generate() {
        questionnaire = QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow();
        Random rng = new Random(SEED);
        sheets = new ArrayList<>();
        for (int i = 0; i < SHEETS; i++) {
            Map<String, List<String>> sheet = RandomSheets.sheet(questionnaire, rng);
            questionnaire.checkComplete(AnswerSheet.of(sheet)); // the generator only makes valid sheets
            sheets.add(sheet);
        }
    }

    @Test
    void generatorCoversTheInterestingCases() {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        Set<String> flags = new HashSet<>();
        int withHiddenQuestion = 0;
        int multipleConnections = 0;
        for (Map<String, List<String>> sheet : sheets) {
            ScoreCard card = score(sheet);
            card.all().forEach(s -> levels.add(s.level()));
            flags.addAll(card.flags());
            withHiddenQuestion += sheet.containsKey("COMP_MESSAGE") ? 0 : 1;
            multipleConnections += sheet.get("ACC_CONNEXION").size() > 1 ? 1 : 0;
        }
        assertEquals(EnumSet.allOf(Level.class), levels);
        assertEquals(Set.of("PENDING_PROCEDURE", "URGENT_PROCEDURE", "READING_DIFFICULTY", "LANGUAGE_BARRIER"), flags);
        assertTrue(withHiddenQuestion > 100, "sheets skipping COMP_MESSAGE: " + withHiddenQuestion);
        assertTrue(multipleConnections > 100, "sheets with several connections: " + multipleConnections);
    }

    @Test
    void scoresLevelsAndConfidencesAreInRangeAndConsistent() {
        for (Map<String, List<String>> sheet : sheets) {
            ScoreCard card = score(sheet);
            assertEquals(scoredDimensions(), card.scores().keySet(), () -> "dimensions of " + sheet);
            for (Dimension d : scoredDimensions()) {
                DimensionScore s = card.of(d);
                String where = d + " of " + sheet + ": " + s;
                assertEquals(d, s.dimension(), where);
                assertTrue(s.confidence() >= 0 && s.confidence() <= 100, where);
                if (s.score() == null) {
                    assertEquals(Level.NOT_ASSESSED, s.level(), where);
                    assertEquals(0, s.confidence(), where);
                } else {
                    assertTrue(s.score() >= 0 && s.score() <= 100, where);
                    assertEquals(Level.of(s.score()), s.level(), where);
                    assertTrue(s.confidence() > 0, where);
                }
            }
        }
    }

    @Test
    void scoreLiesBetweenTheWorstAndBestAnswerOfItsDimension() {
        for (Map<String, List<String>> sheet : sheets) {
            ScoreCard card = score(sheet);
            for (Dimension d : scoredDimensions()) {
                List<Integer> counted = new ArrayList<>();
                boolean anyUnusable = false;
                for (Question q : askedQuestions(sheet, d)) {
                    Integer best = bestScore(q, sheet.get(q.code()));
                    if (best == null) {
                        anyUnusable = true;
                    } else {
                        counted.add(best);
                    }
                }
                DimensionScore s = card.of(d);
                String where = d + " of " + sheet + ": " + s;
                if (counted.isEmpty()) {
                    assertNull(s.score(), where);
                } else {
                    assertNotNull(s.score(), where);
                    assertTrue(s.score() >= Collections.min(counted) && s.score() <= Collections.max(counted), where);
                    assertEquals(anyUnusable, s.confidence() < 100, "confidence is full iff every answer is usable: " + where);
                }
            }
        }
    }

    @Test
    void sameSheetGivesEqualScoreCardWhateverTheOrder() {
        Random rng = new Random(SEED + 1);
        for (Map<String, List<String>> sheet : sheets) {
            ScoreCard first = score(sheet);
            assertEquals(first, score(sheet), () -> "not deterministic for " + sheet);
            assertEquals(first, score(new LinkedHashMap<>(sheet)));
            assertEquals(first, score(shuffled(sheet, rng)), () -> "order-dependent for " + sheet);
        }
    }

    @Test
    void flagsAreExactlyThoseOfTheChosenOptions() {
        for (Map<String, List<String>> sheet : sheets) {
            Set<String> expected = new HashSet<>();
            for (Question q : questionnaire.questions()) {
                for (String code : sheet.getOrDefault(q.code(), List.of())) {
                    expected.addAll(q.option(code).orElseThrow().flags());
                }
            }
            assertEquals(expected, score(sheet).flags(), () -> "flags of " + sheet);
        }
    }

    @Test
    void contextAnswersNeverChangeAScore() {
        for (Map<String, List<String>> sheet : sheets.subList(0, 200)) {
            Map<Dimension, DimensionScore> scores = score(sheet).scores();
            for (Question q : questionnaire.questions()) {
                if (q.dimension().scored()) {
                    continue;
                }
                for (AnswerOption o : q.options()) {
                    Map<String, List<String>> changed = new LinkedHashMap<>(sheet);
                    changed.put(q.code(), List.of(o.code()));
                    assertEquals(scores, score(changed).scores(), q.code() + "=" + o.code() + " in " + sheet);
                }
            }
        }
    }

    @Test
    void aStrictlyBetterOptionNeverLowersItsDimension() {
        Random fill = new Random(SEED + 2);
        int checked = 0;
        for (Map<String, List<String>> sheet : sheets) {
            ScoreCard before = score(sheet);
            for (Question q : scoredAskedQuestions(sheet)) {
                List<String> chosen = sheet.get(q.code());
                for (String current : chosen) {
                    AnswerOption was = q.option(current).orElseThrow();
                    if (was.unknown()) {
                        continue;
                    }
                    for (AnswerOption better : q.options()) {
                        if (better.unknown() || better.score() <= was.score()) {
                            continue;
                        }
                        Map<String, List<String>> changed = new LinkedHashMap<>(sheet);
                        changed.put(q.code(), replace(chosen, current, better.code()));
                        changed = RandomSheets.normalize(questionnaire, changed, fill);
                        questionnaire.checkComplete(AnswerSheet.of(changed));
                        DimensionScore old = before.of(q.dimension());
                        DimensionScore now = score(changed).of(q.dimension());
                        String where = q.code() + ": " + current + " -> " + better.code() + " in " + sheet + ": " + old + " -> " + now;
                        assertNotNull(now.score(), where);
                        assertTrue(now.score() >= old.score(), where);
                        assertTrue(rank(now.level()) >= rank(old.level()), where);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > SHEETS, "replacements checked: " + checked);
    }

    /**
     * "Ne sait pas" is never counted as the worst answer: it always lowers confidence compared with
     * the worst option, and never the score when that worst option is worth 0 (every scored question
     * of 0.1 but MOT_ENVIE and MOT_CRAINTE). With a worst option above 0 the unknown answer, being
     * left out of the mean, can score below it: see ScorerTest#unknownIsLeftOutOfTheMeanEvenWhenTheWorstOptionIsNotZero.
     */
    @Test
    void unknownLowersConfidenceButNeverScoresBelowTheWorstOption() {
        Random fill = new Random(SEED + 3);
        int scoreComparisons = 0;
        int confidenceComparisons = 0;
        for (Map<String, List<String>> sheet : sheets) {
            for (Question q : scoredAskedQuestions(sheet)) {
                AnswerOption worst = q.options().stream().filter(o -> !o.unknown())
                        .min((a, b) -> Integer.compare(a.score(), b.score())).orElseThrow();
                for (AnswerOption unknown : q.options().stream().filter(AnswerOption::unknown).toList()) {
                    Map<String, List<String>> withWorst = new LinkedHashMap<>(sheet);
                    withWorst.put(q.code(), List.of(worst.code()));
                    withWorst = RandomSheets.normalize(questionnaire, withWorst, fill);
                    Map<String, List<String>> withUnknown = new LinkedHashMap<>(sheet);
                    withUnknown.put(q.code(), List.of(unknown.code()));
                    withUnknown = RandomSheets.normalize(questionnaire, withUnknown, fill);
                    questionnaire.checkComplete(AnswerSheet.of(withWorst));
                    questionnaire.checkComplete(AnswerSheet.of(withUnknown));

                    DimensionScore w = score(withWorst).of(q.dimension());
                    DimensionScore u = score(withUnknown).of(q.dimension());
                    String where = q.code() + " worst " + withWorst + " = " + w + " vs unknown " + withUnknown + " = " + u;
                    assertNotNull(w.score(), where);
                    assertTrue(u.confidence() < w.confidence(), where);
                    confidenceComparisons++;
                    if (u.score() == null) {
                        assertEquals(Level.NOT_ASSESSED, u.level(), where);
                    } else if (worst.score() == 0) {
                        assertTrue(u.score() >= w.score(), where);
                        assertTrue(rank(u.level()) >= rank(w.level()), where);
                        scoreComparisons++;
                    }
                }
            }
        }
        assertTrue(confidenceComparisons > 5 * SHEETS, "confidence comparisons: " + confidenceComparisons);
        assertTrue(scoreComparisons > 3 * SHEETS, "score comparisons: " + scoreComparisons);
    }

    /** The documented rule: an unknown answer is left out of the mean, exactly like a missing one. */
    @Test
    void unknownCountsLikeNoAnswerAtAll() {
        Set<String> conditions = new HashSet<>();
        questionnaire.questions().forEach(q -> {
            if (q.showIf() != null) {
                conditions.add(q.showIf().question());
            }
        });
        int checked = 0;
        for (Map<String, List<String>> sheet : sheets) {
            for (Question q : scoredAskedQuestions(sheet)) {
                if (conditions.contains(q.code())) {
                    continue; // removing a condition's answer also hides questions
                }
                Map<String, List<String>> unknown = new LinkedHashMap<>(sheet);
                unknown.put(q.code(), List.of(unknownOption(q).code()));
                Map<String, List<String>> missing = new LinkedHashMap<>(sheet);
                missing.remove(q.code());
                assertEquals(score(missing).of(q.dimension()), score(unknown).of(q.dimension()), () -> q.code() + " in " + sheet);
                checked++;
            }
        }
        assertTrue(checked > 5 * SHEETS, "checked: " + checked);
    }

    @Test
    void aDimensionAnsweredOnlyWithUnknownIsNotAssessed() {
        Random fill = new Random(SEED + 4);
        for (Map<String, List<String>> sheet : sheets.subList(0, 500)) {
            for (Dimension d : scoredDimensions()) {
                Map<String, List<String>> unknownInD = RandomSheets.build(questionnaire, q -> q.dimension() == d
                        ? List.of(unknownOption(q).code())
                        : sheet.containsKey(q.code()) ? sheet.get(q.code()) : RandomSheets.answer(q, fill));
                questionnaire.checkComplete(AnswerSheet.of(unknownInD));
                assertEquals(new DimensionScore(d, null, Level.NOT_ASSESSED, 0), score(unknownInD).of(d),
                        () -> d + " of " + unknownInD);
            }
        }
    }

    @Test
    void anotherDimensionIsUnaffectedByUnknownAnswers() {
        for (Map<String, List<String>> sheet : sheets.subList(0, 500)) {
            ScoreCard before = score(sheet);
            // MOTIVATION and BANKING questions are neither conditions nor conditional on other dimensions
            Map<String, List<String>> changed = new LinkedHashMap<>(sheet);
            changed.put("MOT_ENVIE", List.of("NSP"));
            changed.put("MOT_CRAINTE", List.of("NSP"));
            ScoreCard after = score(changed);
            for (Dimension d : List.of(Dimension.ACCESS, Dimension.SKILLS, Dimension.BANKING)) {
                assertEquals(before.of(d), after.of(d), () -> d + " of " + sheet);
            }
        }
    }

    private static ScoreCard score(Map<String, List<String>> sheet) {
        return Scorer.score(questionnaire, AnswerSheet.of(sheet));
    }

    private static Set<Dimension> scoredDimensions() {
        Set<Dimension> scored = EnumSet.noneOf(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (d.scored()) {
                scored.add(d);
            }
        }
        return scored;
    }

    private static List<Question> askedQuestions(Map<String, List<String>> sheet, Dimension d) {
        AnswerSheet answers = AnswerSheet.of(sheet);
        return questionnaire.questions().stream().filter(q -> q.dimension() == d && q.appliesTo(answers)).toList();
    }

    private static List<Question> scoredAskedQuestions(Map<String, List<String>> sheet) {
        AnswerSheet answers = AnswerSheet.of(sheet);
        return questionnaire.questions().stream()
                .filter(q -> q.dimension().scored() && q.appliesTo(answers) && answers.answered(q.code())).toList();
    }

    /** The documented rule for a question: the best scored option chosen counts; none when only "unknown". */
    private static Integer bestScore(Question q, List<String> chosen) {
        return chosen.stream().map(c -> q.option(c).orElseThrow().score()).filter(s -> s != null)
                .max(Integer::compare).orElse(null);
    }

    private static AnswerOption unknownOption(Question q) {
        return q.options().stream().filter(AnswerOption::unknown).findFirst()
                .orElseGet(() -> fail(q.code() + " has no unknown option"));
    }

    private static List<String> replace(List<String> chosen, String old, String replacement) {
        Set<String> result = new LinkedHashSet<>();
        for (String c : chosen) {
            result.add(c.equals(old) ? replacement : c);
        }
        return List.copyOf(result);
    }

    private static Map<String, List<String>> shuffled(Map<String, List<String>> sheet, Random rng) {
        List<String> keys = new ArrayList<>(sheet.keySet());
        Collections.shuffle(keys, rng);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String k : keys) {
            List<String> options = new ArrayList<>(sheet.get(k));
            Collections.shuffle(options, rng);
            copy.put(k, options);
        }
        return copy;
    }

    private static int rank(Level level) {
        int rank = LevelTest.ORDER.indexOf(level);
        if (rank < 0) {
            throw new AssertionError("not a scored level: " + level);
        }
        return rank;
    }
}
