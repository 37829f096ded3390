package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.ruleset.InvalidRulesetException;
import fr.repere.ruleset.RulesetProblem;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * An uploaded decision table is data, never code (issue 14, item 1): Java appended to a code cell,
 * an Import, a Functions block or a value is refused at its cell before anything is compiled or
 * fired, and the file the payload would write never appears.
 */
class UploadedCodeTest {

    static final String PRIMARY = "orientation-principale.drl.xlsx";
    final DroolsRuleBaseCompiler compiler = new DroolsRuleBaseCompiler(getClass().getClassLoader());

    @TempDir
    Path temp;

    /**
     * Java that creates {@code target} (a directory) when it runs: no comma, so it survives Drools'
     * splitting of lists, and nothing left open however often it runs.
     */
    private static String payload(Path target) {
        return call(target) + ";";
    }

    private static String call(Path target) {
        return "java.nio.file.Files.createDirectories(java.nio.file.Path.of(\"" + target.toString().replace('\\', '/') + "\"))";
    }

    @Test
    void anActionCellWithCodeAppendedIsRefusedAndNothingRuns() {
        Path target = temp.resolve("action");
        byte[] table = at(PRIMARY, 13, 13, "insert(resultat.orienter(drools.getRule(), \"$param\")); " + payload(target));

        RulesetProblem p = refused(PRIMARY, table);

        assertLocated(p, 14, "N");
        assertTrue(p.message().startsWith("Cette case fait partie de la structure de la table livrée"), p.message());
        assertTrue(p.message().contains("doit contenir « insert(resultat.orienter(drools.getRule(), \"$param\")); »"), p.message());
        assertFalse(Files.exists(target), "the appended Java never ran");
    }

    @Test
    void aConditionCellWithCodeAppendedIsRefusedAndNothingRuns() {
        Path target = temp.resolve("condition");
        byte[] table = at(PRIMARY, 13, 3, "forall(||){competences == \"$\"} && " + call(target) + " != null");

        assertLocated(refused(PRIMARY, table), 14, "D");
        assertFalse(Files.exists(target));
    }

    @Test
    void anImportAreaWithARuleSmuggledInIsRefused() {
        Path target = temp.resolve("import");
        byte[] table = at(PRIMARY, 5, 2, "fr.repere.rules.Situation, fr.repere.rules.PrimaryProposal, fr.repere.rules.ProposedAction; "
                + "rule Smuggled when then " + payload(target) + " end import java.util.List");

        assertLocated(refused(PRIMARY, table), 6, "C");
        assertFalse(Files.exists(target));
    }

    @Test
    void aFunctionsBlockAddedAboveTheTableIsRefused() {
        Path target = temp.resolve("functions");
        byte[] table = edit(shipped(PRIMARY), sheet -> {
            put(sheet, 7, 1, "Functions");
            put(sheet, 7, 2, "function void noop() {} rule Smuggled when then " + payload(target) + " end");
        });

        InvalidRulesetException e = assertThrows(InvalidRulesetException.class, () -> compiler.compile("h1-functions", tables(PRIMARY, table)));

        assertEquals(List.of("B8", "C8"), e.problems().stream().map(p -> p.column() + p.row()).toList(), e.problems()::toString);
        assertTrue(e.problems().get(0).message().startsWith("Cette case doit rester vide"), e.problems()::toString);
        assertFalse(Files.exists(target));
    }

    @Test
    void aFunctionsBlockAfterTheLastTableOrBesideARowIsRefused() {
        byte[] after = edit(shipped(PRIMARY), sheet -> put(sheet, sheet.getLastRowNum() + 3, 1, "Functions"));
        RulesetProblem p = refused(PRIMARY, after);
        assertTrue(p.message().startsWith("Cette case est après la dernière table"), p.message());

        byte[] beside = at(PRIMARY, 15, 0, "Functions");
        RulesetProblem q = refused(PRIMARY, beside);
        assertLocated(q, 16, "A");
        assertTrue(q.message().startsWith("Cette case est à côté du tableau"), q.message());
    }

