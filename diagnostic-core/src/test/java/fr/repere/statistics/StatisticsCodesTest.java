package fr.repere.statistics;

import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.scoring.Level;
import fr.repere.scoring.Progress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codes the statistics' SQL names are the questionnaire's and core's: a questionnaire that
 * renames the age question or one of its bands, or a reordering of the levels, fails here instead
 * of silently emptying a table of the department's statistics.
 */
class StatisticsCodesTest {

    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load();
    /** The migrations whose SQL reads answers or levels (V14 defines the triggers, V15 the view, V22 redefines them). */
    private static final List<String> STATISTICS_SQL = List.of("V14__statistics.sql", "V15__statistics_versions.sql",
            "V22__owner_only_bulk_and_one_active_ruleset.sql");

    @Test
    void theAgeQuestionTheSqlReadsIsTheOneJavaNamesAndTheCurrentQuestionnaireHasIt() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String file : STATISTICS_SQL) {
            Matcher m = Pattern.compile("question_code = '([A-Z0-9_]+)'").matcher(sql(file));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertEquals(Set.of(Measure.AGE_QUESTION), named);
        // (0.1 asked no age: its diagnostics count as « non renseigné », as the view says)
        assertTrue(CATALOG.current().question(Measure.AGE_QUESTION).isPresent(),
                "questionnaire " + CATALOG.current().version() + " has no " + Measure.AGE_QUESTION);
    }

    @Test
    void theUnknownAgeBandOfTheSqlIsTheQuestionnairesOwnNeSaitPas() throws IOException {
        Matcher m = Pattern.compile("COALESCE\\(age_band, '([A-Z0-9_]+)'\\)").matcher(sql("V15__statistics_versions.sql"));
        assertTrue(m.find());
        assertEquals(Measure.AGE_UNKNOWN, m.group(1));
        for (Questionnaire q : CATALOG.versions()) {
            q.question(Measure.AGE_QUESTION).ifPresent(age -> assertTrue(age.option(Measure.AGE_UNKNOWN).orElseThrow().unknown(),
                    q.version() + ": " + Measure.AGE_UNKNOWN + " is the « ne sait pas » option"));
        }
        assertTrue(CATALOG.current().question(Measure.AGE_QUESTION).orElseThrow().option(Measure.AGE_UNKNOWN).isPresent());
    }

    @Test
    void theAgeMeasureListsExactlyTheBandsOfTheQuestionnaireInItsOrder() {
        Measure age = measure("AGE");
        List<String> expected = new ArrayList<>();
        for (AnswerOption option : CATALOG.current().question(Measure.AGE_QUESTION).orElseThrow().options()) {
            if (!option.code().equals(Measure.AGE_UNKNOWN)) {
                expected.add(option.code());
            }
        }
        expected.add(Measure.AGE_UNKNOWN);
        assertEquals(expected, age.categories());
        assertEquals(List.of("AGE_16_25", "AGE_26_44", "AGE_45_64", "AGE_65_79", "AGE_80_PLUS", "NSP"), age.categories(),
                "the bands of questionnaire 1.0, as published in earlier statistics");
        assertEquals("16 à 25 ans", age.labels().get(0));
        assertEquals("Non renseigné", age.labels().get(age.labels().size() - 1));
    }

    @Test
    void aQuestionnaireWithoutTheAgeQuestionIsRefusedAtOnce() {
        Questionnaire current = CATALOG.current();
        List<Question> without = current.questions().stream().filter(q -> !q.code().equals(Measure.AGE_QUESTION)).toList();
        QuestionnaireCatalog renamed = QuestionnaireCatalog.of(new Questionnaire("9.9", current.title(), without));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Measure.of(renamed));
        assertTrue(e.getMessage().contains(Measure.AGE_QUESTION), e.getMessage());
    }

    @Test
    void aBandOfAnOlderVersionStaysReadableAfterTheCurrentOneDropsIt() {
        Questionnaire current = CATALOG.current();
        List<Question> renamed = current.questions().stream().map(q -> !q.code().equals(Measure.AGE_QUESTION) ? q
                : new Question(q.code(), q.dimension(), q.indicator(), q.label(), q.hint(), q.purpose(), q.frameworks(),
                        q.multiple(), q.required(), q.weight(), q.options().stream().map(o -> !o.code().equals("AGE_80_PLUS") ? o
                                : new AnswerOption("AGE_80_ET_PLUS", o.label(), o.score(), o.unknown(), o.exclusive(),
                                        o.maxLevel(), o.flags())).toList(), q.showIf())).toList();
        List<String> bands = Measure.of(QuestionnaireCatalog.of(current, new Questionnaire("9.9", current.title(), renamed)))
                .stream().filter(m -> m.code().equals("AGE")).findFirst().orElseThrow().categories();
        assertEquals(List.of("AGE_16_25", "AGE_26_44", "AGE_45_64", "AGE_65_79", "AGE_80_ET_PLUS", "AGE_80_PLUS", "NSP"), bands);
    }

    @Test
    void theSqlRanksTheLevelsInTheOrderOfLevelAsProgressDoes() throws IOException {
        String function = sql("V14__statistics.sql");
        function = function.substring(function.indexOf("CREATE FUNCTION stat_level_rank"));
        function = function.substring(0, function.indexOf("END//"));
        List<String> ranked = new ArrayList<>();
        Matcher m = Pattern.compile("WHEN '([A-Z_]+)' THEN (\\d+)").matcher(function);
        for (int rank = 1; m.find(); rank++) {
            assertEquals(rank, Integer.parseInt(m.group(2)), function);
            ranked.add(m.group(1));
        }
        List<String> assessed = Arrays.stream(Level.values()).filter(l -> l != Level.NOT_ASSESSED).map(Enum::name).toList();
        assertEquals(assessed, ranked, "the SQL's progress (statistics) and Progress (history) must rank alike");
        assertFalse(function.contains("'" + Level.NOT_ASSESSED.name() + "'"), "not assessed has no rank");
    }

    @Test
    void theProgressCategoriesAreProgressOwnAndLabelled() {
        Measure progress = Measure.all().stream().filter(m -> m.code().startsWith("PROGRESS_")).findFirst().orElseThrow();
        assertEquals(List.of("BETTER", "SAME", "WORSE"), progress.categories());
        assertEquals(Progress.counted().stream().map(Progress::label).toList(), progress.labels());
    }

    private static Measure measure(String code) {
        return Measure.all().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    private static String sql(String file) throws IOException {
        try (InputStream in = StatisticsCodesTest.class.getResourceAsStream("/db/migration/" + file)) {
            assertTrue(in != null, file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
