package io.chainlens.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 招商清单 downloads hold, row for row, the gaps and candidates the GraphQL API answers;
 * bad requests get a status and a message, not a file.
 */
@ChainlensTest
class GapExportTest {

	private static final List<String> HEADERS = List.of("产业链", "环节", "产品", "缺口类型", "行动", "严重度", "本地产能", "本地需求", "单位",
			"自给率", "数据可信度", "其中估算产能", "数据完整", "产能未知基地数", "受影响本地企业数", "说明", "情景", "数据来源", "候选排名", "候选企业", "候选企业英文名",
			"候选产品", "候选企业总部", "候选企业基地", "候选产能", "候选产能单位", "评分", "理由", "候选来源");

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seed() {
		graph.seed();
	}

	record Named(String id, String nameZh, String name) {
	}

	record ApiCandidate(Named company, Double capacity, double score) {
	}

	record ApiGap(Named chain, Named product, String kind, double severity, Double localCapacity, Double localDemand,
			String unit, String explanation, List<ApiCandidate> candidates) {
	}

	/**
	 * A row as the test reads it back: the gap's product, kind, severity and figures, the
	 * candidate's rank, name and score.
	 */
	record Line(String chain, String product, String kind, Double severity, Double localCapacity, Double localDemand,
			String unit, String explanation, Integer rank, String company, String companyName, Double capacity,
			Double score) {
	}

