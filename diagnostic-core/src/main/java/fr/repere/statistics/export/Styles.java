package fr.repere.statistics.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles of an export, created once per workbook (a workbook holds at most 64,000
 * styles: one per cell would break a big table).
 */
final class Styles {

    /** Integer with a thousands separator, shown « 12 345 » by a French spreadsheet. */
    static final String INTEGER_FORMAT = "#,##0";
    static final String SHARE_FORMAT = "0.0%";

    final CellStyle title;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle label;
    final CellStyle header;
    final CellStyle integer;
    final CellStyle share;
    final CellStyle marker;
    final CellStyle totalLabel;
    final CellStyle totalInteger;
    final CellStyle totalShare;
    final CellStyle totalMarker;

    Styles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        short integerFormat = workbook.createDataFormat().getFormat(INTEGER_FORMAT);
        short shareFormat = workbook.createDataFormat().getFormat(SHARE_FORMAT);

        title = workbook.createCellStyle();
        title.setFont(big);
        text = workbook.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        label = workbook.createCellStyle();

        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);

        integer = workbook.createCellStyle();
        integer.setDataFormat(integerFormat);
        share = workbook.createCellStyle();
        share.setDataFormat(shareFormat);
        // a marker stands where a number would: aligned like one
        marker = workbook.createCellStyle();
        marker.setAlignment(HorizontalAlignment.RIGHT);

        totalLabel = totalOf(workbook, label, bold);
        totalInteger = totalOf(workbook, integer, bold);
        totalShare = totalOf(workbook, share, bold);
        totalMarker = totalOf(workbook, marker, bold);
    }

    private static CellStyle totalOf(Workbook workbook, CellStyle base, Font bold) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setFont(bold);
        style.setBorderTop(BorderStyle.THIN);
        return style;
    }
}
