package fr.repere.statistics.export;

import fr.repere.statistics.DisclosureControl;
import fr.repere.statistics.Methodology;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedTable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The « Méthodologie » sheet: what the figures cover, how they were protected, and how to read the
 * markers, in plain French. A heading in column A, its text in column B.
 */
final class MethodologySheet {

    static final String NAME = "Méthodologie";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Sheet sheet;
    private final Styles styles;
    private int next;

    private MethodologySheet(Sheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    static void write(Sheet sheet, Publication publication, List<String> tableSheets, Styles styles) {
        new MethodologySheet(sheet, styles).fill(publication, tableSheets);
    }

    private void fill(Publication publication, List<String> tableSheets) {
        Methodology m = publication.methodology();
        int threshold = m.threshold();
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 100 * 256);

        Row title = sheet.createRow(next++);
        title.createCell(0).setCellValue("Statistiques de Repère : méthodologie");
        title.getCell(0).setCellStyle(styles.title);
        next++;

        line("Territoire", m.territory());
        line("Période", m.period());
        line("Date d'extraction", FRENCH_DATE.format(m.extractedOn()));
        line("Versions du questionnaire", String.join(", ", m.questionnaireVersions()));
        line("Versions des règles d'orientation", String.join(", ", m.rulesetVersions()));
        next++;

        heading("Secret statistique");
        line("Seuil", "Aucun chiffre publié ne compte entre 1 et " + (threshold - 1) + " personnes : "
                + "les effectifs inférieurs à " + threshold + " sont masqués (secret primaire), et d'autres cases "
                + "sont masquées pour les protéger (secret secondaire).");
        line("« " + Markers.HIDDEN + " »", hiddenMarker(threshold));
        line("Garantie", guarantee());
        line("Cases masquées", hiddenCells(m.hiddenCells()));
        line("Parts (%)", "Part de la case dans le total de sa ligne. Elle n'est donnée que si l'effectif "
                + "et le total de la ligne sont publiés.");
        next++;

        if (!m.definitions().isEmpty()) {
            heading("Définitions");
            for (String definition : m.definitions()) {
                line("", definition);
            }
            next++;
        }

        heading("Tableaux");
        List<PublishedTable> tables = publication.tables();
        for (int i = 0; i < tables.size(); i++) {
            PublishedTable table = tables.get(i);
            String about = table.title();
            if (table.definition() != null && !table.definition().isBlank()) {
                about += " : " + table.definition();
            }
            line("Feuille « " + tableSheets.get(i) + " »", about);
        }
    }

    /** What the marker says, and all it says: the auditor of the tests bounds every hidden cell by exactly this. */
    static String hiddenMarker(int threshold) {
        return "Case masquée : elle compte au moins 1 personne (un zéro est toujours publié). Rien d'autre "
                + "n'est dit : une case de moins de " + threshold + " personnes et une case masquée pour en "
                + "protéger une autre portent la même marque.";
    }

    static String guarantee() {
        return "Même en combinant tous les chiffres publiés (tous les tableaux ; le département par mois, "
                + "trimestre et année ; les EPCI et les communes ; les totaux), en sachant que ce sont des nombres "
                + "entiers et qu'une case masquée compte au moins 1 personne, chaque case masquée reste compatible "
                + "avec au moins " + DisclosureControl.MINIMUM_POSSIBLE_VALUES + " valeurs différentes.";
    }

    static String hiddenCells(long count) {
        return count == 0 ? "Aucune case masquée dans les tableaux de ce fichier."
                : count == 1 ? "1 case masquée dans les tableaux de ce fichier."
                : count + " cases masquées dans les tableaux de ce fichier.";
    }

    private void heading(String text) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(styles.header);
        row.createCell(1).setCellStyle(styles.header);
    }

    private void line(String what, String text) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(what);
        row.getCell(0).setCellStyle(styles.text);
        row.createCell(1).setCellValue(text == null ? "" : text);
        row.getCell(1).setCellStyle(styles.wrapped);
    }
}
