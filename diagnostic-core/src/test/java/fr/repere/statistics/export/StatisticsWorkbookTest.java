package fr.repere.statistics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.statistics.Cell;
import fr.repere.statistics.Methodology;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XLSX export read back by a real LibreOffice (headless) and by POI: every figure and marker of
 * the publication, the methodology, the two charts, frozen headers and filters.
 */
class StatisticsWorkbookTest {

    @TempDir
    static Path work;

    private static LibreOffice libreOffice;
    private static Publication publication;
    private static Path xlsx;
    private static final List<Integer> progress = new ArrayList<>();

    @BeforeAll
    static void writeTheSample() throws Exception {
        libreOffice = new LibreOffice(work);
        publication = GeneratedPublications.sample();
        xlsx = work.resolve("sample.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            StatisticsWorkbook.write(publication, out, progress::add);
        }
    }

    @Test
    void libreOfficeReadsBackEveryFigureAndMarkerOfEveryTable() throws Exception {
        List<String> names = sheetNames(xlsx);
        assertEquals(2 + publication.tables().size(), names.size(), "methodology, summary, one sheet per table");
        assertEquals(List.of("Méthodologie", "Synthèse"), names.subList(0, 2));
        Path out = work.resolve("every-sheet");
        libreOffice.convert(xlsx, LibreOffice.CSV_EVERY_SHEET, out);

        int threshold = publication.methodology().threshold();
        for (int t = 0; t < publication.tables().size(); t++) {
            PublishedTable table = publication.tables().get(t);
            List<List<String>> lines = sheetCsv(out, names.get(2 + t));
            assertEquals(table.title(), lines.get(0).get(0));
            assertEquals(table.definition(), lines.get(1).get(0));
            assertEquals("« s » : case masquée (secret statistique), au moins une personne (voir la feuille « Méthodologie »).",
                    lines.get(2).get(0), "one marker, and what it says");

            List<String> header = new ArrayList<>(List.of(table.rowTitle()));
            for (String label : table.columnLabels()) {
                header.add(label);
                header.add(label + " (%)");
            }
            header.add("Total");
            assertEquals(header, lines.get(TableSheet.HEADER_ROW));

            int expectedLines = TableSheet.HEADER_ROW + 1 + table.rows().size() + 1;
            assertEquals(expectedLines, lines.size(), table.key() + ": header, rows and total, nothing else");
            int n = TableSheet.HEADER_ROW + 1;
            for (PublishedRow row : table.rows()) {
                assertRow(row, lines.get(n++), threshold);
            }
            assertRow(table.total(), lines.get(n), threshold);
        }
    }

    @Test
    void everyKindOfCellIsInTheSample() {
        Set<Cell.Suppression> kinds = new HashSet<>();
        boolean zero = false;
        for (PublishedTable table : publication.tables()) {
            for (PublishedRow row : table.rows()) {
                for (Cell cell : row.cells()) {
                    kinds.add(cell.suppression());
                    zero |= cell.published() && cell.count() == 0;
                }
            }
        }
        assertEquals(Set.of(Cell.Suppression.values()), kinds);
        assertTrue(zero, "a published zero");
        assertTrue(publication.tables().stream().anyMatch(t -> t.rows().isEmpty()), "an empty table");
    }

    @Test
    void theMethodologySheetStatesScopeVersionsAndLegend() throws Exception {
        Path out = work.resolve("methodology");
        libreOffice.convert(xlsx, LibreOffice.CSV_EVERY_SHEET, out);
        List<List<String>> lines = sheetCsv(out, "Méthodologie");
        Methodology m = publication.methodology();
        assertLine(lines, "Territoire", m.territory());
        assertLine(lines, "Période", m.period());
        assertLine(lines, "Date d'extraction",
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(m.extractedOn()));
        assertLine(lines, "Versions du questionnaire", String.join(", ", m.questionnaireVersions()));
        assertLine(lines, "Versions des règles d'orientation", String.join(", ", m.rulesetVersions()));
        assertEquals("Case masquée : elle compte au moins 1 personne (un zéro est toujours publié). Rien d'autre n'est dit : "
                + "une case de moins de " + m.threshold() + " personnes et une case masquée pour en protéger une autre portent la même marque.",
                text(lines, "« s »"));
        assertEquals("Même en combinant tous les chiffres publiés (tous les tableaux ; le département par mois, trimestre et "
                + "année ; les EPCI et les communes ; les totaux), en sachant que ce sont des nombres entiers et qu'une case "
                + "masquée compte au moins 1 personne, chaque case masquée reste compatible avec au moins 3 valeurs "
                + "différentes.", text(lines, "Garantie"));
        long hidden = publication.tables().stream().mapToLong(PublishedTable::hiddenCells).sum();
        assertTrue(hidden > 10, "the sample hides cells: " + hidden);
        assertEquals(hidden + " cases masquées dans les tableaux de ce fichier.", text(lines, "Cases masquées"));
        assertTrue(text(lines, "Seuil").contains("entre 1 et " + (m.threshold() - 1) + " personnes"));
        assertTrue(lines.stream().noneMatch(l -> String.join(";", l).contains("« < ")), "no marker of its own for small counts");
        List<String> all = lines.stream().map(l -> String.join(";", l)).toList();
        for (String definition : m.definitions()) {
            assertTrue(all.contains(";" + definition), definition);
        }
        for (PublishedTable table : publication.tables()) {
            assertTrue(all.stream().anyMatch(l -> l.contains(table.title())), table.title());
        }
    }

