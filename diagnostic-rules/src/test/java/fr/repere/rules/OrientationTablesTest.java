package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.ActionProposal;
import fr.repere.diagnostic.MandateSuggestion;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.scoring.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One case per decision-table row (src/test/resources/fr/repere/rules/cas-par-ligne.csv): the
 * profile, the rows of every table that must apply (no more, no less) and the outcome.
 */
class OrientationTablesTest {

    static final String CASES = "/fr/repere/rules/cas-par-ligne.csv";

    @ParameterizedTest(name = "{0}: {5} -> {6}")
    @CsvFileSource(resources = CASES, delimiter = ';', numLinesToSkip = 3, nullValues = "")
    void eachRowAppliesAsWritten(String row, Level access, Level skills, Level motivation, Level banking, String flags,
                                 Orientation orientation, String rows, String actions, String mandate) {
        Profile profile = new Profile(access, skills, motivation, banking, Fixtures.set(flags));
        Evaluation evaluation = Fixtures.policy().evaluate(profile);
        OrientationDecision decision = evaluation.decision();

        Set<String> fired = evaluation.rows().stream().map(OrientationTablesTest::number).collect(Collectors.toCollection(TreeSet::new));
        assertAll(
                () -> assertTrue(fired.contains(row), () -> row + " should apply; applied: " + fired),
                () -> assertEquals(new TreeSet<>(Fixtures.set(rows)), fired, "rows that apply"),
                () -> assertEquals(orientation, decision.primary()),
                () -> assertEquals(Fixtures.set(actions),
                        decision.actions().stream().map(a -> a.action().name()).collect(Collectors.toSet()), "actions"),
                () -> assertMandate(mandate, decision.mandate()),
                () -> assertEquals("1.1.0", decision.rulesetVersion()));
        // every reason names its row and explains it in French, placeholders replaced
        assertEquals(1, decision.reasons().size());
        assertTrue(decision.reasons().get(0).rule().startsWith("P"));
        for (var reason : decision.reasons()) {
            assertFalse(reason.text().isBlank());
            assertFalse(reason.text().contains("{"), reason::text);
        }
        for (ActionProposal a : decision.actions()) {
            assertTrue(a.reason().rule().startsWith("A") && !a.reason().text().isBlank(), a::toString);
        }
    }

    private static void assertMandate(String expected, MandateSuggestion mandate) {
        if (expected == null) {
            assertNull(mandate, "no mandate expected");
            return;
        }
        assertNotNull(mandate, "a mandate is expected");
        List<String> words = List.of(expected.trim().split("\\s+"));
        assertEquals(words.get(0), mandate.duration().name(), "duration");
        assertEquals(words.subList(1, words.size()).stream().map(DemarcheCategory::valueOf).collect(Collectors.toSet()),
                mandate.categories(), "categories");
        assertTrue(mandate.reason().rule().startsWith("M0"), mandate::toString);
        assertTrue(mandate.reason().text().contains("autonomie") || mandate.reason().text().contains("avec la personne"),
                () -> "the mandate's reason must show the way back to autonomy: " + mandate.reason().text());
    }

    static String number(String rowName) {
        int dash = rowName.indexOf('-');
        return dash < 0 ? rowName : rowName.substring(0, dash);
    }

    /** The rule names are read from the rule base: a row added to a table without a case fails here. */
    @Test
    void everyRowOfEveryTableHasACase() throws IOException {
        Set<String> covered = new TreeSet<>();
        Set<String> targets = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream(CASES), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("ligne;")).forEach(line -> {
                String[] cells = line.split(";", -1);
                targets.add(cells[0]);
                covered.addAll(Fixtures.set(cells[7]));
            });
        }
        Set<String> rules = Fixtures.ruleNames(Fixtures.policy().rules().kieBase()).stream()
                .map(OrientationTablesTest::number).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(28 + 16 + 13 + 13, rules.size(), "rows in the four tables: " + rules);
        assertEquals(rules, targets, "each row is the target of at least one case");
        assertEquals(rules, covered, "each row applies in at least one case");
    }

    @Test
    void rowNamesAreStableIdentifiers() {
        for (String name : Fixtures.ruleNames(Fixtures.policy().rules().kieBase())) {
            assertTrue(name.matches("[PARM]\\d{2}-[A-Za-z0-9]+"), name);
        }
    }

    @Test
    void directoryNeedsCarryTheSpecificCareForAccompanimentOnly() {
        OrientationDecision decision = Fixtures.policy().orient(Fixtures.profile(Level.VERY_FAR, Level.SUPPORTED, Level.AUTONOMOUS,
                Level.AUTONOMOUS, "NO_DEVICE", "DISABILITY_HEARING", "LANGUAGE_BARRIER"));
        assertEquals(Orientation.MEDIATOR, decision.primary());
        assertEquals(2, decision.needs().size(), decision::toString);
        var mediator = decision.needs().get(0);
        assertEquals(fr.repere.directory.LieuService.AIDE_DEMARCHES, mediator.service());
        assertEquals(Set.of(fr.repere.directory.PriseEnChargeSpecifique.SURDITE,
                fr.repere.directory.PriseEnChargeSpecifique.LANGUES_AUTRES), mediator.priseEnCharge());
        var equipment = decision.needs().get(1);
        assertEquals(fr.repere.directory.LieuService.MATERIEL_SOLIDAIRE, equipment.service());
        assertTrue(equipment.priseEnCharge().isEmpty());
        assertFalse(equipment.forWhat().isBlank());
    }

    @Test
    void twoRowsAskingForTheSameServiceGiveOneNeedWithBothReasons() {
        OrientationDecision decision = Fixtures.policy().orient(Fixtures.profile(Level.AUTONOMOUS, Level.FRAGILE, Level.AUTONOMOUS,
                Level.AUTONOMOUS, "NO_EMAIL"));
        assertEquals(Orientation.TRAIN, decision.primary());
        assertEquals(1, decision.needs().size(), decision::toString);
        assertTrue(decision.needs().get(0).forWhat().contains(" ; "), decision.needs()::toString);
    }

    @Test
    void explanationsNameTheLevelsThatDroveThem() {
        OrientationDecision decision = Fixtures.policy().orient(Fixtures.profile(Level.AUTONOMOUS, Level.FRAGILE, Level.VERY_FAR,
                Level.AUTONOMOUS));
        assertEquals("P20-FragileMotivationFaible", decision.reasons().get(0).rule());
        String text = decision.reasons().get(0).text();
        assertTrue(text.contains("« Fragile »") && text.contains("« Très éloigné »"), text);
    }

    @Test
    void onBehalfAlwaysComesWithAWayBackToAutonomy() {
        for (String row : Fixtures.ruleNames(Fixtures.policy().rules().kieBase())) {
            if (row.startsWith("P")) {
                String text = Fixtures.explanations(Fixtures.policy().rules().kieBase()).get(row);
                if (text.contains("à sa place") && (text.contains("mandat"))) {
                    assertTrue(text.contains("médiateur"), () -> row + " must point back to autonomy: " + text);
                }
            }
        }
    }
}
