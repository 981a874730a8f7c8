package io.chainlens.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

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
		List<ExportGap> gaps = FORMULAS.stream().map(name -> gap(name, -1.5, -2)).toList();

		List<CSVRecord> records = parse(CsvFile.write(export(gaps)));

		for (int i = 0; i < FORMULAS.size(); i++) {
			CSVRecord record = records.get(i + 1);
			assertThat(record.get(column("候选企业"))).isEqualTo("'" + FORMULAS.get(i));
			assertThat(record.get(column("候选企业英文名"))).isEqualTo("'" + FORMULAS.get(i));
			assertThat(record.get(column("说明"))).isEqualTo("'" + FORMULAS.get(i));
		}
	}

	@Test
	void quotesInsideAFormulaAreEscapedAsRfc4180Says() {
		String text = new String(CsvFile.write(export(List.of(gap(FORMULAS.get(0), 1, 1)))), StandardCharsets.UTF_8);

		assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	}

	@Test
	void negativeFiguresStayNumbersAndOrdinaryTextIsUnchanged() throws IOException {
		List<CSVRecord> records = parse(CsvFile.write(export(List.of(gap("通威股份 = Tongwei", -1.5, -2)))));

		CSVRecord record = records.get(1);
		assertThat(record.get(column("严重度"))).isEqualTo("-1.5");
		assertThat(record.get(column("候选排名"))).isEqualTo("-2");
		assertThat(record.get(column("候选企业"))).isEqualTo("通威股份 = Tongwei");
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

	@Test
	void figuresAreRoundedAsTheSpreadsheetShowsThemAndAnUnknownStaysEmpty() throws IOException {
		ExportGap gap = new ExportGap(1, "晶硅光伏", "市工信局", "环节", "多晶硅", "本地供给不足", "强链", 1.23456, 12345.6789, null, "t",
				0.42345, "本地需求：未知", 0.0123456, "否", 0, 3, "概要", "说明", "现状（CURRENT）", Sources.NONE,
				List.of(new ExportCandidate(1, "通威股份", "Tongwei", "多晶硅", "四川省", "乐山市（在产）", 460000.0, "t", 0.61234,
						"通威股份，总部四川省。", "综合得分 0.6123", Sources.NONE)));

		CSVRecord record = parse(CsvFile.write(export(List.of(gap)))).get(1);

		assertThat(record.get(column("严重度"))).isEqualTo("1.23");
		assertThat(record.get(column("本地产能"))).isEqualTo("12345.68");
		assertThat(record.get(column("本地需求"))).isEmpty();
		assertThat(record.get(column("自给率"))).isEqualTo("0.423");
		assertThat(record.get(column("其中估算产能"))).isEqualTo("0.0123");
		assertThat(record.get(column("评分"))).isEqualTo("0.612");
		assertThat(record.get(column("候选产能"))).isEqualTo("460000");
	}

	private static int column(String header) {
		return Sheets.CSV.stream().map(Field::header).toList().indexOf(header);
	}

	private static ExportGap gap(String name, double severity, int rank) {
		return new ExportGap(1, "晶硅光伏", "市工信局", "环节", "多晶硅", "缺失环节", "补链", severity, null, null, "t", null, "未知", null,
				"是", 0, 0, "本地没有生产企业", name, "现状（CURRENT）", Sources.of(List.of("seed §1"), "包党发〔2024〕1号"),
				List.of(new ExportCandidate(rank, name, name, "多晶硅", "四川", "乐山（在产）", 1.0, "t", 0.5, "概要", "理由",
						Sources.of(List.of("public: x.org/a"), "包党发〔2024〕1号"))));
	}

	private static GapsExport export(List<ExportGap> gaps) {
		return new GapsExport(null, "包头市", "pv", "晶硅光伏", gaps, List.of(), Map.of(),
				new GapsExport.DataDate("包党发〔2024〕1号", "2024-01-01", null), ZonedDateTime.now());
	}

	private static List<CSVRecord> parse(byte[] body) throws IOException {
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
			return parser.getRecords();
		}
	}

}
