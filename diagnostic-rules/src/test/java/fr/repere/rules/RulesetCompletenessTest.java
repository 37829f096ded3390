package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.rules.RulesetCompleteness.Kind;
import fr.repere.rules.RulesetCompleteness.Problem;
import fr.repere.rules.RulesetCompleteness.Report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

class RulesetCompletenessTest {

    /** Exhaustive: every level combination × every subset of the flags the primary and mandate-duration rows read. */
    @Test
    void theShippedTablesGiveExactlyOnePrimaryOrientationToEveryProfile() {
        Report report = RulesetCompleteness.check(Fixtures.policy().rules());

        assertTrue(report.isComplete(), report::toString);
        assertEquals(List.of("DISABILITY_COGNITIVE", "DISABILITY_MOTOR", "DISABILITY_VISUAL", "FEARS_ONLINE", "HAPPY_NON_USER",
                "LANGUAGE_BARRIER", "NO_HELPER", "PENDING_PROCEDURE", "PREFERS_DELEGATION", "QUARTERLY_DECLARATION",
                "READING_DIFFICULTY", "URGENT_PROCEDURE"),
                report.flags(), "flags found in the primary and mandate-duration rows");
        assertEquals(625L * 4096, report.profiles());
    }

    @Test
    void theFlagsAreFoundInTheRulesThemselves() {
        var kieBase = Fixtures.policy().rules().kieBase();
        assertEquals(Set.of("QUARTERLY_DECLARATION"),
                RulesetCompleteness.flagsRead(kieBase, Set.of(RulesetCompleteness.MANDATE_DURATION)));
        assertTrue(RulesetCompleteness.flagsRead(kieBase, Set.of("actions-complementaires"))
                .containsAll(Set.of("NO_DEVICE", "NO_BANK_ACCOUNT", "AGE_65_PLUS", "HAPPY_NON_USER")));
    }

    /**
     * A department edits the primary table in LibreOffice and makes four mistakes: a row moved onto
     * another's cases (a gap and an overlap), "Oui" instead of "oui", a misspelt orientation, and
     * a mandate duration row for the wrong orientation. Each is reported in French.
     */
    @Test
    void mistakesOfAnAnalystAreReportedInFrench() {
        Map<String, byte[]> tables = new java.util.LinkedHashMap<>(Fixtures.shippedTables());
        byte[] primary = tables.get("orientation-principale.drl.xlsx");
        primary = TableEdits.setCell(primary, "P07-UrgentFragileFaireAvec", "Compétences numériques", "Autonome avec appui");
        primary = TableEdits.setCell(primary, "P13-SePasseDInternetMaisDemarche", "Se passe très bien d'internet", "Oui");
        primary = TableEdits.setCell(primary, "P23-FragileSansDemarcheSansAideFormer", "Orientation proposée", "Formation");
        tables.put("orientation-principale.drl.xlsx", primary);
        tables.put("mandat.drl.xlsx", TableEdits.setCell(tables.get("mandat.drl.xlsx"), "M02-DemarchePonctuelle1Mois",
                "Orientation principale", "Faire avec"));

        Report report;
        try (TableCompiler.Compiled compiled = TableCompiler.compile(tables, getClass().getClassLoader())) {
            report = RulesetCompleteness.check(compiled.kieBase());
        }

        assertFalse(report.isComplete());
        Map<Kind, List<Problem>> byKind = report.problems().stream().collect(Collectors.groupingBy(Problem::kind));
        String all = String.join("\n", report.messages());

        assertTrue(all.contains("Aucune ligne de la table d'orientation principale ne s'applique quand : Compétences = Fragile")
                && all.contains("démarche urgente (moins d'un mois) = oui"), all);
        assertTrue(byKind.get(Kind.SEVERAL_PRIMARY_ROWS).stream().anyMatch(p -> p.rows().equals(
                List.of("P07-UrgentFragileFaireAvec", "P08-UrgentAvecAppuiFaireAvec"))), all);
        assertTrue(all.contains("Plusieurs lignes de la table d'orientation principale s'appliquent à la fois "
                + "(P07-UrgentFragileFaireAvec, P08-UrgentAvecAppuiFaireAvec) quand : Compétences = Autonome avec appui"), all);
        assertTrue(all.contains("Ligne P13-SePasseDInternetMaisDemarche : la valeur « Oui » n'est pas reconnue dans la colonne "
                + "« Se passe très bien d'internet » (valeurs possibles : oui, non)."), all);
        assertTrue(all.contains("La ligne P23-FragileSansDemarcheSansAideFormer provoque une erreur : Orientation inconnue : "
                + "« Formation »"), all);
        assertTrue(byKind.containsKey(Kind.NO_MANDATE_DURATION), all);
        assertTrue(byKind.containsKey(Kind.MANDATE_WITHOUT_ON_BEHALF), all);
        // merged into readable groups, not one line per profile
        assertTrue(report.messages().size() < 200, () -> report.messages().size() + " messages");
        report.problems().stream().filter(p -> p.kind() == Kind.NO_PRIMARY_ROW)
                .forEach(p -> assertTrue(p.profiles() > 0));
    }

    @Test
    void groupsMergeTheAnswersThatDoNotMatter() {
        // the 5 values of "Accès" with the same other answers become one group where Accès is not named
        Set<List<Integer>> vectors = new java.util.HashSet<>();
        for (int access = 0; access < 5; access++) {
            vectors.add(List.of(access, 2, 0, 0, 1));
        }
        vectors.add(List.of(0, 3, 0, 0, 1));
        List<List<Integer>> cubes = RulesetCompleteness.merge(vectors, 1);
        assertEquals(List.of(List.of(-1, 2, 0, 0, 1), List.of(0, 3, 0, 0, 1)), cubes);
    }
}
