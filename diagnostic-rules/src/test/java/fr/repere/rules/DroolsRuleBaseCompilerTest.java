package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.ruleset.InvalidRulesetException;
import fr.repere.ruleset.RulesetProblem;
import fr.repere.scoring.Level;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

/** The port the web module uses for a department's uploads: compile, check, locate every problem. */
class DroolsRuleBaseCompilerTest {

    final DroolsRuleBaseCompiler compiler = new DroolsRuleBaseCompiler(getClass().getClassLoader());

    @Test
    void theShippedTablesGiveTheKjarPolicy() {
        assertEquals("1.1.0", compiler.shippedVersion());
        assertEquals(DroolsRuleBaseCompiler.SHIPPED_TABLES, java.util.List.copyOf(compiler.shippedTables().keySet()));
        OrientationPolicy policy = compiler.compile("1.1.0", compiler.shippedTables());
        assertInstanceOf(DroolsOrientationPolicy.class, policy);
    }

    @Test
    void anEditedTableIsCompiledCheckedAndUsed() throws Exception {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put("orientation-principale.drl.xlsx", TableEdits.setCell(tables.get("orientation-principale.drl.xlsx"),
                "P01-CompetencesAutonomes", "Explication (texte montré au travailleur social)",
                "Compétences « {compétences} » : autonome (texte du département)."));

        OrientationPolicy policy = compiler.compile("2026-dept-1", tables);
        try {
            var decision = policy.orient(Fixtures.profile(Level.AUTONOMOUS, Level.AUTONOMOUS, Level.AUTONOMOUS, Level.AUTONOMOUS));
            assertEquals("Compétences « Autonome » : autonome (texte du département).", decision.reasons().get(0).text());
            assertEquals("2026-dept-1", decision.rulesetVersion());
        } finally {
            ((AutoCloseable) policy).close();
        }
    }

    @Test
    void everyProblemIsLocatedForTheAnalyst() throws Exception {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put("orientation-principale.drl.xlsx", TableEdits.setCell(tables.get("orientation-principale.drl.xlsx"),
                "P13-SePasseDInternetMaisDemarche", "Se passe très bien d'internet", "Oui"));

        InvalidRulesetException e = assertThrows(InvalidRulesetException.class, () -> compiler.compile("2026-dept-2", tables));

        RulesetProblem typo = e.problems().stream().filter(p -> p.message().contains("« Oui »")).findFirst().orElseThrow();
        assertEquals("orientation-principale.drl.xlsx", typo.file());
        assertEquals("Table", typo.sheet());
        assertEquals(32, typo.row()); // P13 sits four rows lower: P24, P25 then P26 after P09, P27 after P07
        assertEquals("G", typo.column());
        assertEquals(1, e.problems().size(), e.problems()::toString); // found in the cells: nothing compiled
    }

    @Test
    void aRowLeavingAGapIsRefusedWithTheProfilesItMisses() throws Exception {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put("orientation-principale.drl.xlsx", TableEdits.setCell(tables.get("orientation-principale.drl.xlsx"),
                "P13-SePasseDInternetMaisDemarche", "Se passe très bien d'internet", "non"));

        InvalidRulesetException e = assertThrows(InvalidRulesetException.class, () -> compiler.compile("2026-dept-4", tables));

        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("Aucune ligne de la table d'orientation principale")),
                e.problems()::toString);
    }

    @Test
    void releasingFreesAnUploadButNeverTheSharedShippedRules() throws Exception {
        OrientationPolicy shippedPolicy = compiler.compile("1.1.0", compiler.shippedTables());
        compiler.release(shippedPolicy);
        var someone = Fixtures.profile(Level.AUTONOMOUS, Level.AUTONOMOUS, Level.AUTONOMOUS, Level.AUTONOMOUS);
        assertEquals("1.1.0", shippedPolicy.orient(someone).rulesetVersion());

        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put("orientation-principale.drl.xlsx", TableEdits.setCell(tables.get("orientation-principale.drl.xlsx"),
                "P01-CompetencesAutonomes", "Explication (texte montré au travailleur social)", "Autonome (version du département)."));
        OrientationPolicy upload = compiler.load("2026-dept-5", tables);
        assertEquals("2026-dept-5", upload.orient(someone).rulesetVersion());
        compiler.release(upload);
        assertThrows(RuntimeException.class, () -> upload.orient(someone));
    }

    @Test
    void aFileNotNamedDrlXlsxIsRefused() {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put("notes.xlsx", new byte[0]);
        InvalidRulesetException e = assertThrows(InvalidRulesetException.class, () -> compiler.compile("2026-dept-3", tables));
        assertEquals("notes.xlsx", e.problems().get(0).file());
    }
}
