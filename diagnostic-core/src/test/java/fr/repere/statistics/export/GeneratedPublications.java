package fr.repere.statistics.export;

import fr.repere.statistics.Cell;
import fr.repere.statistics.Methodology;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Publications built from random counts (fixed seed) put through a simple suppression: counts
 * from 1 to threshold − 1 hidden (primary), and in a line with a single primary cell the smallest
 * other count hidden too (secondary). Good enough to exercise the formats; disclosure control
 * proper is tested where it is implemented. Labels carry accents, a « ; », quotes and a very long
 * commune name, as real ones may.
 */
final class GeneratedPublications {

    /** Not the default 11: the exports must show the real threshold, not a constant. */
    static final int THRESHOLD = 12;

    static final List<String> ORIENTATION_CODES = List.of("AUTONOMY", "TRAIN", "ASSIST", "DELEGATE", "REFER");
    static final List<String> ORIENTATION_LABELS = List.of("Autonome", "Formation au numérique",
            "Accompagnement « pas à pas »", "Aidant habilité (mandat)", "Orientation vers un partenaire");

    private static final List<String> COMMUNES = List.of("Lille", "Villeneuve-d'Ascq", "Marcq-en-Barœul",
            "Hénin-Beaumont", "Roubaix", "Tourcoing", "Wattrelos", "Hellemmes-Lille", "Fâches-Thumesnil",
            "Saint-André-lez-Lille", "La Madeleine", "Lambersart", "Loos", "Haubourdin", "Wambrechies",
            "Saint-Amand ; quartier \"Nord\" (fictif)", "Erquinghem-Lys", "Englos", "Ennetières-en-Weppes",
            "Sequedin", "Escobecques", "Lomme", "Ronchin", "Mons-en-Barœul",
            "Communauté de communes du Cœur de l'Avesnois, de la Sambre, de la Thiérache et des "
                    + "Monts de Flandre réunis (libellé très long, fictif)",
            "Œuvres-sur-Lys (fictif)", "Aulnoye-Aymeries", "Maubeuge", "Hautmont", "Jeumont",
            "Bavay", "Le Quesnoy", "Cambrai", "Caudry", "Le Cateau-Cambrésis", "Solesmes", "Douai",
            "Sin-le-Noble", "Waziers", "Cuincy");

    private GeneratedPublications() {
    }

    /** Three tables: orientation by commune (first), orientation by month (key « orientation »), an empty one. */
    static Publication sample() {
        Random random = new Random(20261124L);
        PublishedTable byCommune = table("orientation-par-commune", "Orientation principale par commune de résidence",
                "Commune", COMMUNES, random,
                "Nombre de diagnostics clos, par orientation principale et commune de résidence de la personne.");
        List<String> months = List.of("janvier 2026", "février 2026", "mars 2026", "avril 2026", "mai 2026",
                "juin 2026");
        PublishedTable byMonth = table("orientation", "Orientation principale par mois", "Mois", months, random,
                "Nombre de diagnostics clos, par mois de clôture et orientation principale.");
        PublishedTable empty = new PublishedTable("besoins-non-couverts", "Besoins non couverts : type [détail] ?",
                "Commune", List.of("NONE"), List.of("Aucun lieu à proximité"), List.of(),
                new PublishedRow("TOTAL", "Total", List.of(Cell.of(0)), Cell.of(0)),
                "Orientations sans lieu d'accompagnement à moins de 30 minutes.");
        List<PublishedTable> tables = List.of(byCommune, byMonth, empty);
        return new Publication(methodology(tables.stream().mapToLong(PublishedTable::hiddenCells).sum()), tables);
    }

    /** The sample's methodology, for tables hiding {@code hiddenCells} cells. */
    static Methodology methodology(long hiddenCells) {
        return new Methodology("Nord (59)", "janvier 2026 à juin 2026 (par mois)", THRESHOLD,
                List.of("questionnaire 1.0", "questionnaire 1.1"), List.of("règles 2026.1"),
                LocalDate.of(2026, 7, 3),
                List.of("Diagnostic : un entretien mené avec une personne et clos par le travailleur social.",
                        "Orientation principale : la suite retenue à la fin du diagnostic, après une éventuelle "
                                + "modification par le travailleur social."), hiddenCells);
    }

    static PublishedTable table(String key, String title, String rowTitle, List<String> rowLabels, Random random,
            String definition) {
        int columns = ORIENTATION_CODES.size();
        long[] columnTotals = new long[columns];
        List<PublishedRow> rows = new ArrayList<>();
        for (int r = 0; r < rowLabels.size(); r++) {
            long[] counts = new long[columns];
            for (int c = 0; c < columns; c++) {
                counts[c] = random.nextInt(6) == 0 ? 1 + random.nextInt(THRESHOLD - 1)
                        : random.nextInt(5) == 0 ? 0 : random.nextInt(2_500);
                columnTotals[c] += counts[c];
            }
            rows.add(row("R" + r, rowLabels.get(r), counts));
        }
        return new PublishedTable(key, title, rowTitle, ORIENTATION_CODES, ORIENTATION_LABELS, rows,
                row("TOTAL", "Total", columnTotals), definition);
    }

    /** One line after the simple suppression described above. */
    static PublishedRow row(String code, String label, long[] counts) {
        List<Cell> cells = new ArrayList<>();
        int primaries = 0;
        long total = 0;
        for (long count : counts) {
            total += count;
            if (count > 0 && count < THRESHOLD) {
                cells.add(Cell.suppressed(Cell.Suppression.PRIMARY));
                primaries++;
            } else {
                cells.add(Cell.of(count));
            }
        }
        if (primaries == 1) {
            int smallest = -1;
            for (int c = 0; c < counts.length; c++) {
                if (cells.get(c).published() && counts[c] > 0 && (smallest < 0 || counts[c] < counts[smallest])) {
                    smallest = c;
                }
            }
            if (smallest >= 0) {
                cells.set(smallest, Cell.suppressed(Cell.Suppression.SECONDARY));
            }
        }
        Cell rowTotal = total > 0 && total < THRESHOLD ? Cell.suppressed(Cell.Suppression.PRIMARY) : Cell.of(total);
        return new PublishedRow(code, label, cells, rowTotal);
    }
}
