package io.chainlens.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
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
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 招商清单 downloads hold the gaps and candidates the GraphQL API answers, in a form a
 * meeting can read: an overview sheet a gap a row, the most severe first across chains,
 * then the details; bad requests get a status and a message, not a file.
 */
@ChainlensTest
class GapExportTest {

	static final List<String> OVERVIEW = List.of("序号", "产业链", "牵头单位", "产品", "缺口类型", "行动", "严重度", "缺口概要", "建议招引企业（前三）");

	static final List<String> GAPS = List.of("序号", "产业链", "牵头单位", "环节", "产品", "缺口类型", "行动", "严重度", "本地产能", "本地需求", "单位",
			"自给率", "数据可信度", "其中估算产能", "数据完整", "产能未知基地数", "受影响本地企业数", "缺口概要", "说明", "情景", "数据来源");

	static final List<String> CANDIDATE = List.of("候选排名", "候选企业", "候选企业英文名", "候选产品", "候选企业总部", "候选企业基地", "候选产能",
			"候选产能单位", "评分", "候选概要", "评分依据", "候选来源");

	static final List<String> CANDIDATES = concat(List.of("缺口序号", "产业链", "产品", "缺口类型", "严重度"), CANDIDATE);

	static final List<String> CSV = concat(GAPS, CANDIDATE);

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

	record Unit(String nameZh) {
	}

	record ApiChain(String id, String nameZh, List<Unit> leadUnits) {
	}

	record ApiCandidate(Named company, Double capacity, double score, String summary) {
	}

	record ApiGap(ApiChain chain, Named product, String kind, double severity, Double localCapacity, Double localDemand,
			String unit, String explanation, List<ApiCandidate> candidates) {
	}

