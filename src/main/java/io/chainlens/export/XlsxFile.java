package io.chainlens.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an export as an Excel workbook for a meeting: 缺口总览 first (a gap a row, the most
 * severe first across chains, with the three best candidates in a sentence each), then
 * 缺口明细 (every figure, the explanation once per gap), 候选企业 (a candidate a row) and 说明.
 * Each data sheet has the title and the data's date above a frozen, filtered header that
 * is repeated on every printed page, wrapped text, whole numbers and percents as such,
 * and prints landscape, one page wide.
 */
final class XlsxFile {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String OVERVIEW_SHEET = "缺口总览";

	static final String GAPS_SHEET = "缺口明细";

	static final String CANDIDATES_SHEET = "候选企业";

	static final String NOTES_SHEET = "说明";

	/** The row of the headers: the title and the data line are above it. */
	static final int HEADER_ROW = 2;

	// Excel keeps at most 32767 characters in a cell
	private static final int MAX_CELL = 32767;

	private XlsxFile() {
	}

	static byte[] write(GapsExport export) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			writeTable(workbook, styles, OVERVIEW_SHEET, export, Sheets.OVERVIEW, export.gaps());
			writeTable(workbook, styles, GAPS_SHEET, export, Sheets.GAPS, export.gaps());
			writeTable(workbook, styles, CANDIDATES_SHEET, export, Sheets.CANDIDATES,
					Sheets.lines(export.gaps(), false));
			writeNotes(workbook, styles, export.notes());
			workbook.setActiveSheet(0);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The workbook could not be written", ex);
		}
	}

	private static <T> void writeTable(XSSFWorkbook workbook, Styles styles, String name, GapsExport export,
			List<Field<T>> fields, List<T> rows) {
		Sheet sheet = workbook.createSheet(name);
		int last = fields.size() - 1;
		title(sheet, 0, export.title(), styles.title, last);
		title(sheet, 1, export.subtitle(), styles.subtitle, last);
		Row head = sheet.createRow(HEADER_ROW);
		for (int c = 0; c < fields.size(); c++) {
			Cell cell = head.createCell(c);
			cell.setCellValue(fields.get(c).header());
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(c, fields.get(c).width() * 2 * 256);
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(HEADER_ROW + 1 + r);
			for (int c = 0; c < fields.size(); c++) {
				Field<T> field = fields.get(c);
				Object value = field.valueOf(rows.get(r));
				if (value == null || (value instanceof Sources sources && sources.isEmpty())) {
					continue;
				}
				Cell cell = row.createCell(c);
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
					cell.setCellStyle(styles.number(field.format().excel(number.doubleValue())));
				}
				else {
					String text = value.toString();
					cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
					cell.setCellStyle(styles.text);
					if (value instanceof Sources sources && sources.link() != null) {
						Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
						link.setAddress(sources.link());
						cell.setHyperlink(link);
						cell.setCellStyle(styles.link);
					}
				}
			}
		}
		sheet.createFreezePane(0, HEADER_ROW + 1);
		sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + Math.max(rows.size(), 1), 0, last));
		print(sheet, export.title());
	}

	private static void title(Sheet sheet, int r, String text, CellStyle style, int lastColumn) {
		Row row = sheet.createRow(r);
		Cell cell = row.createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(style);
		if (lastColumn > 0) {
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
		}
		row.setHeightInPoints(r == 0 ? 24 : 30);
	}

	/**
	 * Landscape A4, one page wide and as many long as it takes, the header row on every
	 * page, the title and page numbers in the margins: printed for a meeting as it is.
	 */
	private static void print(Sheet sheet, String title) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setLandscape(true);
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.6);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.getHeader().setCenter(title);
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

	private static void writeNotes(XSSFWorkbook workbook, Styles styles, List<List<String>> notes) {
		Sheet sheet = workbook.createSheet(NOTES_SHEET);
		for (int r = 0; r < notes.size(); r++) {
			Row row = sheet.createRow(r);
			List<String> line = notes.get(r);
			for (int c = 0; c < line.size(); c++) {
				Cell cell = row.createCell(c);
				cell.setCellValue(line.get(c));
				cell.setCellStyle(styles.text);
			}
		}
		sheet.setColumnWidth(0, 20 * 256);
		sheet.setColumnWidth(1, 90 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	/** The workbook's cell styles, each made once (a workbook holds a limited number). */
	private static final class Styles {

		private final XSSFWorkbook workbook;

		final CellStyle title;

		final CellStyle subtitle;

		final CellStyle header;

		final CellStyle text;

		final CellStyle link;

		private final Map<String, CellStyle> numbers = new HashMap<>();

		Styles(XSSFWorkbook workbook) {
			this.workbook = workbook;
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title = workbook.createCellStyle();
			title.setFont(big);
			title.setVerticalAlignment(VerticalAlignment.CENTER);
			subtitle = wrapped();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = wrapped();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			text = wrapped();
			Font blue = workbook.createFont();
			blue.setUnderline(Font.U_SINGLE);
			blue.setColor(IndexedColors.BLUE.getIndex());
			link = wrapped();
			link.setFont(blue);
		}

		CellStyle number(String format) {
			return numbers.computeIfAbsent(format, f -> {
				CellStyle style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(f));
				style.setVerticalAlignment(VerticalAlignment.TOP);
				return style;
			});
		}

		private CellStyle wrapped() {
			CellStyle style = workbook.createCellStyle();
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			return style;
		}

	}

}
