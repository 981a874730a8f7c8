package io.chainlens.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an export as CSV, a gap and candidate a row with every column (a gap without
 * candidates once, its candidate columns empty), the most severe gap first across chains:
 * UTF-8 with a byte-order mark (Excel reads the Chinese headers right only with it), RFC
 * 4180 quoting, figures in plain decimals rounded as in the XLSX, sources as references.
 *
 * <p>
 * Names and sources are written by chain leads, and a spreadsheet runs a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a
 * formula ({@code =HYPERLINK(…)} sends data elsewhere, DDE runs programs). Such a text
 * cell gets a leading single quote, as the OWASP CSV-injection guidance says, so that it
 * shows as the text it is; figures are written as numbers and keep their sign.
 */
final class CsvFile {

	static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

	private CsvFile() {
	}

	static byte[] write(GapsExport export) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		List<Field<Sheets.Line>> columns = Sheets.CSV;
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			List<String> header = new ArrayList<>();
			for (Field<Sheets.Line> column : columns) {
				header.add(column.header());
			}
			printer.printRecord(header);
			for (Sheets.Line line : Sheets.lines(export.gaps(), true)) {
				List<String> record = new ArrayList<>();
				for (Field<Sheets.Line> column : columns) {
					record.add(text(column.valueOf(line)));
				}
				printer.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The CSV could not be written", ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double number) {
			// no exponent: 1.2E7 is not what a reader of a spreadsheet expects
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number number) {
			// a figure, also when negative: a number, not a formula
			return number.toString();
		}
		return neutralised(value.toString());
	}

	/** A text cell a spreadsheet shows as text instead of running it as a formula. */
	static String neutralised(String text) {
		if (text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
			default -> text;
		};
	}

}