	@Test
	void theFirstSheetIsTheOverviewOfOneChainAGapARowWithTheThreeBestCandidatesInWords() throws Exception {
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
		try (XSSFWorkbook workbook = workbook(response)) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("缺口总览");
			assertThat(names(workbook)).containsExactly("缺口总览", "缺口明细", "候选企业", "说明");
			Sheet overview = workbook.getSheet("缺口总览");
			assertThat(cells(overview.getRow(XlsxFile.HEADER_ROW))).containsExactlyElementsOf(OVERVIEW);
			assertThat(overview.getPaneInformation().isFreezePane()).isTrue();
			List<Row> rows = dataRows(overview);
			assertThat(rows).hasSameSizeAs(gaps);
			for (int i = 0; i < gaps.size(); i++) {
				ApiGap gap = gaps.get(i);
				Row row = rows.get(i);
				assertThat(number(row, OVERVIEW, "序号")).isEqualTo(i + 1);
				assertThat(string(row, OVERVIEW, "产品")).isEqualTo(gap.product().nameZh());
				assertThat(string(row, OVERVIEW, "缺口类型")).isEqualTo(ExportRows.KIND_LABELS.get(gap.kind()));
				assertThat(string(row, OVERVIEW, "牵头单位")).isEqualTo(ExportRows.shortUnits(leadUnits(gap)));
				assertThat(number(row, OVERVIEW, "严重度")).isCloseTo(gap.severity(), within(0.005));
				assertThat(string(row, OVERVIEW, "缺口概要")).isNotBlank().doesNotContain("seed §");
				List<ApiCandidate> top = gap.candidates().subList(0, Math.min(3, gap.candidates().size()));
				String said = string(row, OVERVIEW, "建议招引企业（前三）");
				if (top.isEmpty()) {
					assertThat(said).isNull();
				}
				else {
					assertThat(said.split("\n")).hasSize(top.size());
					for (int c = 0; c < top.size(); c++) {
						assertThat(said.split("\n")[c]).isEqualTo((char) ('①' + c) + " " + top.get(c).summary());
					}
				}
			}
			// the formula stays out of the overview
			assertThat(text(overview)).doesNotContain("综合得分", "φ");
		}
	}

	@Test
	void theDetailSheetsHoldEachExplanationOnceAndEachCandidateOnce() throws Exception {
		List<ApiGap> gaps = apiGaps("pv", "CURRENT", null, 5);
		try (XSSFWorkbook workbook = workbook(download(get("/export/gaps.xlsx").param("chainId", "pv")))) {
			Sheet details = workbook.getSheet("缺口明细");
			assertThat(cells(details.getRow(XlsxFile.HEADER_ROW))).containsExactlyElementsOf(GAPS);
			List<Row> rows = dataRows(details);
			assertThat(rows).extracting(r -> string(r, GAPS, "说明"))
				.containsExactlyElementsOf(gaps.stream().map(ApiGap::explanation).toList());
			assertThat(rows).extracting(r -> number(r, GAPS, "本地产能"))
				.containsExactlyElementsOf(gaps.stream().map(g -> Format.AMOUNT.round(g.localCapacity())).toList());

			Sheet candidates = workbook.getSheet("候选企业");
			assertThat(cells(candidates.getRow(XlsxFile.HEADER_ROW))).containsExactlyElementsOf(CANDIDATES);
			List<Row> lines = dataRows(candidates);
			List<String> expected = new ArrayList<>();
			for (int g = 0; g < gaps.size(); g++) {
				for (int c = 0; c < gaps.get(g).candidates().size(); c++) {
					ApiCandidate candidate = gaps.get(g).candidates().get(c);
					expected.add((g + 1) + " " + (c + 1) + " " + candidate.company().nameZh() + " "
							+ Format.SCORE.round(candidate.score()) + " " + candidate.summary());
				}
			}
			assertThat(lines)
				.extracting(r -> number(r, CANDIDATES, "缺口序号").intValue() + " "
						+ number(r, CANDIDATES, "候选排名").intValue() + " " + string(r, CANDIDATES, "候选企业") + " "
						+ number(r, CANDIDATES, "评分") + " " + string(r, CANDIDATES, "候选概要"))
				.containsExactlyElementsOf(expected);
			assertThat(lines).allSatisfy(r -> assertThat(string(r, CANDIDATES, "评分依据")).contains("综合得分"));
		}
	}

	@Test
	void theFirstSheetOfAllChainsIsSortedBySeverityAcrossChains() throws Exception {
		List<Named> chains = graphQl.documentName("chains").execute().path("chains").entityList(Named.class).get();
		List<ApiGap> all = new ArrayList<>();
		for (Named chain : chains) {
			all.addAll(apiGaps(chain.id(), "CURRENT", null, 5));
		}

		byte[] file = download(get("/export/gaps.xlsx")).getContentAsByteArray();
		keep("gaps-all-chains-CURRENT.xlsx", file);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			List<Row> rows = dataRows(workbook.getSheetAt(0));
			assertThat(rows).hasSameSizeAs(all);
			List<Double> severities = rows.stream().map(r -> number(r, OVERVIEW, "严重度")).toList();
			assertThat(severities).isSortedAccordingTo(Comparator.reverseOrder());
			assertThat(severities).containsExactlyElementsOf(all.stream()
				.map(ApiGap::severity)
				.sorted(Comparator.reverseOrder())
				.map(s -> Format.SEVERITY.round(s))
				.toList());
			assertThat(rows).extracting(r -> number(r, OVERVIEW, "序号").intValue())
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().toList());
			// chains mixed, not one after the other: the most urgent first, whatever its
			// chain
			List<String> chainOrder = rows.stream().map(r -> string(r, OVERVIEW, "产业链")).toList();
			assertThat(new LinkedHashSet<>(chainOrder)).hasSizeGreaterThan(1);
			assertThat(changesOfChain(chainOrder)).isGreaterThan(new LinkedHashSet<>(chainOrder).size());
			// each gap's lead units are its chain's
			Map<String, String> leads = new LinkedHashMap<>();
			all.forEach(g -> leads.put(g.chain().nameZh(), ExportRows.shortUnits(leadUnits(g))));
			assertThat(rows).allSatisfy(
					r -> assertThat(string(r, OVERVIEW, "牵头单位")).isEqualTo(leads.get(string(r, OVERVIEW, "产业链"))));
		}
	}

	@Test
	void eachDataSheetPrintsLandscapeOnePageWideWithItsHeaderOnEveryPage() throws Exception {
		try (XSSFWorkbook workbook = workbook(download(get("/export/gaps.xlsx").param("chainId", "rare-earth")))) {
			for (String name : List.of("缺口总览", "缺口明细", "候选企业")) {
				Sheet sheet = workbook.getSheet(name);
				assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
				assertThat(sheet.getFitToPage()).as(name).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
				assertThat(sheet.getRepeatingRows())
					.isEqualTo(new CellRangeAddress(XlsxFile.HEADER_ROW, XlsxFile.HEADER_ROW, -1, -1));
				assertThat(sheet.getHeader().getCenter()).as(name).contains("稀土");
				assertThat(sheet.getFooter().getCenter()).contains("&P").contains("&N");
				for (Row row : dataRows(sheet)) {
					row.forEach(cell -> {
						if (cell.getCellType() == CellType.STRING) {
							assertThat(cell.getCellStyle().getWrapText()).as(cell.getAddress().formatAsString())
								.isTrue();
						}
					});
				}
			}
		}
	}

	@Test
	void countsAreWholeNumbersAndSharesPercentsInBothFilesRoundedAlike() throws Exception {
		byte[] xlsx = download(get("/export/gaps.xlsx").param("chainId", "rare-earth").param("scenario", "PLANNED"))
			.getContentAsByteArray();
		List<CSVRecord> csv = csv(
				download(get("/export/gaps.csv").param("chainId", "rare-earth").param("scenario", "PLANNED"))
					.getContentAsByteArray());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = dataRows(workbook.getSheet("缺口明细"));
			int shares = 0;
			for (Row row : rows) {
				assertThat(format(row, GAPS, "序号")).isEqualTo("#,##0");
				assertThat(format(row, GAPS, "受影响本地企业数")).isEqualTo("#,##0");
				Cell share = row.getCell(GAPS.indexOf("自给率"));
				if (share != null) {
					assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
					shares++;
				}
				Cell capacity = row.getCell(GAPS.indexOf("本地产能"));
				if (capacity != null && capacity.getNumericCellValue() == Math.rint(capacity.getNumericCellValue())) {
					// 5, not 5.
					assertThat(capacity.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
				}
			}
			assertThat(shares).isPositive();
			// the CSV's first line of each gap holds the XLSX's figures
			Map<Integer, CSVRecord> firstLine = new LinkedHashMap<>();
			for (CSVRecord record : csv.subList(1, csv.size())) {
				firstLine.putIfAbsent(Integer.valueOf(record.get(CSV.indexOf("序号"))), record);
			}
			assertThat(firstLine).hasSameSizeAs(rows);
			for (Row row : rows) {
				CSVRecord record = firstLine.get(number(row, GAPS, "序号").intValue());
				for (String figure : List.of("严重度", "本地产能", "本地需求", "自给率", "其中估算产能")) {
					String cell = record.get(CSV.indexOf(figure));
					assertThat(cell.isEmpty() ? null : Double.valueOf(cell)).as(figure)
						.isEqualTo(number(row, GAPS, figure));
				}
				assertThat(record.get(CSV.indexOf("说明"))).isEqualTo(string(row, GAPS, "说明"));
			}
			for (CSVRecord record : csv.subList(1, csv.size())) {
				assertThat(record.get(CSV.indexOf("严重度"))).matches("-?\\d+(\\.\\d{1,2})?");
				assertThat(record.get(CSV.indexOf("自给率"))).matches("|\\d+(\\.\\d{1,3})?");
				assertThat(record.get(CSV.indexOf("评分"))).matches("|\\d+(\\.\\d{1,3})?");
			}
		}
	}

	@Test
	void sourcesAreReferencesAReaderCanFollowWithLinks() throws Exception {
		try (XSSFWorkbook workbook = workbook(download(get("/export/gaps.xlsx").param("chainId", "pv")))) {
			String all = text(workbook.getSheet("缺口明细")) + text(workbook.getSheet("候选企业"));
			assertThat(all).doesNotContain("seed §").contains("包党发〔2024〕1号 第").contains("公开资料：");
			List<String> links = new ArrayList<>();
			for (String name : List.of("缺口明细", "候选企业")) {
				dataRows(workbook.getSheet(name)).forEach(r -> r.forEach(cell -> {
					if (cell.getHyperlink() != null) {
						links.add(cell.getHyperlink().getAddress());
					}
				}));
			}
			assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link).matches("https?://\\S+\\.\\S+"));
		}
	}

	@Test
	void theFileNamesTheLeadUnitsAndTheDatasDate() throws Exception {
		List<ApiGap> gaps = apiGaps("pv", "CURRENT", null, 1);
		try (XSSFWorkbook workbook = workbook(download(get("/export/gaps.xlsx").param("chainId", "pv")))) {
			Sheet overview = workbook.getSheet("缺口总览");
			assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("包头市产业链招商清单：晶硅光伏（现状情景）");
			assertThat(overview.getRow(1).getCell(0).getStringCellValue())
				.contains("牵头单位：" + ExportRows.shortUnits(leadUnits(gaps.get(0))))
				.contains("数据：包党发〔2024〕1号（2024-01-01）及所列公开资料")
				.contains("导出：");
			List<List<String>> notes = new ArrayList<>();
			workbook.getSheet("说明").forEach(row -> notes.add(cells(row)));
			assertThat(notes).contains(List.of("牵头单位", "晶硅光伏：" + leadUnits(gaps.get(0))));
			assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("数据"));
		}
		assertThat(leadUnits(gaps.get(0))).isNotBlank();
	}

	@Test
	void csvStartsWithAByteOrderMarkAndHoldsTheApisGapsAndCandidates() throws Exception {
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
		assertThat(records.get(0).toList()).containsExactlyElementsOf(CSV);
		List<String> expected = new ArrayList<>();
		for (ApiGap g : gaps) {
			if (g.candidates().isEmpty()) {
				expected.add(g.product().nameZh() + "|" + g.explanation() + "||");
			}
			for (int i = 0; i < g.candidates().size(); i++) {
				expected.add(g.product().nameZh() + "|" + g.explanation() + "|" + (i + 1) + "|"
						+ g.candidates().get(i).company().nameZh());
			}
		}
		assertThat(records.subList(1, records.size()))
			.extracting(r -> r.get(CSV.indexOf("产品")) + "|" + r.get(CSV.indexOf("说明")) + "|"
					+ r.get(CSV.indexOf("候选排名")) + "|" + r.get(CSV.indexOf("候选企业")))
			.containsExactlyElementsOf(expected);
		assertThat(records.subList(1, records.size()))
			.allSatisfy(r -> assertThat(r.get(CSV.indexOf("情景"))).isEqualTo("规划（PLANNED）"));
	}

	@Test
	void anUnknownCapacityIsAnEmptyCellWithItsTrustSaidNeverZero() throws Exception {
		// a local producer of unknown capacity (the seed has none left): its capacity
		// cell is empty and 数据可信度 says 未知
		String missing = apiGaps("metals", "CURRENT", List.of("MISSING"), 1).get(0).product().nameZh();
		graph.unstatedLine(
				(String) graph.rows("MATCH (p:Product {nameZh: $nameZh}) RETURN p.id AS id", Map.of("nameZh", missing))
					.get(0)
					.get("id"));
		List<CSVRecord> records = csv(
				download(get("/export/gaps.csv").param("candidates", "1")).getContentAsByteArray());
		List<CSVRecord> rows = records.subList(1, records.size());
		int capacity = CSV.indexOf("本地产能");
		int self = CSV.indexOf("自给率");
		int trust = CSV.indexOf("数据可信度");
		List<CSVRecord> unknown = rows.stream().filter(r -> r.get(trust).startsWith("本地产能：未知")).toList();
		assertThat(unknown).as("the rows of the product made at an unstated capacity").isNotEmpty().allSatisfy(r -> {
			assertThat(r.get(capacity)).isEmpty();
			assertThat(r.get(self)).isEmpty();
			assertThat(r.get(trust)).contains("有生产、产能未知");
			assertThat(r.get(CSV.indexOf("缺口概要"))).doesNotContain(" 0 ", "0%");
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
			companies.add(record.get(CSV.indexOf("候选企业")));
			for (String cell : record) {
				// a cell that a spreadsheet reads as a formula is a figure, nothing else
				if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
					assertThat(Double.valueOf(cell)).as(cell).isNotNull();
				}
			}
		}
		assertThat(companies).containsAll(formulas.stream().map(f -> "'" + f).toList());

		try (XSSFWorkbook workbook = workbook(download(get("/export/gaps.xlsx").param("chainId", "pv")))) {
			Set<String> names = new LinkedHashSet<>();
			for (String name : List.of("缺口总览", "缺口明细", "候选企业")) {
				for (Row row : dataRows(workbook.getSheet(name))) {
					row.forEach(cell -> assertThat(cell.getCellType()).as(cell.getAddress().formatAsString())
						.isIn(CellType.STRING, CellType.NUMERIC));
				}
			}
			for (Row row : dataRows(workbook.getSheet("候选企业"))) {
				names.add(string(row, CANDIDATES, "候选企业"));
			}
			// a string cell is never run: the name as written, with no quote
			assertThat(names).containsAll(formulas);
		}
	}

	@Test
	void aGapWithoutCandidatesHasOneCsvRowWithEmptyCandidateColumns() throws Exception {
		List<ApiGap> gaps = apiGaps("wind", "CURRENT", List.of("NO_INNOVATION_SUPPORT"), 5);
		assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g.candidates()).isEmpty());

		List<CSVRecord> records = csv(
				download(get("/export/gaps.csv").param("chainId", "wind").param("kinds", "NO_INNOVATION_SUPPORT"))
					.getContentAsByteArray());

		assertThat(records).hasSize(gaps.size() + 1);
		for (CSVRecord record : records.subList(1, records.size())) {
			assertThat(record.get(CSV.indexOf("缺口类型"))).isEqualTo("无创新平台支撑 (环节)");
			assertThat(record.toList().subList(CSV.indexOf("候选排名"), CSV.size())).allMatch(String::isEmpty);
		}
	}

	@Test
	void allChainsCsvCoversEveryChainHavingGapsMostSevereFirst() throws Exception {
		List<Named> chains = graphQl.documentName("chains").execute().path("chains").entityList(Named.class).get();
		Set<String> withGaps = new LinkedHashSet<>();
		int expectedRows = 0;
		for (Named chain : chains) {
			List<ApiGap> gaps = apiGaps(chain.id(), "CURRENT", null, 5);
			if (!gaps.isEmpty()) {
				withGaps.add(chain.nameZh());
			}
			expectedRows += gaps.stream().mapToInt(g -> Math.max(1, g.candidates().size())).sum();
		}
		assertThat(withGaps).hasSizeGreaterThan(1);

		MockHttpServletResponse response = download(get("/export/gaps.csv"));

		assertThat(response.getHeader("Content-Disposition")).contains("chainlens-gaps-all-chains-CURRENT-")
			// 全部产业链
			.contains("%E5%85%A8%E9%83%A8%E4%BA%A7%E4%B8%9A%E9%93%BE");
		keep("gaps-all-chains-CURRENT.csv", response.getContentAsByteArray());
		List<CSVRecord> records = csv(response.getContentAsByteArray());
		assertThat(records).hasSize(expectedRows + 1);
		assertThat(records.subList(1, records.size()).stream().map(r -> r.get(CSV.indexOf("产业链"))).distinct())
			.containsExactlyInAnyOrderElementsOf(withGaps);
		assertThat(records.subList(1, records.size())).extracting(r -> Double.valueOf(r.get(CSV.indexOf("严重度"))))
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void leadUnitsAreCalledByTheirShortNamesOnTheOverview() {
		assertThat(ExportRows.shortUnits("包头市工业和信息化局(市工信局)、包头市科学技术局（市科技局）、某委员会")).isEqualTo("市工信局、市科技局、某委员会");
		assertThat(ExportRows.shortUnits(null)).isNull();
	}

	@Test
	void theGapKindsAreNamedAsOnTheMapPage() throws IOException {
		String labels = Files.readString(Path.of("src/main/resources/static/map/labels.js"));
		Matcher kind = Pattern.compile("kind: '([A-Z_]+)', zh: '([^']+)'").matcher(labels);
		Map<String, String> page = new LinkedHashMap<>();
		while (kind.find()) {
			page.put(kind.group(1), kind.group(2));
		}
		assertThat(page).hasSize(6);
		assertThat(ExportRows.KIND_LABELS).isEqualTo(page);
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

	private static XSSFWorkbook workbook(MockHttpServletResponse response) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
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

	private static String leadUnits(ApiGap gap) {
		return String.join("、", gap.chain().leadUnits().stream().map(Unit::nameZh).toList());
	}

	private static int changesOfChain(List<String> chains) {
		int changes = 1;
		for (int i = 1; i < chains.size(); i++) {
			if (!chains.get(i).equals(chains.get(i - 1))) {
				changes++;
			}
		}
		return changes;
	}

	private static List<String> names(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<Row> dataRows(Sheet sheet) {
		List<Row> rows = new ArrayList<>();
		for (int r = XlsxFile.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
			rows.add(sheet.getRow(r));
		}
		return rows;
	}

	private static Double number(Row row, List<String> headers, String header) {
		Cell cell = row.getCell(headers.indexOf(header));
		return cell == null ? null : cell.getNumericCellValue();
	}

	private static String string(Row row, List<String> headers, String header) {
		Cell cell = row.getCell(headers.indexOf(header));
		return cell == null ? null : cell.getStringCellValue();
	}

	private static String format(Row row, List<String> headers, String header) {
		return row.getCell(headers.indexOf(header)).getCellStyle().getDataFormatString();
	}

	private static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		DataFormatter formatter = new DataFormatter();
		sheet.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\n')));
		return text.toString();
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

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return List.copyOf(all);
	}

}
