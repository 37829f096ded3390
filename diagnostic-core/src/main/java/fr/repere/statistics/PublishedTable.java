package fr.repere.statistics;

import java.util.List;

/**
 * A table after disclosure control, ready to be shown or exported: rows × columns of counts with
 * row totals, a total row and a French definition. {@code rows} may be a lazy view over a large
 * result (exporters iterate it once and keep nothing).
 *
 * @param key          stable identifier, e.g. {@code orientation-by-commune}
 * @param title        French title, e.g. « Orientation principale par commune »
 * @param rowTitle     French header of the first column, e.g. « Commune »
 * @param columnCodes  stable codes of the columns, e.g. {@code TRAIN}
 * @param columnLabels French labels of the columns, in the same order
 * @param rows         the lines, in display order
 * @param total        the total line (label « Total »)
 * @param definition   French definition of what is counted, for the methodology sheet
 */
public record PublishedTable(String key, String title, String rowTitle, List<String> columnCodes,
        List<String> columnLabels, List<PublishedRow> rows, PublishedRow total, String definition) {

    public PublishedTable {
        columnCodes = List.copyOf(columnCodes);
        columnLabels = List.copyOf(columnLabels);
        if (columnCodes.size() != columnLabels.size()) {
            throw new IllegalArgumentException("one label per column");
        }
    }

    /** The hidden cells of every row and of the total row, row totals included (reads the rows once). */
    public long hiddenCells() {
        long hidden = total == null ? 0 : hidden(total);
        for (PublishedRow row : rows) {
            hidden += hidden(row);
        }
        return hidden;
    }

    private static long hidden(PublishedRow row) {
        long hidden = row.total() != null && !row.total().published() ? 1 : 0;
        for (Cell cell : row.cells()) {
            hidden += cell.published() ? 0 : 1;
        }
        return hidden;
    }
}
