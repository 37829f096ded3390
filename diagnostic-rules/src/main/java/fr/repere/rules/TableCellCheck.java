package fr.repere.rules;

import fr.repere.ruleset.RulesetProblem;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads uploaded decision tables the way an analyst sees them in LibreOffice and checks every
 * cell before Drools compiles them, so a mistake is reported at its sheet, row and column, in the
 * table's own words: a value that is not in the column's vocabulary, a straight quote that would
 * break the generated rule, a row without a name, an explanation citing an unknown level, a
 * technical (grey, folded) row that was changed.
 *
 * <p>Drools' own compile errors name a rule at best; this check catches what an analyst is likely
 * to get wrong, and {@link TableCompiler} still reports anything else.
 */
public final class TableCellCheck {

    private static final String RULE_TABLE = "RuleTable";
    /** A condition's code cell: {@code forall(||){competences == "$"}} or {@code demarchesIndiquees contains "$param"}. */
    private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*(?:==|!=|not contains|contains)\\s*\"\\$(?:param)?\"");
    /** An action's code cell: {@code insert(resultat.orienter(drools.getRule(), "$param"));}. */
    private static final Pattern ACTION = Pattern.compile(OrientationRules.GLOBAL + "\\.(\\w+)\\(drools\\.getRule\\(\\), \"\\$param\"\\)");
    private static final Map<String, String> OUTPUT_BY_METHOD = Map.of(
            "orienter", "Orientation",
            "proposer", "Action complémentaire",
            "besoinAccompagnement", "Service",
            "besoinMateriel", "Service",
            "priseEnCharge", "Prise en charge spécifique",
            "categorieMandat", "Catégorie de démarche",
            "dureeMandat", "Durée du mandat");

    /**
     * A row name becomes the rule's name in the generated rules: letters, digits, - and _ only, so
     * it can never close the string it is written in.
     */
    static final Pattern ROW_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    /** Drools' own words: a cell starting with one is read as structure when it is outside a table. */
    static final List<String> KEYWORDS = List.of("RuleSet", "RuleTable", "Import", "Variables", "Functions", "Queries",
            "Declare", "Sequential", "Unit", "Dialect", "EscapeQuotes", "NumericDisabled");
    /** Line breaks and other invisible characters end a string literal or a line of the generated rules. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final int SHOWN = 80;

    private final String file;
    private final List<RulesetProblem> problems = new ArrayList<>();
    private final DataFormatter formatter = new DataFormatter();

    /** What a column of a table accepts, read from its technical rows. */
    private record Column(int index, String keyword, String code, String header, List<String> accepted) {
    }

    private TableCellCheck(String file) {
        this.file = file;
    }

    /**
     * Checks every table of every file (file name → XLSX bytes).
     *
     * @return the problems, each located (file, sheet, row, column letter); empty if every cell is fine
     */
    public static List<RulesetProblem> check(Map<String, byte[]> tables) {
        List<RulesetProblem> problems = new ArrayList<>();
        Map<String, String> rowNames = new HashMap<>();
        tables.forEach((file, bytes) -> problems.addAll(new TableCellCheck(file).run(bytes, rowNames)));
        return problems;
    }

    private List<RulesetProblem> run(byte[] xlsx, Map<String, String> rowNames) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            boolean found = false;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (text(cell).startsWith(RULE_TABLE)) {
                            found = true;
                            checkTable(sheet, row.getRowNum(), cell.getColumnIndex(), rowNames);
                        }
                    }
                }
            }
            if (!found) {
                problems.add(new RulesetProblem(file, null, null, null, "Ce fichier ne contient aucune table de décision "
                        + "(cellule « RuleTable » introuvable) : partez d'une table téléchargée depuis Repère."));
            }
        } catch (Exception e) { // POI throws several unchecked kinds on a file that is not a workbook
            problems.add(new RulesetProblem(file, null, null, null,
                    "Ce fichier ne peut pas être ouvert comme un classeur .xlsx : enregistrez-le au format Excel 2007-365 (.xlsx)."));
        }
        return problems;
    }

    /**
     * A Drools decision table: the "RuleTable" row, then the keyword row (CONDITION, ACTION…), the
     * pattern row, the code row, the French header row, and one row per rule until an empty row.
     */
    private void checkTable(Sheet sheet, int start, int firstColumn, Map<String, String> rowNames) {
        Row keywords = sheet.getRow(start + 1);
        Row codes = sheet.getRow(start + 3);
        Row headers = sheet.getRow(start + 4);
        if (keywords == null || codes == null || headers == null) {
            problem(sheet, start + 1, firstColumn, "Les lignes techniques qui suivent « RuleTable » ont été supprimées : "
                    + "reprenez cette table depuis la version téléchargée.");
            return;
        }
        List<Column> columns = new ArrayList<>();
        Integer nameColumn = null;
        for (int index = firstColumn; index < keywords.getLastCellNum(); index++) {
            int c = index;
            String keyword = text(keywords.getCell(c));
            if (keyword.isEmpty()) {
                continue;
            }
            String code = text(codes.getCell(c));
            String header = text(headers.getCell(c));
            switch (keyword) {
                case "NAME" -> nameColumn = c;
                case "CONDITION" -> conditionValues(code).ifPresentOrElse(
                        accepted -> columns.add(new Column(c, keyword, code, header, accepted)),
                        () -> technical(sheet, start + 3, c, header, code));
                case "ACTION" -> actionValues(code).ifPresentOrElse(
                        accepted -> columns.add(new Column(c, keyword, code, header, accepted)),
                        () -> technical(sheet, start + 3, c, header, code));
                case "METADATA" -> columns.add(new Column(c, keyword, code, header, null)); // free text: checked as such
                default -> problem(sheet, start + 1, c, "Mot technique inconnu « " + keyword + " » dans la ligne technique "
                        + "de la colonne « " + header + " » : reprenez cette case depuis la table téléchargée.");
            }
        }
        for (int r = start + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || columns.stream().allMatch(col -> text(row.getCell(col.index())).isEmpty())
                    && (nameColumn == null || text(row.getCell(nameColumn)).isEmpty())) {
                break; // Drools ends the table at the first empty row, so do we
            }
            checkRow(sheet, row, nameColumn, columns, rowNames);
        }
    }

    private void checkRow(Sheet sheet, Row row, Integer nameColumn, List<Column> columns, Map<String, String> rowNames) {
        int r = row.getRowNum();
        if (nameColumn != null) {
            String name = text(row.getCell(nameColumn));
            String where = file + ", ligne " + (r + 1);
            if (name.isEmpty()) {
                problem(sheet, r, nameColumn, "Cette ligne n'a pas de nom dans la colonne « Ligne » : donnez-lui un nom "
                        + "nouveau et unique (par exemple P30-MonCas).");
            } else if (!ROW_NAME.matcher(name).matches() || startsWithKeyword(name)) {
                problem(sheet, r, nameColumn, "Le nom de ligne « " + shown(name) + " » ne peut contenir que des lettres sans "
                        + "accent, des chiffres, - et _, sans espace (par exemple P30-MonCas), et ne commence pas par un mot "
                        + "technique (" + String.join(", ", KEYWORDS) + ").");
            } else if (rowNames.putIfAbsent(name, where) != null) {
                problem(sheet, r, nameColumn, "Le nom de ligne « " + name + " » est déjà utilisé (" + rowNames.get(name)
                        + ") : chaque ligne doit avoir un nom unique.");
            }
        }
        for (Column column : columns) {
            String value = text(row.getCell(column.index()));
            if (value.isEmpty()) {
                if (!"CONDITION".equals(column.keyword())) {
                    problem(sheet, r, column.index(), "La case « " + column.header() + " » est vide : chaque ligne doit "
                            + ("METADATA".equals(column.keyword()) ? "expliquer sa décision." : "dire ce qu'elle décide."));
                }
                continue;
            }
            if (CONTROL.matcher(value).find()) {
                problem(sheet, r, column.index(), "La case « " + column.header() + " » contient un retour à la ligne ou un "
                        + "caractère invisible (tabulation…) : écrivez-la sur une seule ligne.");
                continue;
            }
            if (value.contains("\"") || value.contains("\\")) {
                problem(sheet, r, column.index(), "La case « " + column.header() + " » contient un guillemet droit (\") ou une "
                        + "barre oblique inversée (\\), qui empêchent de lire la règle : utilisez les guillemets français « » "
                        + "et la barre /.");
                continue;
            }
            if (column.accepted() == null) {
                for (String unknown : Vocabulaire.unknownPlaceholders(value)) {
                    problem(sheet, r, column.index(), "L'explication cite " + unknown + ", qui n'est pas un repère connu "
                            + "(repères possibles : " + String.join(", ", Vocabulaire.placeholders()) + ").");
                }
                continue;
            }
            // a condition cell may list several values separated by commas (any of them); an action cell holds one
            List<String> values = "CONDITION".equals(column.keyword()) ? List.of(value.split(",")) : List.of(value);
            for (String one : values) {
                if (!column.accepted().contains(one.trim())) {
                    problem(sheet, r, column.index(), "« " + one.trim() + " » n'est pas une valeur possible dans la colonne « "
                            + column.header() + " » (valeurs possibles : " + String.join(" ; ", column.accepted())
                            + " ; voir l'onglet « Valeurs »).");
                }
            }
        }
    }

    private static boolean startsWithKeyword(String name) {
        return KEYWORDS.stream().anyMatch(k -> name.regionMatches(true, 0, k, 0, k.length()));
    }

    private static String shown(String text) {
        String line = CONTROL.matcher(text).replaceAll(" ");
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "…";
    }

    private static Optional<List<String>> conditionValues(String code) {
        Matcher m = CONDITION.matcher(code);
        if (!m.find()) {
            return Optional.empty();
        }
        // the chained tables test what the first ones decided: PrimaryProposal.orientation, ProposedAction.action
        return switch (m.group(1)) {
            case "orientation" -> Optional.of(Vocabulaire.outputs().get("Orientation"));
            case "action" -> Optional.of(Vocabulaire.outputs().get("Action complémentaire"));
            default -> Critere.byProperty(m.group(1)).map(Critere::accepted);
        };
    }

    private static Optional<List<String>> actionValues(String code) {
        Matcher m = ACTION.matcher(code);
        if (!m.find() || !OUTPUT_BY_METHOD.containsKey(m.group(1))) {
            return Optional.empty();
        }
        List<String> accepted = new ArrayList<>(Vocabulaire.outputs().get(OUTPUT_BY_METHOD.get(m.group(1))));
        if ("categorieMandat".equals(m.group(1))) {
            accepted.add(Vocabulaire.CATEGORIE_A_PRECISER);
        }
        return Optional.of(List.copyOf(accepted));
    }

    private void technical(Sheet sheet, int row, int column, String header, String code) {
        problem(sheet, row, column, "La ligne technique (grise, repliée) de la colonne « " + header + " » a été modifiée : « "
                + code + " » n'est pas reconnu. Reprenez cette case depuis la table téléchargée ; pour une colonne "
                + "nouvelle, il faut une évolution de Repère.");
    }

    private void problem(Sheet sheet, int row, int column, String message) {
        problems.add(new RulesetProblem(file, sheet.getSheetName(), row + 1, CellReference.convertNumToColString(column), message));
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }
}