    @Test
    void anExplanationCannotCloseItsStringOrBreakItsLine() {
        RulesetProblem quote = refused(PRIMARY, at(PRIMARY, 15, 14, "Texte\") @decision(\"x\") " + payload(temp.resolve("q"))));
        assertLocated(quote, 16, "O");
        assertTrue(quote.message().contains("guillemet droit"), quote.message());

        RulesetProblem backslash = refused(PRIMARY, at(PRIMARY, 15, 14, "Texte \\u0022) suite"));
        assertLocated(backslash, 16, "O");

        RulesetProblem newline = refused(PRIMARY, at(PRIMARY, 15, 14, "Première ligne\nend rule X when then " + payload(temp.resolve("n"))));
        assertLocated(newline, 16, "O");
        assertTrue(newline.message().contains("retour à la ligne"), newline.message());
        assertFalse(Files.exists(temp.resolve("q")) || Files.exists(temp.resolve("n")));
    }

    @Test
    void aRowNameIsAnIdentifierNeverAString() {
        for (String name : List.of("P01-X\\u0022", "P01 X", "P01-X\"", "RuleTable2", "Functions")) {
            RulesetProblem p = refused(PRIMARY, at(PRIMARY, 15, 1, name));
            assertLocated(p, 16, "B");
            assertTrue(p.message().contains("ne peut contenir que des lettres sans accent"), p.message());
        }
    }

    @Test
    void aFormulaInAValueCellIsRefused() {
        byte[] table = edit(shipped(PRIMARY), sheet -> sheet.getRow(15).getCell(13).setCellFormula("\"Autonome\""));
        RulesetProblem p = refused(PRIMARY, table);
        assertLocated(p, 16, "N");
        assertTrue(p.message().contains("formule"), p.message());
    }

    @Test
    void aTableRepereDoesNotShipIsRefused() {
        InvalidRulesetException e = assertThrows(InvalidRulesetException.class,
                () -> compiler.compile("h1-unknown", Map.of("a-moi.drl.xlsx", shipped(PRIMARY))));
        assertEquals("a-moi.drl.xlsx", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().startsWith("Repère ne connaît pas de table « a-moi.drl.xlsx »"), e.problems()::toString);
    }

    @Test
    void anotherSheetPutFirstIsRefused() {
        byte[] table = edit(shipped(PRIMARY), sheet -> sheet.getWorkbook().setSheetOrder("Valeurs", 0));
        RulesetProblem p = refused(PRIMARY, table);
        assertEquals("Valeurs", p.sheet());
        assertTrue(p.message().startsWith("La première feuille du classeur doit être la feuille « Table »"), p.message());
    }