	@Test
	void xlsxOfOneChainHoldsEachGapWithEachCandidateAsTheApiAnswers() throws Exception {
		MockHttpServletResponse response = download(get("/export/gaps.xlsx").param("chainId", "pv"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(XlsxFile.CONTENT_TYPE);
		assertThat(response.getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"chainlens-gaps-pv-CURRENT-")
			.endsWith(".xlsx")
			// 招商清单-晶硅光伏-CURRENT-…
			.contains(
					"filename*=UTF-8''%E6%8B%9B%E5%95%86%E6%B8%85%E5%8D%95-%E6%99%B6%E7%A1%85%E5%85%89%E4%BC%8F-CURRENT-");
		keep("gaps-pv-CURRENT.xlsx", response.getContentAsByteArray());
		List<ApiGap> gaps = apiGaps("pv", "CURRENT", null, 5);
		assertThat(gaps).isNotEmpty();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheet("招商清单");
			assertThat(cells(sheet.getRow(0))).containsExactlyElementsOf(HEADERS);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getLastRowNum()).isEqualTo(expectedRowCount(gaps));
			List<Line> lines = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				lines.add(line(sheet.getRow(r)));
			}
			assertThat(lines).containsExactlyElementsOf(expected(gaps));
			Sheet notes = workbook.getSheet("说明");
			assertThat(notes).isNotNull();
			assertThat(cells(notes.getRow(2))).containsExactly("关注地区", "包头市");
		}
	}

	@Test
	void xlsxFiguresAreNumericCells() throws Exception {
		byte[] file = download(get("/export/gaps.xlsx").param("chainId", "rare-earth").param("scenario", "PLANNED"))
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheet("招商清单");
			int figures = 0;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				for (String header : List.of("严重度", "本地产能", "本地需求", "自给率", "候选排名", "候选产能", "评分")) {
					Cell cell = row.getCell(HEADERS.indexOf(header));
					if (cell != null) {
						assertThat(cell.getCellType()).as(header + " in row " + r).isEqualTo(CellType.NUMERIC);
						figures++;
					}
				}
			}
			assertThat(figures).isGreaterThan(sheet.getLastRowNum());
		}
	}

	@Test
	void csvStartsWithAByteOrderMarkAndHoldsTheApisRows() throws Exception {
		MockHttpServletResponse response = download(get("/export/gaps.csv").param("chainId", "storage-hydrogen")
			.param("scenario", "PLANNED")
			.param("kinds", "MISSING,SHORTFALL,SINGLE_SOURCE")
			.param("candidates", "3"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition")).contains("chainlens-gaps-storage-hydrogen-PLANNED-")
			.contains(".csv");
		byte[] body = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<ApiGap> gaps = apiGaps("storage-hydrogen", "PLANNED", List.of("MISSING", "SHORTFALL", "SINGLE_SOURCE"), 3);
		assertThat(gaps).isNotEmpty();
		List<CSVRecord> records = csv(body);
		assertThat(records.get(0).toList()).containsExactlyElementsOf(HEADERS);
		assertThat(records.subList(1, records.size()).stream().map(GapExportTest::line).toList())
			.containsExactlyElementsOf(expected(gaps));
		assertThat(records.subList(1, records.size()))
			.allSatisfy(r -> assertThat(r.get(HEADERS.indexOf("情景"))).isEqualTo("规划（PLANNED）"));
	}

	@Test
	void anUnknownCapacityIsAnEmptyCellWithItsTrustSaidNeverZero() throws Exception {
		// the seed has local producers of unknown capacity (e.g. 稀土精矿 at Bayan Obo in
		// the rare-earth chain): their capacity cell is empty and 数据可信度 says 未知
		List<CSVRecord> records = csv(
				download(get("/export/gaps.csv").param("chainId", "rare-earth").param("candidates", "1"))
					.getContentAsByteArray());
		List<CSVRecord> rows = records.subList(1, records.size());
		int capacity = HEADERS.indexOf("本地产能");
		int self = HEADERS.indexOf("自给率");
		int trust = HEADERS.indexOf("数据可信度");
		List<CSVRecord> unknown = rows.stream().filter(r -> r.get(trust).startsWith("本地产能：未知")).toList();
		assertThat(unknown).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get(capacity)).isEmpty();
			assertThat(r.get(self)).isEmpty();
			assertThat(r.get(trust)).contains("有生产、产能未知");
		});
		assertThat(rows).allSatisfy(r -> assertThat(r.get(trust)).startsWith("本地产能："));
	}

	@Test
	void namesThatASpreadsheetWouldRunAsFormulasAreTextInBothFiles() throws Exception {
		List<String> formulas = CsvFileTest.FORMULAS;
		List<String> candidates = apiGaps("pv", "CURRENT", null, 5).stream()
			.flatMap(g -> g.candidates().stream())
			.map(c -> c.company().nameZh())
			.distinct()
			.limit(formulas.size())
			.toList();
		assertThat(candidates).hasSize(formulas.size());
		for (int i = 0; i < formulas.size(); i++) {
			graph.write("MATCH (c:Company {nameZh: $nameZh}) SET c.nameZh = $formula, c.name = $formula",
					Map.of("nameZh", candidates.get(i), "formula", formulas.get(i)));
		}

		List<CSVRecord> records = csv(download(get("/export/gaps.csv").param("chainId", "pv")).getContentAsByteArray());
		Set<String> companies = new LinkedHashSet<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			companies.add(record.get(HEADERS.indexOf("候选企业")));
			for (String cell : record) {
				// a cell that a spreadsheet reads as a formula is a figure, nothing else
				if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
					assertThat(Double.valueOf(cell)).as(cell).isNotNull();
				}
			}
		}
		assertThat(companies).containsAll(formulas.stream().map(f -> "'" + f).toList());

		byte[] xlsx = download(get("/export/gaps.xlsx").param("chainId", "pv")).getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("招商清单");
			Set<String> names = new LinkedHashSet<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				sheet.getRow(r)
					.forEach(cell -> assertThat(cell.getCellType()).as(cell.getAddress().formatAsString())
						.isIn(CellType.STRING, CellType.NUMERIC));
				Cell company = sheet.getRow(r).getCell(HEADERS.indexOf("候选企业"));
				if (company != null) {
					names.add(company.getStringCellValue());
				}
			}
			// a string cell is never run: the name as written, with no quote
			assertThat(names).containsAll(formulas);
		}
	}

	@Test
	void aGapWithoutCandidatesHasOneRowWithEmptyCandidateColumns() throws Exception {
		List<ApiGap> gaps = apiGaps("wind", "CURRENT", List.of("NO_INNOVATION_SUPPORT"), 5);
		assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g.candidates()).isEmpty());

		List<CSVRecord> records = csv(
				download(get("/export/gaps.csv").param("chainId", "wind").param("kinds", "NO_INNOVATION_SUPPORT"))
					.getContentAsByteArray());

		assertThat(records).hasSize(gaps.size() + 1);
		for (CSVRecord record : records.subList(1, records.size())) {
			assertThat(record.get(3)).isEqualTo("缺创新平台");
			assertThat(record.toList().subList(HEADERS.indexOf("候选排名"), HEADERS.size())).allMatch(String::isEmpty);
		}
	}

	@Test
	void allChainsExportCoversEveryChainHavingGaps() throws Exception {
		List<Named> chains = graphQl.documentName("chains").execute().path("chains").entityList(Named.class).get();
		Set<String> withGaps = new LinkedHashSet<>();
		int expectedRows = 0;
		for (Named chain : chains) {
			List<ApiGap> gaps = apiGaps(chain.id(), "CURRENT", null, 5);
			if (!gaps.isEmpty()) {
				withGaps.add(chain.nameZh());
			}
			expectedRows += expectedRowCount(gaps);
		}
		assertThat(withGaps).hasSizeGreaterThan(1);

		MockHttpServletResponse response = download(get("/export/gaps.csv"));

		assertThat(response.getHeader("Content-Disposition")).contains("chainlens-gaps-all-chains-CURRENT-")
			// 全部产业链
			.contains("%E5%85%A8%E9%83%A8%E4%BA%A7%E4%B8%9A%E9%93%BE");
		keep("gaps-all-chains-CURRENT.csv", response.getContentAsByteArray());
		List<CSVRecord> records = csv(response.getContentAsByteArray());
		assertThat(records).hasSize(expectedRows + 1);
		assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0)).distinct())
			.containsExactlyInAnyOrderElementsOf(withGaps);
	}

	@Test
	void anUnknownChainIsNotFoundWithAMessage() throws Exception {
		MockHttpServletResponse response = download(get("/export/gaps.xlsx").param("chainId", "no-such-chain"));

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("no chain with id 'no-such-chain'");
		assertThat(response.getHeader("Content-Disposition")).isNull();
	}

	@Test
	void aBadScenarioKindOrCandidateCountIsRefusedWithAMessage() throws Exception {
		assertRefused(get("/export/gaps.csv").param("scenario", "LATER"), "scenario must be CURRENT or PLANNED");
		assertRefused(get("/export/gaps.xlsx").param("kinds", "MISSING,SOMETIMES"),
				"kinds must be a comma-separated list of MISSING,PIPELINE_ONLY");
		assertRefused(get("/export/gaps.csv").param("candidates", "0"),
				"candidates must be a whole number between 1 and 100");
		assertRefused(get("/export/gaps.csv").param("candidates", "101"), "not '101'");
		assertRefused(get("/export/gaps.xlsx").param("chainId", "pv").param("candidates", "five"), "not 'five'");
	}

	private void assertRefused(MockHttpServletRequestBuilder request, String message) throws Exception {
		MockHttpServletResponse response = download(request);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(message);
		assertThat(response.getHeader("Content-Disposition")).isNull();
	}

	/** Keeps a download in target/exports for a person to open. */
	private static void keep(String name, byte[] body) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "exports"));
		Files.write(folder.resolve(name), body);
	}

	private MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private List<ApiGap> apiGaps(String chainId, String scenario, List<String> kinds, int candidates) {
		return graphQl.documentName("exportedGaps")
			.variable("chainId", chainId)
			.variable("scenario", scenario)
			.variable("kinds", kinds)
			.variable("candidates", candidates)
			.execute()
			.path("gaps")
			.entityList(ApiGap.class)
			.get();
	}

	private static int expectedRowCount(List<ApiGap> gaps) {
		return gaps.stream().mapToInt(g -> Math.max(1, g.candidates().size())).sum();
	}

	private static List<Line> expected(List<ApiGap> gaps) {
		List<Line> lines = new ArrayList<>();
		for (ApiGap g : gaps) {
			String kind = ExportRows.KIND_LABELS.get(g.kind());
			if (g.candidates().isEmpty()) {
				lines.add(new Line(g.chain().nameZh(), g.product().nameZh(), kind, g.severity(), g.localCapacity(),
						g.localDemand(), g.unit(), g.explanation(), null, null, null, null, null));
			}
			for (int i = 0; i < g.candidates().size(); i++) {
				ApiCandidate c = g.candidates().get(i);
				lines.add(new Line(g.chain().nameZh(), g.product().nameZh(), kind, g.severity(), g.localCapacity(),
						g.localDemand(), g.unit(), g.explanation(), i + 1, c.company().nameZh(), c.company().name(),
						c.capacity(), c.score()));
			}
		}
		return lines;
	}

	private static Line line(Row row) {
		DataFormatter text = new DataFormatter();
		return new Line(text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(2)),
				text.formatCellValue(row.getCell(3)), number(row, "严重度"), number(row, "本地产能"), number(row, "本地需求"),
				string(row, "单位"), string(row, "说明"), integer(number(row, "候选排名")), string(row, "候选企业"),
				string(row, "候选企业英文名"), number(row, "候选产能"), number(row, "评分"));
	}

	private static Line line(CSVRecord r) {
		return new Line(r.get(0), r.get(2), r.get(3), number(r.get(5)), number(r.get(6)), number(r.get(7)),
				empty(r.get(8)), empty(r.get(HEADERS.indexOf("说明"))), integer(number(r.get(HEADERS.indexOf("候选排名")))),
				empty(r.get(HEADERS.indexOf("候选企业"))), empty(r.get(HEADERS.indexOf("候选企业英文名"))),
				number(r.get(HEADERS.indexOf("候选产能"))), number(r.get(HEADERS.indexOf("评分"))));
	}

	private static Double number(Row row, String header) {
		Cell cell = row.getCell(HEADERS.indexOf(header));
		return cell == null ? null : cell.getNumericCellValue();
	}

	private static String string(Row row, String header) {
		Cell cell = row.getCell(HEADERS.indexOf(header));
		return cell == null ? null : cell.getStringCellValue();
	}

	private static Double number(String text) {
		return text.isEmpty() ? null : Double.valueOf(text);
	}

	private static Integer integer(Double number) {
		return number == null ? null : number.intValue();
	}

	private static String empty(String text) {
		return text.isEmpty() ? null : text;
	}

	private static List<String> cells(Row row) {
		DataFormatter text = new DataFormatter();
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(text.formatCellValue(cell)));
		return cells;
	}

	private static List<CSVRecord> csv(byte[] body) throws IOException {
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
			return parser.getRecords();
		}
	}

}
