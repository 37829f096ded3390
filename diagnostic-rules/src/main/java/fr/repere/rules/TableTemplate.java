package fr.repere.rules;

import fr.repere.ruleset.RulesetProblem;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An uploaded decision table is data, never code. A department changes the values and the French
 * explanations of the rule rows; every other cell of the sheet Drools reads — the RuleSet, Import,
 * Variables area, the titles, each RuleTable cell, its CONDITION/ACTION row, object types, code
 * templates and column headers — must be equal (text, trimmed) to the shipped table's cell at the
 * same place, rows of rules being free in number. Anything else is reported at its file, sheet, row
 * and column.
 *
 * <p>Then the workbook given to Drools is not the upload: it is rebuilt from the shipped table's
 * cells and the upload's rule-row values only, written as plain text (a formula is refused), in a
 * workbook of one sheet. So no uploaded text reaches the compiler outside a rule row's value cell,
 * where {@link TableCellCheck} then holds it to the column's vocabulary or to safe text.
 */
final class TableTemplate {

    static final String RULE_TABLE = "RuleTable";
    /** The RuleTable row, then keywords, object types, code templates and French headers; rule rows follow. */
    static final int TECHNICAL_ROWS = 5;
    private static final int MAX_PROBLEMS = 30;
    private static final int SHOWN = 80;

    /** The workbook to compile (null when there are problems) and what was wrong with the upload. */
    record Rebuilt(byte[] xlsx, List<RulesetProblem> problems) {
    }

    /** The first sheet's non-empty texts (trimmed) by row and column, the cells holding a formula, the merges. */
    private record Grid(String sheet, TreeMap<Integer, TreeMap<Integer, String>> rows, Set<Long> formulas,
                        List<CellRangeAddress> merges) {

        TreeMap<Integer, String> row(int r) {
            return rows.getOrDefault(r, new TreeMap<>());
        }

        int lastRow() {
            return rows.isEmpty() ? -1 : rows.lastKey();
        }

        boolean emptyWithin(int r, int first, int last) {
            return row(r).keySet().stream().noneMatch(c -> c >= first && c <= last);
        }
    }

    /** A rule table of the shipped sheet: its RuleTable row, its columns, the row after its last rule row. */
    private record Block(int ruleTable, int first, int last, int end) {
    }

    /** The shipped tables, read once: each upload is compared with them (file name → bytes and cells). */
    private static final Map<String, Map.Entry<byte[], Grid>> SHIPPED = new ConcurrentHashMap<>();

    private final String file;
    private final List<RulesetProblem> problems = new ArrayList<>();
    private int dropped;

    private TableTemplate(String file) {
        this.file = file;
    }

    /**
     * Checks an upload against the shipped table of the same name and rebuilds it from the shipped
     * technical cells and the uploaded values. The rebuilt workbook keeps the upload's row numbers,
     * so what is found later (vocabulary, compilation, completeness) is located in the upload.
     */
    static Rebuilt rebuild(String file, byte[] shipped, byte[] uploaded) {
        return new TableTemplate(file).run(shipped, uploaded);
    }