    @Test
    void valuesAndExplanationsStillChangeAndRowsCanBeAddedOrRemoved() {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        // one rule row fewer in the first table of a file of several tables: the tables below move up
        tables.put("actions-complementaires.drl.xlsx", edit(tables.get("actions-complementaires.drl.xlsx"), sheet -> {
            sheet.removeRow(sheet.getRow(15));
            sheet.shiftRows(16, sheet.getLastRowNum(), -1);
        }));
        tables.put(PRIMARY, TableEdits.setCell(tables.get(PRIMARY), "P01-CompetencesAutonomes",
                "Explication (texte montré au travailleur social)", "Compétences « {compétences} » : texte du département."));
        try {
            compiler.release(compiler.load("h1-values", tables));
        } catch (InvalidRulesetException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    /**
     * Every technical cell of every shipped table (every non-empty cell outside the rule rows, and
     * the empty places Drools would read as structure), changed at random in one of several ways
     * (seeded, so a failure replays): each change is refused, located at that very cell.
     */
    @Test
    void everyTechnicalCellOfEveryShippedTableIsHeldToTheShippedOne() {
        Random random = new Random(14_1L);
        int checked = 0;
        for (String file : DroolsRuleBaseCompiler.SHIPPED_TABLES) {
            byte[] original = shipped(file);
            for (int[] cell : technicalCells(original)) {
                byte[] mutated = mutate(original, cell[0], cell[1], random, temp.resolve(file + "-" + cell[0] + "-" + cell[1]));
                assertFalse(java.util.Arrays.equals(original, mutated));
                InvalidRulesetException e = assertThrows(InvalidRulesetException.class,
                        () -> compiler.compile("h1-mutation", Map.of(file, mutated)), file + " " + cell[0] + "," + cell[1]);
                String column = org.apache.poi.ss.util.CellReference.convertNumToColString(cell[1]);
                assertTrue(e.problems().stream().anyMatch(p -> file.equals(p.file()) && "Table".equals(p.sheet())
                                && Integer.valueOf(cell[0] + 1).equals(p.row()) && column.equals(p.column())),
                        file + " " + column + (cell[0] + 1) + ": " + e.problems());
                checked++;
            }
        }
        System.out.println("technical cells mutated: " + checked);
        assertTrue(checked > 300, "cells checked: " + checked);
        try (var files = Files.list(temp)) {
            assertEquals(0, files.count(), "no payload ran");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The non-empty cells outside rule rows, and the empty places of the technical rows, of the rows
     * above the first table and of the columns beside each rule row (0-based row, column).
     */
    private static List<int[]> technicalCells(byte[] xlsx) {
        List<int[]> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            int rulesFrom = Integer.MAX_VALUE;
            int last = 2;
            boolean ended = true;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (text(formatter, row, 1).startsWith("RuleTable")) {
                    last = sheet.getRow(r + 1).getLastCellNum() - 1;
                    rulesFrom = r + TableTemplate.TECHNICAL_ROWS;
                    ended = false;
                }
                boolean rulesOrEnd = !ended && r >= rulesFrom;
                if (rulesOrEnd && emptyWithin(formatter, row, 1, last)) {
                    ended = true; // the blank row ending a table: filling it within the columns adds a rule row
                }
                boolean technicalRow = !ended && r < rulesFrom && r >= rulesFrom - TableTemplate.TECHNICAL_ROWS;
                for (int c = 0; c <= last + 1; c++) {
                    boolean filled = !text(formatter, row, c).isEmpty();
                    boolean place = rulesOrEnd ? (c == 0 || c == last + 1) && r % 3 == 0 // beside rule rows: one in three
                            : filled || technicalRow || c == 1 || c == 2; // where Drools looks for its keywords and their values
                    if (place) {
                        cells.add(new int[] {r, c});
                    }
                }
            }
            cells.add(new int[] {sheet.getLastRowNum() + 2, 1}); // after the last table
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean emptyWithin(DataFormatter formatter, Row row, int first, int last) {
        for (int c = first; c <= last; c++) {
            if (!text(formatter, row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mutate(byte[] xlsx, int r, int c, Random random, Path target) {
        return edit(xlsx, sheet -> {
            Row row = sheet.getRow(r);
            String before = row == null || row.getCell(c) == null ? "" : new DataFormatter().formatCellValue(row.getCell(c));
            List<String> changes = new ArrayList<>(List.of(
                    before + " " + payload(target),
                    payload(target),
                    "Functions",
                    before + "x",
                    before.toUpperCase(java.util.Locale.ROOT).equals(before) ? before + "X" : before.toUpperCase(java.util.Locale.ROOT)));
            if (!before.isEmpty()) {
                changes.add("");
                changes.add(" " + before + "; " + payload(target));
            }
            put(sheet, r, c, changes.get(random.nextInt(changes.size())));
        });
    }

    private static String text(DataFormatter formatter, Row row, int c) {
        return row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)).trim();
    }

    private RulesetProblem refused(String file, byte[] table) {
        InvalidRulesetException e = assertThrows(InvalidRulesetException.class, () -> compiler.compile("h1-refused", tables(file, table)));
        return e.problems().get(0);
    }

    private static void assertLocated(RulesetProblem p, int row, String column) {
        assertEquals(PRIMARY, p.file(), p::toString);
        assertEquals("Table", p.sheet(), p::toString);
        assertEquals(row, p.row(), p::toString);
        assertEquals(column, p.column(), p::toString);
    }

    private Map<String, byte[]> tables(String file, byte[] table) {
        Map<String, byte[]> tables = new LinkedHashMap<>(compiler.shippedTables());
        tables.put(file, table);
        return tables;
    }

    private byte[] shipped(String file) {
        return compiler.shippedTables().get(file);
    }

    /** The shipped table with the cell at (0-based) row and column set to a text. */
    private byte[] at(String file, int row, int column, String value) {
        return edit(shipped(file), sheet -> put(sheet, row, column, value));
    }

    private static void put(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        if (value.isEmpty()) {
            row.removeCell(cell);
        } else {
            cell.setCellValue(value);
        }
    }

    private static byte[] edit(byte[] xlsx, Consumer<Sheet> change) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
