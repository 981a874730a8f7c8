package io.chainlens.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text cell that a spreadsheet would run as a formula is written as text (OWASP
 * CSV-injection guidance); figures stay numbers, negative ones too.
 */
class CsvFileTest {

	static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0",
			"-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1");

	@Test
	void textCellsThatWouldRunAsFormulasGetALeadingQuote() throws IOException {
		List<ExportRow> rows = FORMULAS.stream().map(name -> row(name, -1.5, -2)).toList();

		List<CSVRecord> records = parse(CsvFile.write(export(rows)));

		for (int i = 0; i < FORMULAS.size(); i++) {
			CSVRecord record = records.get(i + 1);
			assertThat(record.get(Column.COMPANY.ordinal())).isEqualTo("'" + FORMULAS.get(i));
			assertThat(record.get(Column.COMPANY_NAME.ordinal())).isEqualTo("'" + FORMULAS.get(i));
			assertThat(record.get(Column.EXPLANATION.ordinal())).isEqualTo("'" + FORMULAS.get(i));
		}
	}

	@Test
	void quotesInsideAFormulaAreEscapedAsRfc4180Says() {
		String text = new String(CsvFile.write(export(List.of(row(FORMULAS.get(0), 1, 1)))), StandardCharsets.UTF_8);

		assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	}

	@Test
	void negativeFiguresStayNumbersAndOrdinaryTextIsUnchanged() throws IOException {
		List<CSVRecord> records = parse(CsvFile.write(export(List.of(row("通威股份 = Tongwei", -1.5, -2)))));

		CSVRecord record = records.get(1);
		assertThat(record.get(Column.SEVERITY.ordinal())).isEqualTo("-1.5");
		assertThat(record.get(Column.RANK.ordinal())).isEqualTo("-2");
		assertThat(record.get(Column.COMPANY.ordinal())).isEqualTo("通威股份 = Tongwei");
	}

	@Test
	void onlyTheOwaspLeadingCharactersAreNeutralised() {
		assertThat(CsvFile.neutralised("")).isEmpty();
		assertThat(CsvFile.neutralised("a=b")).isEqualTo("a=b");
		assertThat(CsvFile.neutralised(" =1")).isEqualTo(" =1");
		for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
			assertThat(CsvFile.neutralised(lead + "1")).isEqualTo("'" + lead + "1");
		}
	}

	private static ExportRow row(String name, double severity, int rank) {
		return new ExportRow("晶硅光伏", "环节", "多晶硅", "缺链", "补链", severity, null, null, "t", null, "未知", null, "是", 0, 0,
				name, "现状（CURRENT）", "seed §1", rank, name, name, "多晶硅", "四川", "乐山（在产）", 1.0, "t", 0.5, "理由",
				"public: x");
	}

	private static GapsExport export(List<ExportRow> rows) {
		return new GapsExport(null, "包头市", "pv", "晶硅光伏", rows, List.of(), ZonedDateTime.now());
	}

	private static List<CSVRecord> parse(byte[] body) throws IOException {
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
			return parser.getRecords();
		}
	}

}
