package fr.repere.statistics.export;

import fr.repere.statistics.Cell;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The « Synthèse » sheet: two native charts (XDDF), each beside the small table it draws, so the
 * figures stay readable without the chart. It lives in the backing XSSF workbook, not a streamed
 * sheet (SXSSF cannot draw charts), and is filled once the tables have been streamed: the first
 * table's rows are read only once, by its own sheet.
 *
 * <ul>
 *   <li>the mix: the total line of the orientation table (else the first table), as bars;
 *   <li>the first rows of the first table (e.g. orientation by territory), as clustered columns.
 * </ul>
 *
 * Suppressed cells are written as their marker, which a chart leaves out (no value): a chart shows
 * nothing a table does not.
 */
final class SummarySheet {

    static final String NAME = "Synthèse";
    static final String MIX_TABLE_KEY = "orientation";

    private static final int CHART_WIDTH = 9;
    private static final int CHART_HEIGHT = 20;

    private final XSSFSheet sheet;
    private final int threshold;
    private final Styles styles;
    private XSSFDrawing drawing;
    private int next;

    private SummarySheet(XSSFSheet sheet, int threshold, Styles styles) {
        this.sheet = sheet;
        this.threshold = threshold;
        this.styles = styles;
    }

    /** The table whose total line is the mix: the orientation table when there is one. */
    static PublishedTable mixTable(List<PublishedTable> tables) {
        return tables.stream().filter(t -> MIX_TABLE_KEY.equals(t.key())).findFirst()
                .orElse(tables.isEmpty() ? null : tables.get(0));
    }

    static void write(XSSFSheet sheet, PublishedTable mix, PublishedTable first, List<PublishedRow> firstRows,
            int threshold, Styles styles) {
        new SummarySheet(sheet, threshold, styles).fill(mix, first, firstRows);
    }

    private void fill(PublishedTable mix, PublishedTable first, List<PublishedRow> firstRows) {
        sheet.setColumnWidth(0, 40 * 256);
        text(sheet.createRow(next++), 0, "Synthèse", styles.title);
        text(sheet.createRow(next++), 0, "Chaque graphique reprend le tableau placé à sa gauche ou au-dessus. "
                + "Les cases masquées (« " + Markers.HIDDEN + " ») n'y figurent pas.", styles.text);
        next++;
        if (mix == null) {
            text(sheet.createRow(next), 0, "Aucun tableau dans cette publication.", styles.text);
            return;
        }
        mixChart(mix);
        next++;
        firstRowsChart(first, firstRows);
    }

    /** Column labels of the mix table down column A, the total line's counts in column B. */
    private void mixChart(PublishedTable mix) {
        int top = next;
        text(sheet.createRow(next++), 0, "Répartition : " + mix.title() + " (ligne Total)", styles.header);
        Row header = sheet.createRow(next++);
        text(header, 0, "Catégorie", styles.header);
        text(header, 1, "Effectif", styles.header);
        int first = next;
        List<String> labels = mix.columnLabels();
        for (int c = 0; c < labels.size(); c++) {
            Row row = sheet.createRow(next++);
            text(row, 0, labels.get(c), styles.label);
            count(row, 1, mix.total() == null ? null : mix.total().cells().get(c));
        }
        int last = next - 1;
        if (labels.isEmpty() || mix.total() == null) {
            text(sheet.createRow(next++), 0, "Aucune donnée à représenter.", styles.text);
            return;
        }
        XSSFChart chart = chart(3, top, 3 + CHART_WIDTH, top + CHART_HEIGHT);
        chart.setTitleText("Répartition : " + mix.title());
        chart.setTitleOverlay(false);
        // horizontal bars: long French labels stay readable on the vertical axis
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.BAR);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        addSeries(data, new CellRangeAddress(first, last, 0, 0), new CellRangeAddress(first, last, 1, 1),
                "Effectif", new CellReference(sheet.getSheetName(), top + 1, 1, true, true));
        chart.plot(data);
        next = Math.max(next, top + CHART_HEIGHT + 1);
    }

    /** The first rows of the first table: one series per column, one group of bars per row. */
    private void firstRowsChart(PublishedTable table, List<PublishedRow> rows) {
        int top = next;
        text(sheet.createRow(next++), 0, table.title() + " : " + (rows.size() < TableSheet.CHART_ROWS
                ? "toutes les lignes" : "les " + TableSheet.CHART_ROWS + " premières lignes"), styles.header);
        Row header = sheet.createRow(next++);
        int columns = table.columnLabels().size();
        text(header, 0, table.rowTitle(), styles.header);
        for (int c = 0; c < columns; c++) {
            text(header, 1 + c, table.columnLabels().get(c), styles.header);
            sheet.setColumnWidth(1 + c, 14 * 256);
        }
        int first = next;
        for (PublishedRow data : rows) {
            Row row = sheet.createRow(next++);
            text(row, 0, data.label(), styles.label);
            for (int c = 0; c < columns; c++) {
                count(row, 1 + c, data.cells().get(c));
            }
        }
        int last = next - 1;
        if (rows.isEmpty() || columns == 0) {
            text(sheet.createRow(next), 0, "Aucune ligne à représenter.", styles.text);
            return;
        }
        next++;
        XSSFChart chart = chart(0, next, Math.max(CHART_WIDTH, columns + 1), next + CHART_HEIGHT);
        chart.setTitleText(table.title());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (int c = 0; c < columns; c++) {
            addSeries(data, new CellRangeAddress(first, last, 0, 0),
                    new CellRangeAddress(first, last, 1 + c, 1 + c), table.columnLabels().get(c),
                    new CellReference(sheet.getSheetName(), top + 1, 1 + c, true, true));
        }
        chart.plot(data);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    }

    private void addSeries(XDDFBarChartData data, CellRangeAddress labels, CellRangeAddress counts,
            String title, CellReference titleCell) {
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet, labels);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, counts);
        data.addSeries(categories, values).setTitle(title, titleCell);
    }

    private XSSFChart chart(int col1, int row1, int col2, int row2) {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        return drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
    }

    private void count(Row row, int column, Cell cell) {
        if (cell == null) {
            return;
        }
        org.apache.poi.ss.usermodel.Cell target = row.createCell(column);
        if (cell.published()) {
            target.setCellValue(cell.count());
            target.setCellStyle(styles.integer);
        } else {
            target.setCellValue(Markers.of(cell));
            target.setCellStyle(styles.marker);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }
}