    @Test
    void theSummaryHasTwoNativeChartsOverTheFiguresBesideThem() throws Exception {
        PublishedTable mix = publication.tables().stream().filter(t -> t.key().equals("orientation")).findFirst()
                .orElseThrow();
        PublishedTable first = publication.tables().get(0);
        int drawn = Math.min(TableSheet.CHART_ROWS, first.rows().size());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet summary = workbook.getSheet("Synthèse");
            assertNotNull(summary.getDrawingPatriarch(), "a drawing on the summary sheet");
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertEquals(2, charts.size());

            XSSFChart mixChart = charts.get(0);
            assertTrue(mixChart.getTitleText().getString().contains(mix.title()), "the mix is the orientation table");
            XDDFChartData mixData = mixChart.getChartSeries().get(0);
            assertTrue(mixData instanceof XDDFBarChartData);
            assertEquals(1, mixData.getSeriesCount());
            assertEquals(mix.columnLabels().size(), mixData.getSeries(0).getCategoryData().getPointCount());

            XDDFChartData rowsData = charts.get(1).getChartSeries().get(0);
            assertEquals(first.columnLabels().size(), rowsData.getSeriesCount());
            assertEquals(drawn, rowsData.getSeries(0).getCategoryData().getPointCount());
        }

        Path out = work.resolve("summary");
        libreOffice.convert(xlsx, LibreOffice.CSV_EVERY_SHEET, out);
        List<List<String>> lines = sheetCsv(out, "Synthèse");
        int threshold = publication.methodology().threshold();
        for (int c = 0; c < mix.columnLabels().size(); c++) {
            assertEquals(expected(mix.total().cells().get(c), threshold), text(lines, mix.columnLabels().get(c)));
        }
        for (PublishedRow row : first.rows().subList(0, drawn)) {
            List<String> line = lines.stream().filter(l -> l.get(0).equals(row.label())).findFirst().orElseThrow();
            for (int c = 0; c < row.cells().size(); c++) {
                assertEquals(expected(row.cells().get(c), threshold), line.get(1 + c), row.label());
            }
        }

