package fr.repere.statistics.export;

import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Publication} as an XLSX workbook: « Méthodologie », « Synthèse » (native charts),
 * then one sheet per table, in that order.
 *
 * <p>Memory stays bounded whatever the size of the tables: table sheets are streamed with SXSSF
 * (a window of rows in memory, the rest in temporary files, gzipped) and each table's rows are read
 * once. The two small sheets before them are ordinary XSSF sheets of the backing workbook, created
 * before it is wrapped so they keep their place; the summary is filled last, from the few rows the
 * first table's sheet kept. The temporary files are removed in every case, also when the output
 * stream fails half-way.
 */
public final class StatisticsWorkbook {

    /** Rows of a streamed sheet kept in memory before being flushed to its temporary file. */
    private static final int WINDOW = 200;
    /** Compressed size of one cell in the file, measured on a million rows: for the progress bar only. */
    private static final long BYTES_PER_CELL = 8;

    private StatisticsWorkbook() {
    }

    /**
     * @param progressPercent told 0 first, then increasing percents as rows are written, 100 once
     *                        the file is complete
     * @throws IllegalArgumentException if a table has more rows than a sheet holds (1,048,576
     *                                  lines with its header), before anything is written
     */
    public static void write(Publication publication, OutputStream out, IntConsumer progressPercent)
            throws IOException {
        long rows = 0;
        for (PublishedTable table : publication.tables()) {
            TableSheet.checkFits(table);
            rows += table.rows().size();
        }
        Progress progress = new Progress(progressPercent, rows);
        int threshold = publication.methodology().threshold();

        XSSFWorkbook backing = new XSSFWorkbook();
        SXSSFWorkbook workbook = null;
        try {
            Styles styles = new Styles(backing);
            SheetNames names = new SheetNames();
            XSSFSheet methodology = backing.createSheet(names.reserve(MethodologySheet.NAME));
            XSSFSheet summary = backing.createSheet(names.reserve(SummarySheet.NAME));
            List<String> tableSheets = new ArrayList<>();
            for (PublishedTable table : publication.tables()) {
                tableSheets.add(names.reserve(table.title()));
            }
            MethodologySheet.write(methodology, publication, tableSheets, styles);

            workbook = new SXSSFWorkbook(backing, WINDOW, true);
            List<PublishedRow> firstRows = List.of();
            long cells = 0;
            for (int i = 0; i < publication.tables().size(); i++) {
                PublishedTable table = publication.tables().get(i);
                List<PublishedRow> kept = TableSheet.write(workbook.createSheet(tableSheets.get(i)), table,
                        threshold, styles, progress);
                if (i == 0) {
                    firstRows = kept;
                }
                cells += (long) table.rows().size() * (2L * table.columnLabels().size() + 2);
            }
            progress.rowsDone(cells * BYTES_PER_CELL);

            List<PublishedTable> tables = publication.tables();
            SummarySheet.write(summary, SummarySheet.mixTable(tables), tables.isEmpty() ? null : tables.get(0),
                    firstRows, threshold, styles);
            workbook.setActiveSheet(0);
            OutputStream counted = new CountingOutputStream(out, progress);
            workbook.write(counted);
            counted.flush();
            progress.finished();
        } finally {
            // dispose() deletes the temporary files; close() releases the rest (POI 5.5 also
            // disposes there, but the deletion must not depend on that)
            if (workbook != null) {
                workbook.dispose();
                workbook.close();
            } else {
                backing.close();
            }
        }
    }
}