    private Rebuilt run(byte[] shippedXlsx, byte[] uploadedXlsx) {
        Grid shipped = SHIPPED.compute(file, (name, known) -> known != null && Arrays.equals(known.getKey(), shippedXlsx)
                ? known : Map.entry(shippedXlsx.clone(), read(shippedXlsx))).getValue();
        Grid uploaded;
        try {
            uploaded = read(uploadedXlsx);
        } catch (RuntimeException e) { // POI throws several unchecked kinds on a file that is not a workbook
            problems.add(new RulesetProblem(file, null, null, null,
                    "Ce fichier ne peut pas être ouvert comme un classeur .xlsx : enregistrez-le au format Excel 2007-365 (.xlsx)."));
            return new Rebuilt(null, problems);
        }
        if (!shipped.sheet().equals(uploaded.sheet())) {
            problems.add(new RulesetProblem(file, uploaded.sheet(), null, null, "La première feuille du classeur doit être la "
                    + "feuille « " + shipped.sheet() + " » de la table téléchargée (trouvé « " + shown(uploaded.sheet())
                    + " ») : ne déplacez, ne renommez et n'ajoutez pas de feuille avant elle."));
            return new Rebuilt(null, problems);
        }
        try (XSSFWorkbook out = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet target = out.createSheet(shipped.sheet());
            int s = 0;
            int u = 0;
            for (Block block : blocks(shipped)) {
                int fixedEnd = block.ruleTable() + TECHNICAL_ROWS; // titles before the table, then its technical rows
                fixed(shipped, uploaded, target, s, fixedEnd, u);
                u += fixedEnd - s;
                while (u <= uploaded.lastRow() && !uploaded.emptyWithin(u, block.first(), block.last())) {
                    values(uploaded, target, u, block);
                    u++;
                }
                s = block.end();
            }
            fixed(shipped, uploaded, target, s, shipped.lastRow() + 1, u);
            u += shipped.lastRow() + 1 - s;
            for (int r = u; r <= uploaded.lastRow(); r++) {
                for (int c : uploaded.row(r).keySet()) {
                    problem(uploaded, r, c, "Cette case est après la dernière table : videz-la (trouvé « "
                            + shown(uploaded.row(r).get(c)) + " »).");
                }
            }
            if (dropped > 0) {
                problems.add(new RulesetProblem(file, uploaded.sheet(), null, null,
                        "… et " + dropped + " autres cases modifiées hors des lignes de règles."));
            }
            if (!problems.isEmpty()) {
                return new Rebuilt(null, problems);
            }
            out.write(bytes);
            return new Rebuilt(bytes.toByteArray(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shipped rows {@code [from, to)} against the upload's rows from {@code at}: every cell equal;
     * the shipped cells (and merges) are what the rebuilt workbook holds.
     */
    private void fixed(Grid shipped, Grid uploaded, Sheet target, int from, int to, int at) {
        for (int s = from; s < to; s++) {
            int u = at + s - from;
            Map<Integer, String> expected = shipped.row(s);
            Map<Integer, String> found = uploaded.row(u);
            Set<Integer> columns = new TreeSet<>(expected.keySet());
            columns.addAll(found.keySet());
            for (int c : columns) {
                String want = expected.getOrDefault(c, "");
                String got = found.getOrDefault(c, "");
                if (!want.equals(got) || uploaded.formulas().contains(key(u, c))) {
                    problem(uploaded, u, c, want.isEmpty()
                            ? "Cette case doit rester vide : seules les cases des lignes de règles, sous les en-têtes de "
                                    + "colonnes, se modifient (trouvé « " + shown(got) + " »)."
                            : "Cette case fait partie de la structure de la table livrée (titre, ligne technique grise, "
                                    + "en-tête de colonne) et ne se modifie pas : elle doit contenir « " + shown(want)
                                    + " » (trouvé « " + shown(got) + " »). Reprenez-la depuis la table téléchargée.");
                }
            }
            expected.forEach((c, text) -> cell(target, u, c, text));
        }
        for (CellRangeAddress merge : shipped.merges()) {
            if (merge.getFirstRow() >= from && merge.getLastRow() < to) {
                int shift = at - from;
                CellRangeAddress moved = new CellRangeAddress(merge.getFirstRow() + shift, merge.getLastRow() + shift,
                        merge.getFirstColumn(), merge.getLastColumn());
                // Drools reads a merged object type (one pattern for several conditions) through the cells it covers
                for (int r = moved.getFirstRow(); r <= moved.getLastRow(); r++) {
                    for (int c = moved.getFirstColumn(); c <= moved.getLastColumn(); c++) {
                        Row row = target.getRow(r) == null ? target.createRow(r) : target.getRow(r);
                        if (row.getCell(c) == null) {
                            row.createCell(c, CellType.BLANK);
                        }
                    }
                }
                target.addMergedRegion(moved);
            }
        }
    }

    /** A rule row of the upload: its values within the table's columns, as text; nothing beside the table. */
    private void values(Grid uploaded, Sheet target, int u, Block block) {
        uploaded.row(u).forEach((c, text) -> {
            if (c < block.first() || c > block.last()) {
                problem(uploaded, u, c, "Cette case est à côté du tableau, hors de ses colonnes : videz-la (trouvé « "
                        + shown(text) + " »).");
            } else if (uploaded.formulas().contains(key(u, c))) {
                problem(uploaded, u, c, "Cette case contient une formule : écrivez la valeur elle-même.");
            } else {
                cell(target, u, c, text);
            }
        });
    }

    private static List<Block> blocks(Grid shipped) {
        List<Block> blocks = new ArrayList<>();
        for (int r = 0; r <= shipped.lastRow(); r++) {
            for (Map.Entry<Integer, String> cell : shipped.row(r).entrySet()) {
                if (cell.getValue().startsWith(RULE_TABLE)) {
                    int first = cell.getKey();
                    int last = shipped.row(r + 1).lastKey();
                    int end = r + TECHNICAL_ROWS;
                    while (end <= shipped.lastRow() && !shipped.emptyWithin(end, first, last)) {
                        end++;
                    }
                    blocks.add(new Block(r, first, last, end));
                    r = end;
                    break;
                }
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalStateException("a shipped table without RuleTable");
        }
        return blocks;
    }

    private static Grid read(byte[] xlsx) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
            Set<Long> formulas = new HashSet<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).trim();
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(key(row.getRowNum(), cell.getColumnIndex()));
                    }
                    if (!text.isEmpty()) {
                        rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), text);
                    }
                }
            }
            return new Grid(sheet.getSheetName(), rows, formulas, List.copyOf(sheet.getMergedRegions()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Sheet target, int r, int c, String text) {
        Row row = target.getRow(r) == null ? target.createRow(r) : target.getRow(r);
        row.createCell(c, CellType.STRING).setCellValue(text);
    }

    private void problem(Grid uploaded, int row, int column, String message) {
        if (problems.size() >= MAX_PROBLEMS) {
            dropped++;
            return;
        }
        problems.add(new RulesetProblem(file, uploaded.sheet(), row + 1, CellReference.convertNumToColString(column), message));
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    /** An uploaded text quoted in a message: one line, at most {@value #SHOWN} characters. */
    private static String shown(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ");
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "…";
    }
}
