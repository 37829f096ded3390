package fr.repere.statistics.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.statistics.Cell;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV export read back byte by byte, then opened by a real LibreOffice. */
class StatisticsCsvTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int THRESHOLD = GeneratedPublications.THRESHOLD;

    @TempDir
    static Path work;

    private static PublishedTable table;

    @BeforeAll
    static void sample() {
        table = GeneratedPublications.sample().tables().get(0);
    }

    @Test
    void utf8WithByteOrderMarkSemicolonsAndCrlf() throws Exception {
        byte[] bytes = csv(table);
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertFalse(text.startsWith("\uFEFF"), "one byte order mark");
        assertTrue(text.endsWith("\r\n"));
        // the strict reader refuses any line end other than CRLF outside quotes
        List<List<String>> lines = CsvText.parse(text, ';', "\r\n");

        List<String> header = new ArrayList<>(List.of(table.rowTitle()));
        header.addAll(table.columnLabels());
        header.add("Total");
        assertEquals(header, lines.get(0));
        assertEquals(1 + table.rows().size() + 1, lines.size());
        for (int i = 0; i < table.rows().size(); i++) {
            assertEquals(expected(table.rows().get(i)), lines.get(1 + i));
        }
        assertEquals(expected(table.total()), lines.get(lines.size() - 1));
    }

    @Test
    void labelsWithSeparatorsOrQuotesAreQuotedTheRfc4180Way() throws Exception {
        String text = new String(csv(table), StandardCharsets.UTF_8);
        PublishedRow tricky = table.rows().stream().filter(r -> r.label().contains(";") && r.label().contains("\""))
                .findFirst().orElseThrow();
        assertTrue(text.contains("\r\n\"" + tricky.label().replace("\"", "\"\"") + "\";"), "quoted, quotes doubled");
        PublishedRow plain = table.rows().get(0);
        assertTrue(text.contains("\r\n" + plain.label() + ";"), "a plain label is not quoted");
    }

    @Test
    void integersHaveNoThousandsSeparator() throws Exception {
        List<List<String>> lines = CsvText.parse(new String(csv(table), StandardCharsets.UTF_8).substring(1), ';',
                "\r\n");
        long big = 0;
        for (List<String> line : lines.subList(1, lines.size())) {
            for (String field : line.subList(1, line.size())) {
                assertTrue(field.matches("\\d+|s"), field);
                if (field.matches("\\d+")) {
                    big = Math.max(big, Long.parseLong(field));
                }
            }
        }
        assertTrue(big >= 1000, "the sample has counts of four digits or more");
    }

    @Test
    void libreOfficeOpensItWithLabelsNumbersAndMarkersInTheirCells() throws Exception {
        Path file = work.resolve("orientation-par-commune.csv");
        Files.write(file, csv(table));
        Path xlsx = new LibreOffice(work).convert(file, "xlsx", work.resolve("from-csv"), "--infilter=" + LibreOffice.CSV_IMPORT)
                .get(0);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row header = sheet.getRow(0);
            assertEquals(table.rowTitle(), header.getCell(0).getStringCellValue(), "no byte order mark in A1");
            for (int c = 0; c < table.columnLabels().size(); c++) {
                assertEquals(table.columnLabels().get(c), header.getCell(1 + c).getStringCellValue());
            }
            List<PublishedRow> rows = new ArrayList<>(table.rows());
            rows.add(table.total());
            assertEquals(rows.size(), sheet.getLastRowNum());
            for (int r = 0; r < rows.size(); r++) {
                PublishedRow row = rows.get(r);
                Row read = sheet.getRow(1 + r);
                assertEquals(row.label(), read.getCell(0).getStringCellValue());
                List<Cell> cells = new ArrayList<>(row.cells());
                cells.add(row.total());
                for (int c = 0; c < cells.size(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = read.getCell(1 + c);
                    if (cells.get(c).published()) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), row.label());
                        assertEquals(cells.get(c).count(), (long) cell.getNumericCellValue(), row.label());
                    } else {
                        assertEquals(shown(cells.get(c)), formatter.formatCellValue(cell));
                    }
                }
            }
        }
    }

    @Test
    void anEmptyTableHasItsHeaderAndTotalLine() throws Exception {
        PublishedTable empty = GeneratedPublications.sample().tables().get(2);
        List<List<String>> lines = CsvText.parse(new String(csv(empty), StandardCharsets.UTF_8).substring(1), ';',
                "\r\n");
        assertEquals(2, lines.size());
        assertEquals(expected(empty.total()), lines.get(1));
    }

    private static List<String> expected(PublishedRow row) {
        List<String> fields = new ArrayList<>(List.of(row.label()));
        for (Cell cell : row.cells()) {
            fields.add(shown(cell));
        }
        fields.add(shown(row.total()));
        return fields;
    }

    /** One marker for every hidden cell, whatever the reason: « s ». */
    private static String shown(Cell cell) {
        return switch (cell.suppression()) {
            case NONE -> Long.toString(cell.count());
            case PRIMARY, SECONDARY -> "s";
        };
    }

    private static byte[] csv(PublishedTable table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatisticsCsv.write(table, THRESHOLD, out);
        return out.toByteArray();
    }
}
