package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.ruleset.RulesetProblem;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each mistake an analyst may make in LibreOffice is reported at its sheet, row and column, in French. */
class TableCellCheckTest {

    static final String PRIMARY = "orientation-principale.drl.xlsx";
    static final String MANDATE = "mandat.drl.xlsx";
    final DroolsRuleBaseCompiler compiler = new DroolsRuleBaseCompiler(getClass().getClassLoader());

    @Test
    void theShippedTablesHaveNoProblem() {
        assertEquals(List.of(), TableCellCheck.check(compiler.shippedTables()));
    }

    @Test
    void aValueOutsideTheColumnsVocabularyIsLocatedAndTheValuesListed() {
        RulesetProblem p = single(edit(PRIMARY, "P03-UrgentCompetencesTresEloignees", "Compétences numériques", "Tres eloigne"));
        assertEquals(PRIMARY, p.file());
        assertEquals("Table", p.sheet());
        assertEquals(18, p.row());
        assertEquals("D", p.column());
        assertTrue(p.message().startsWith("« Tres eloigne » n'est pas une valeur possible dans la colonne « Compétences numériques »"), p.message());
        assertTrue(p.message().contains("Très éloigné"), p.message());
    }

    @Test
    void eachValueOfAListIsChecked() {
        RulesetProblem p = single(edit(PRIMARY, "P02-ChoixSansInternetRespecte", "Compétences numériques", "Fragile, Tres eloigne"));
        assertEquals("D", p.column());
        assertTrue(p.message().startsWith("« Tres eloigne »"), p.message());
    }

    @Test
    void anOutputWordIsCheckedToo() {
        RulesetProblem p = single(edit(PRIMARY, "P03-UrgentCompetencesTresEloignees", "Orientation proposée", "Faire a la place"));
        assertEquals("N", p.column());
        assertTrue(p.message().contains("Faire à la place"), p.message());
    }

    @Test
    void theChainedTablesCheckTheOrientationTheyTest() {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        byte[] mandate = TableEdits.replaceCellStartingWith(tables.get(MANDATE), "Faire à la place", "Faire a la place");
        tables.put(MANDATE, mandate);
        List<RulesetProblem> problems = TableCellCheck.check(tables);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(MANDATE, problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("« Faire a la place » n'est pas une valeur possible"), problems::toString);
    }

    @Test
    void aStraightQuoteWouldBreakTheRule() {
        RulesetProblem p = single(edit(PRIMARY, "P01-CompetencesAutonomes", "Explication (texte montré au travailleur social)",
                "Elle dit \"je sais faire\"."));
        assertEquals("O", p.column());
        assertEquals(16, p.row());
        assertTrue(p.message().contains("guillemet droit"), p.message());
    }

    @Test
    void anExplanationCitingAnUnknownLevel() {
        RulesetProblem p = single(edit(PRIMARY, "P01-CompetencesAutonomes", "Explication (texte montré au travailleur social)",
                "Compétences « {competences} »."));
        assertEquals("O", p.column());
        assertTrue(p.message().startsWith("L'explication cite {competences}"), p.message());
    }

    @Test
    void aRowMustSayWhatItDecidesAndWhy() {
        RulesetProblem p = single(edit(PRIMARY, "P01-CompetencesAutonomes", "Orientation proposée", ""));
        assertEquals("N", p.column());
        assertTrue(p.message().contains("est vide"), p.message());
    }

    @Test
    void rowNamesAreUniqueAcrossTables() {
        RulesetProblem p = single(edit(PRIMARY, "P02-ChoixSansInternetRespecte", "Ligne (nom stable)", "P01-CompetencesAutonomes"));
        assertEquals("B", p.column());
        assertEquals(17, p.row());
        assertTrue(p.message().contains("déjà utilisé (" + PRIMARY + ", ligne 16)"), p.message());
    }

    @Test
    void aRowWithoutName() {
        RulesetProblem p = single(edit(PRIMARY, "P02-ChoixSansInternetRespecte", "Ligne (nom stable)", ""));
        assertEquals("B", p.column());
        assertTrue(p.message().startsWith("Cette ligne n'a pas de nom"), p.message());
    }

    @Test
    void aChangedTechnicalRowIsNamed() {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put(PRIMARY, TableEdits.replaceCellStartingWith(tables.get(PRIMARY), "forall(||){competences", "forall(||){competence == \"$\"}"));
        List<RulesetProblem> problems = TableCellCheck.check(tables);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(14, problems.get(0).row());
        assertEquals("D", problems.get(0).column());
        assertTrue(problems.get(0).message().startsWith("La ligne technique (grise, repliée) de la colonne « Compétences numériques »"),
                problems::toString);
    }

    @Test
    void aFileThatIsNotAWorkbook() {
        List<RulesetProblem> problems = TableCellCheck.check(Map.of("notes.drl.xlsx", "bonjour".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, problems.size());
        assertEquals("notes.drl.xlsx", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("Ce fichier ne peut pas être ouvert"), problems::toString);
    }

    private Map<String, byte[]> edit(String file, String row, String header, String value) {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put(file, TableEdits.setCell(tables.get(file), row, header, value));
        return tables;
    }

    private static RulesetProblem single(Map<String, byte[]> tables) {
        List<RulesetProblem> problems = TableCellCheck.check(tables);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}
