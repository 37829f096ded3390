package fr.repere.statistics.export;

import fr.repere.statistics.Cell;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes one published table as CSV the way French spreadsheet users expect it: UTF-8 with a byte
 * order mark (without it Excel reads the accents as Windows-1252), « ; » between fields (« , » is
 * the decimal separator in France), CRLF line ends and RFC 4180 quoting. Headers first (row title,
 * column labels, « Total »), then the rows and the total line; integers without thousands
 * separators; suppressed cells as « s ». Rows are read once, nothing is kept. The
 * stream is flushed, not closed: it belongs to the caller.
 */
public final class StatisticsCsv {

    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StatisticsCsv() {
    }

    public static void write(PublishedTable table, int threshold, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(BYTE_ORDER_MARK);
        field(writer, table.rowTitle());
        for (String label : table.columnLabels()) {
            writer.write(SEPARATOR);
            field(writer, label);
        }
        writer.write(SEPARATOR);
        field(writer, "Total");
        writer.write(LINE_END);
        for (PublishedRow row : table.rows()) {
            line(writer, row, row.label(), threshold);
        }
        if (table.total() != null) {
            String label = table.total().label();
            line(writer, table.total(), label == null || label.isBlank() ? "Total" : label, threshold);
        }
        writer.flush();
    }

    private static void line(Writer writer, PublishedRow row, String label, int threshold) throws IOException {
        field(writer, label);
        for (Cell cell : row.cells()) {
            writer.write(SEPARATOR);
            count(writer, cell, threshold);
        }
        writer.write(SEPARATOR);
        if (row.total() != null) {
            count(writer, row.total(), threshold);
        }
        writer.write(LINE_END);
    }

    private static void count(Writer writer, Cell cell, int threshold) throws IOException {
        if (cell.published()) {
            writer.write(Long.toString(cell.count()));
        } else {
            field(writer, Markers.of(cell));
        }
    }

    /** RFC 4180: quoted when it holds a separator, a quote or a line end; quotes doubled. */
    static void field(Writer writer, String value) throws IOException {
        String s = value == null ? "" : value;
        boolean quote = s.indexOf(SEPARATOR) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0;
        if (!quote) {
            writer.write(s);
            return;
        }
        writer.write('"');
        writer.write(s.replace("\"", "\"\""));
        writer.write('"');
    }
}
