package fr.repere.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Edits a decision table the way an analyst would in LibreOffice, for tests: change one cell of a row. */
final class TableEdits {

    private TableEdits() {
    }

    /** Sets the cell of row {@code rowName} under the column whose French header is {@code header}. */
    static byte[] setCell(byte[] xlsx, String rowName, String header, String value) {
        return edit(xlsx, sheet -> {
            Row row = findRow(sheet, rowName);
            int column = findColumn(sheet, row.getRowNum(), header);
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            cell.setCellValue(value);
        });
    }

    /** Replaces the text of the first cell (any row) whose text starts with {@code prefix}: e.g. a code row. */
    static byte[] replaceCellStartingWith(byte[] xlsx, String prefix, String value) {
        return edit(xlsx, sheet -> {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith(prefix)) {
                        cell.setCellValue(value);
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no cell starting with " + prefix);
        });
    }

    private static byte[] edit(byte[] xlsx, Consumer<Sheet> change) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row findRow(Sheet sheet, String rowName) {
        for (Row row : sheet) {
            Cell name = row.getCell(1);
            if (name != null && rowName.equals(name.toString())) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row " + rowName);
    }

    /** The nearest header row above {@code dataRow} holding {@code header}. */
    private static int findColumn(Sheet sheet, int dataRow, String header) {
        for (int r = dataRow - 1; r >= 0; r--) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                if (header.equals(cell.toString())) {
                    return cell.getColumnIndex();
                }
            }
        }
        throw new IllegalArgumentException("no column " + header + " above row " + dataRow);
    }
}
