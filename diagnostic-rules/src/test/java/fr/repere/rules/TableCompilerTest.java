package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.Profile;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables compiled at run time (the path of a department's upload) behave like the kjar, and a broken one is located. */
class TableCompilerTest {

    @Test
    void theShippedTablesCompiledAtRunTimeDecideLikeTheKjar() {
        try (TableCompiler.Compiled compiled = TableCompiler.compile(Fixtures.shippedTables(), getClass().getClassLoader());
             OrientationRules rules = new OrientationRules(compiled.kieBase(), "1.1.0")) {
            assertEquals(Fixtures.ruleNames(Fixtures.policy().rules().kieBase()), Fixtures.ruleNames(compiled.kieBase()));
            List<Profile> sample = Fixtures.allProfiles(List.of("URGENT_PROCEDURE", "PENDING_PROCEDURE", "NO_DEVICE",
                    "DISABILITY_HEARING", "QUARTERLY_DECLARATION"));
            for (Profile profile : sample.subList(0, 5000)) {
                assertEquals(Fixtures.policy().evaluate(profile), rules.evaluate(profile), profile::toString);
            }
        }
    }

    @Test
    void aBrokenCodeRowIsReportedWithTheFileAndTheRow() {
        Map<String, byte[]> tables = new LinkedHashMap<>(Fixtures.shippedTables());
        // someone "simplifies" the code row of the skills column: the values lose their quotes
        tables.put("orientation-principale.drl.xlsx", TableEdits.replaceCellStartingWith(
                tables.get("orientation-principale.drl.xlsx"), "forall(||){competences", "forall(||){competences == $}"));

        TableCompiler.CompilationException e = assertThrows(TableCompiler.CompilationException.class,
                () -> TableCompiler.compile(tables, getClass().getClassLoader()).close());

        assertTrue(e.problems().stream().allMatch(p -> "orientation-principale.drl.xlsx".equals(p.file())), e.problems()::toString);
        assertTrue(e.problems().stream().anyMatch(p -> "P03-UrgentCompetencesTresEloignees".equals(p.rule()) && Integer.valueOf(18).equals(p.row())),
                e.problems()::toString);
    }

    @Test
    void aFileThatIsNotADecisionTableIsReported() {
        Map<String, byte[]> tables = new LinkedHashMap<>(Fixtures.shippedTables());
        tables.put("mandat.drl.xlsx", "pas un classeur".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TableCompiler.CompilationException e = assertThrows(TableCompiler.CompilationException.class,
                () -> TableCompiler.compile(tables, getClass().getClassLoader()).close());
        assertEquals("mandat.drl.xlsx", e.problems().get(0).file());
        assertTrue(e.problems().get(0).text().startsWith("Le fichier ne peut pas être lu comme une table de décision"),
                e.problems()::toString);
    }
}
