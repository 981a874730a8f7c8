package io.chainlens.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an export as an Excel workbook: the rows on a sheet 招商清单 (figures as numbers, a
 * frozen, filtered header row), and a sheet 说明 on what they are.
 */
final class XlsxFile {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String ROWS_SHEET = "招商清单";

	static final String NOTES_SHEET = "说明";

	private XlsxFile() {
	}

	static byte[] write(GapsExport export) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			writeRows(workbook, export.rows());
			writeNotes(workbook, export.notes());
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The workbook could not be written", ex);
		}
	}

	private static void writeRows(XSSFWorkbook workbook, List<ExportRow> rows) {
		Sheet sheet = workbook.createSheet(ROWS_SHEET);
		Column[] columns = Column.values();
		CellStyle header = headerStyle(workbook);
		CellStyle text = workbook.createCellStyle();
		text.setVerticalAlignment(VerticalAlignment.TOP);
		Map<String, CellStyle> numbers = new HashMap<>();
		Row head = sheet.createRow(0);
		for (Column column : columns) {
			Cell cell = head.createCell(column.ordinal());
			cell.setCellValue(column.header());
			cell.setCellStyle(header);
			sheet.setColumnWidth(column.ordinal(), column.width() * 256);
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			for (Column column : columns) {
				Object value = column.valueOf(rows.get(r));
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(column.ordinal());
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
					cell.setCellStyle(numbers.computeIfAbsent(column.numberFormat(), format -> {
						CellStyle style = workbook.createCellStyle();
						style.setDataFormat(workbook.createDataFormat().getFormat(format));
						style.setVerticalAlignment(VerticalAlignment.TOP);
						return style;
					}));
				}
				else {
					// Excel keeps at most 32767 characters in a cell
					String string = value.toString();
					cell.setCellValue(string.length() > 32767 ? string.substring(0, 32766) + "…" : string);
					cell.setCellStyle(text);
				}
			}
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, columns.length - 1));
	}

	private static void writeNotes(XSSFWorkbook workbook, List<List<String>> notes) {
		Sheet sheet = workbook.createSheet(NOTES_SHEET);
		CellStyle wrap = workbook.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		for (int r = 0; r < notes.size(); r++) {
			Row row = sheet.createRow(r);
			List<String> line = notes.get(r);
			for (int c = 0; c < line.size(); c++) {
				Cell cell = row.createCell(c);
				cell.setCellValue(line.get(c));
				cell.setCellStyle(wrap);
			}
		}
		sheet.setColumnWidth(0, 20 * 256);
		sheet.setColumnWidth(1, 60 * 256);
		sheet.setColumnWidth(2, 60 * 256);
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		return style;
	}

}