        // LibreOffice keeps both charts, with their series, when it imports the file
        Path ods = libreOffice.convert(xlsx, "ods", work.resolve("ods")).get(0);
        List<Integer> series = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ods.toFile())) {
            for (int i = 1; zip.getEntry("Object " + i + "/content.xml") != null; i++) {
                String chart = new String(zip.getInputStream(zip.getEntry("Object " + i + "/content.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertTrue(chart.contains("chart:class=\"chart:bar\""), "a bar chart");
                series.add(count(chart, "<chart:series "));
            }
        }
        assertEquals(List.of(1, first.columnLabels().size()), series);
    }

    @Test
    void tableSheetsHaveAFrozenHeaderAFilterAndNumberFormats() throws Exception {
        List<String> names = sheetNames(xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (int t = 0; t < publication.tables().size(); t++) {
                PublishedTable table = publication.tables().get(t);
                XSSFSheet sheet = workbook.getSheet(names.get(2 + t));
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, table.key());
                assertTrue(pane.isFreezePane());
                assertEquals(TableSheet.HEADER_ROW + 1, pane.getHorizontalSplitPosition());
                assertEquals(1, pane.getVerticalSplitPosition());

                int lastColumn = 2 * table.columnLabels().size() + 1;
                CellRangeAddress filter = new CellRangeAddress(TableSheet.HEADER_ROW,
                        TableSheet.HEADER_ROW + table.rows().size(), 0, lastColumn);
                assertEquals(filter.formatAsString(), sheet.getCTWorksheet().getAutoFilter().getRef());

                Row totalRow = sheet.getRow(TableSheet.HEADER_ROW + 1 + table.rows().size());
                assertEquals(Styles.INTEGER_FORMAT, totalRow.getCell(lastColumn).getCellStyle().getDataFormatString());
                for (int r = TableSheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    for (int c = 1; c < lastColumn; c += 2) {
                        org.apache.poi.ss.usermodel.Cell count = row.getCell(c);
                        org.apache.poi.ss.usermodel.Cell share = row.getCell(c + 1);
                        if (count.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            assertEquals(Styles.INTEGER_FORMAT, count.getCellStyle().getDataFormatString());
                        }
                        if (share != null) {
                            assertEquals(Styles.SHARE_FORMAT, share.getCellStyle().getDataFormatString());
                        }
                    }
                }
            }
        }
    }

    @Test
    void sheetNamesAreShortUniqueAndValid() throws Exception {
        List<String> names = sheetNames(xlsx);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            assertTrue(name.length() <= 31, name);
            assertFalse(name.matches(".*[:\\\\/?*\\[\\]].*"), name);
            assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), "duplicate " + name);
        }
    }

    @Test
    void progressRisesFromZeroToOneHundred() {
        assertEquals(0, progress.get(0));
        assertEquals(100, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "increasing: " + progress);
        }
        assertTrue(progress.size() > 10, "reported as rows are written: " + progress);
    }

    @Test
    void aPublicationWithoutRowsOrTablesStillOpens() throws Exception {
        Publication emptyTable = new Publication(GeneratedPublications.methodology(0), List.of(publication.tables().get(2)));
        Publication noTable = new Publication(GeneratedPublications.methodology(0), List.of());
        int i = 0;
        for (Publication empty : List.of(emptyTable, noTable)) {
            Path file = work.resolve("empty-" + i + ".xlsx");
            List<Integer> seen = new ArrayList<>();
            try (OutputStream out = Files.newOutputStream(file)) {
                StatisticsWorkbook.write(empty, out, seen::add);
            }
            assertEquals(0, seen.get(0));
            assertEquals(100, seen.get(seen.size() - 1));
            List<Path> sheets = libreOffice.convert(file, LibreOffice.CSV_EVERY_SHEET, work.resolve("empty-out-" + i));
            assertEquals(2 + empty.tables().size(), sheets.stream().filter(p -> p.toString().endsWith(".csv")).count());
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                XSSFSheet summary = workbook.getSheet("Synthèse");
                int charts = summary.getDrawingPatriarch() == null ? 0 : summary.getDrawingPatriarch().getCharts().size();
                // the empty table still has a total line (its mix); no rows, so no chart of rows
                assertEquals(empty.tables().isEmpty() ? 0 : 1, charts);
            }
            i++;
        }
    }

    private static void assertRow(PublishedRow row, List<String> line, int threshold) {
        assertEquals(row.label(), line.get(0));
        Cell total = row.total();
        for (int c = 0; c < row.cells().size(); c++) {
            Cell cell = row.cells().get(c);
            assertEquals(expected(cell, threshold), line.get(1 + 2 * c), row.label() + " column " + c);
            String share = line.get(2 + 2 * c);
            if (cell.published() && total.published() && total.count() > 0) {
                assertTrue(share.endsWith("%"), share);
                double value = Double.parseDouble(share.substring(0, share.length() - 1)) / 100;
                assertEquals((double) cell.count() / total.count(), value, 1e-9, row.label());
            } else {
                assertEquals("", share, "no share where a number is hidden: " + row.label());
            }
        }
        assertEquals(expected(total, threshold), line.get(line.size() - 1));
    }

    /** One marker for every hidden cell, whatever the reason: « s ». */
    private static String expected(Cell cell, int threshold) {
        return switch (cell.suppression()) {
            case NONE -> Long.toString(cell.count());
            case PRIMARY, SECONDARY -> "s";
        };
    }

    private static void assertLine(List<List<String>> lines, String what, String text) {
        assertEquals(text, text(lines, what), what);
    }

    /** Column B of the line whose column A is {@code what}. */
    private static String text(List<List<String>> lines, String what) {
        return lines.stream().filter(l -> l.get(0).equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + what)).get(1);
    }

    private static List<List<String>> sheetCsv(Path dir, String sheet) throws Exception {
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().endsWith("-" + sheet + ".csv")).findFirst()
                    .orElseThrow(() -> new AssertionError("LibreOffice wrote no CSV for sheet " + sheet));
        }
        return CsvText.parse(Files.readString(file, StandardCharsets.UTF_8), ';', "\n");
    }

    private static List<String> sheetNames(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            return names;
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
