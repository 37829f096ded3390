package fr.repere.statistics.export;

import fr.repere.statistics.Cell;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One published table on its own streamed sheet: title, definition, legend, a frozen header with
 * a filter, then one line per row (count and share of the row total for each column, then the
 * row total) and the total line. Rows are read once and flushed as they go; only the first few
 * are kept, for the summary chart.
 */
final class TableSheet {

    /** Title, definition, legend, then the header on the fourth line. */
    static final int HEADER_ROW = 3;
    /** Rows of the first table drawn on the summary sheet: more would be unreadable. */
    static final int CHART_ROWS = 15;

    private static final int LABEL_MIN_WIDTH = 14;
    private static final int LABEL_MAX_WIDTH = 60;

    private final SXSSFSheet sheet;
    private final PublishedTable table;
    private final int threshold;
    private final Styles styles;
    private int longestLabel;

    private TableSheet(SXSSFSheet sheet, PublishedTable table, int threshold, Styles styles) {
        this.sheet = sheet;
        this.table = table;
        this.threshold = threshold;
        this.styles = styles;
    }

    /** Refuses early a table longer than a sheet, before anything is written. */
    static void checkFits(PublishedTable table) {
        long needed = HEADER_ROW + 1L + table.rows().size() + 1L;
        if (needed > SpreadsheetVersion.EXCEL2007.getMaxRows()) {
            throw new IllegalArgumentException("table " + table.key() + " has " + table.rows().size()
                    + " rows: more than one sheet holds");
        }
    }

    /** Writes the table and returns its first {@link #CHART_ROWS} rows. */
    static List<PublishedRow> write(SXSSFSheet sheet, PublishedTable table, int threshold, Styles styles,
            Progress progress) {
        return new TableSheet(sheet, table, threshold, styles).fill(progress);
    }

    private List<PublishedRow> fill(Progress progress) {
        int columns = table.columnLabels().size();
        int lastColumn = 2 * columns + 1;

        text(sheet.createRow(0), 0, table.title(), styles.title);
        if (table.definition() != null && !table.definition().isBlank()) {
            text(sheet.createRow(1), 0, table.definition(), styles.text);
        }
        text(sheet.createRow(2), 0, "« " + Markers.HIDDEN + " » : case masquée (secret statistique), au moins une "
                + "personne (voir la feuille « " + MethodologySheet.NAME + " »).", styles.text);

        Row header = sheet.createRow(HEADER_ROW);
        text(header, 0, table.rowTitle(), styles.header);
        for (int c = 0; c < columns; c++) {
            String label = table.columnLabels().get(c);
            text(header, 1 + 2 * c, label, styles.header);
            text(header, 2 + 2 * c, label + " (%)", styles.header);
        }
        text(header, lastColumn, "Total", styles.header);

        List<PublishedRow> firstRows = new ArrayList<>();
        int r = HEADER_ROW + 1;
        for (PublishedRow row : table.rows()) {
            if (firstRows.size() < CHART_ROWS) {
                firstRows.add(row);
            }
            line(sheet.createRow(r++), row, false);
            progress.rowWritten();
        }
        int lastDataRow = r - 1;
        if (table.total() != null) {
            line(sheet.createRow(r), table.total(), true);
        }

        sheet.createFreezePane(1, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, lastDataRow), 0, lastColumn));
        sheet.setColumnWidth(0, Math.min(LABEL_MAX_WIDTH, Math.max(LABEL_MIN_WIDTH,
                Math.max(longestLabel, length(table.rowTitle())) + 2)) * 256);
        for (int c = 0; c < columns; c++) {
            int width = Math.min(24, Math.max(10, length(table.columnLabels().get(c)) / 2 + 4));
            sheet.setColumnWidth(1 + 2 * c, width * 256);
            sheet.setColumnWidth(2 + 2 * c, width * 256);
        }
        sheet.setColumnWidth(lastColumn, 12 * 256);
        return firstRows;
    }

    private void line(Row row, PublishedRow data, boolean total) {
        String label = data.label() == null ? "" : data.label();
        if (total && label.isBlank()) {
            label = "Total";
        }
        longestLabel = Math.max(longestLabel, label.length());
        text(row, 0, label, total ? styles.totalLabel : styles.label);
        Cell rowTotal = data.total();
        for (int c = 0; c < data.cells().size(); c++) {
            Cell cell = data.cells().get(c);
            count(row, 1 + 2 * c, cell, total);
            if (cell.published() && rowTotal != null && rowTotal.published() && rowTotal.count() > 0) {
                org.apache.poi.ss.usermodel.Cell share = row.createCell(2 + 2 * c);
                share.setCellValue((double) cell.count() / rowTotal.count());
                share.setCellStyle(total ? styles.totalShare : styles.share);
            }
        }
        if (rowTotal != null) {
            count(row, 1 + 2 * data.cells().size(), rowTotal, total);
        }
    }

    private void count(Row row, int column, Cell cell, boolean total) {
        org.apache.poi.ss.usermodel.Cell target = row.createCell(column);
        if (cell.published()) {
            target.setCellValue(cell.count());
            target.setCellStyle(total ? styles.totalInteger : styles.integer);
        } else {
            target.setCellValue(Markers.of(cell));
            target.setCellStyle(total ? styles.totalMarker : styles.marker);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
