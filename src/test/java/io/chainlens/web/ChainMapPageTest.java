package io.chainlens.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.ResponseError;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.chainlens.TestGraph;
import io.chainlens.database.GraphState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The chain map page in a real headless Chromium against the whole app on a port, each
 * figure on the page checked against what the public GraphQL API answers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// no other class shares this app: closed after the class rather than at the JVM's exit,
// with
// its own embedded database
@DirtiesContext
class ChainMapPageTest {

	private static final String CHAIN = "rare-earth";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	GraphQlClient api;

	MapPage page;

	@BeforeEach
	void api() {
		this.page = new MapPage(browser, this.port);
		this.api = this.page.api();
	}

	@Test
	void pageLoadsWithoutConsoleErrors() {
		open("/");
		List<LogEntry> console = browser.console();
		assertThat(console).filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.as("console errors")
			.isEmpty();
		assertThat(browser.driver().findElement(By.id("errors")).isDisplayed()).isFalse();
		assertThat(new Select(browser.driver().findElement(By.id("chain"))).getOptions())
			.hasSameSizeAs(this.api.documentName("chains").retrieveSync("chains").toEntityList(Map.class));
	}

	@Test
	void mapShowsTheChainsProductsAndTheProductsOfOtherChainsItIsLinkedTo() {
		open("/?chain=" + CHAIN);
		List<Map<String, Object>> products = chainProducts(CHAIN);
		Set<String> ids = ids(products);
		Set<String> linked = new HashSet<>();
		for (Map<String, Object> product : products) {
			for (String direction : List.of("inputs", "outputs")) {
				for (Map<String, Object> link : list(product.get(direction))) {
					linked.add((String) map(link.get("product")).get("id"));
				}
			}
		}
		linked.removeAll(ids);

		assertThat(drawn("product")).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(drawn("ghost")).containsExactlyInAnyOrderElementsOf(linked).isNotEmpty();
		assertThat(label(products.get(0).get("id"))).isEqualTo(products.get(0).get("nameZh"));

		browser.driver().findElement(By.id("language")).click();
		assertThat(label(products.get(0).get("id"))).isEqualTo(products.get(0).get("name"));

		new Select(browser.driver().findElement(By.id("chain"))).selectByValue("pv");
		awaitMap();
		assertThat(drawn("product")).containsExactlyInAnyOrderElementsOf(ids(chainProducts("pv")));
	}

	@Test
	void clickingAGapColouredProductShowsItsCandidates() {
		List<Map<String, Object>> gaps = this.api.documentName("gapsWithCandidates")
			.variable("chainId", CHAIN)
			.variable("scenario", "CURRENT")
			.variable("first", 100)
			.variable("candidates", 5)
			.retrieveSync("gaps")
			.toEntityList(Map.class)
			.stream()
			.map(ChainMapPageTest::map)
			.toList();
		// the gap a node is coloured by is its product's most severe one (the API lists
		// the
		// most severe first) about the product itself
		Map<String, Object> gap = gaps.stream()
			.filter(g -> !"NO_INNOVATION_SUPPORT".equals(g.get("kind")))
			.filter(g -> g == colouring(gaps, productOf(g)))
			.filter(g -> !list(g.get("candidates")).isEmpty())
			.findFirst()
			.orElseThrow();
		String product = productOf(gap);
		List<String> candidates = list(gap.get("candidates")).stream()
			.map(c -> (String) map(c.get("company")).get("id"))
			.toList();

		open("/?chain=" + CHAIN);
		assertThat((String) browser.script("return window.chainlensMap.getElementById(arguments[0]).data('gapKind')",
				product))
			.isEqualTo(gap.get("kind"));
		clickNode(product);

		WebElement panel = browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + product + "']")));
		List<String> shown = panel
			.findElements(By.cssSelector(".gap[data-gap-kind='" + gap.get("kind") + "'] .candidate"))
			.stream()
			.map(c -> c.getDomAttribute("data-company-id"))
			.toList();
		assertThat(shown).containsExactlyElementsOf(candidates);
		// the API's explanation, its tonnes said in Chinese on the Chinese page
		// (ReaderPageTest)
		String explanation = (String) gap.get("explanation");
		assertThat(explanation).contains(" t");
		assertThat(panel.getText()).contains(
				explanation.replaceAll("(\\d) ?t(?![A-Za-z0-9])", "$1 吨").replaceAll("吨/t(?![A-Za-z0-9])", "吨/吨"));
	}

	@Test
	void theGapListRanksEveryGapAsTheApiDoesAndAClickOpensItsProduct() {
		List<Map<String, Object>> gaps = this.api.documentName("gapsWithCandidates")
			.variable("chainId", CHAIN)
			.variable("scenario", "CURRENT")
			.variable("first", 100)
			.variable("candidates", 1)
			.retrieveSync("gaps")
			.toEntityList(Map.class)
			.stream()
			.map(ChainMapPageTest::map)
			.toList();
		open("/?chain=" + CHAIN);

		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#gap-list .gap-row"));
		assertThat(rows)
			.extracting(r -> r.getDomAttribute("data-gap-kind") + " " + r.getDomAttribute("data-product-id"))
			.containsExactlyElementsOf(gaps.stream().map(g -> g.get("kind") + " " + productOf(g)).toList());
		// a product with two gap kinds shows both under its name, not only the colour of
		// the first
		Map<String, List<String>> kindsByProduct = new java.util.LinkedHashMap<>();
		gaps.stream()
			.filter(g -> !"NO_INNOVATION_SUPPORT".equals(g.get("kind")))
			.forEach(g -> kindsByProduct.computeIfAbsent(productOf(g), k -> new ArrayList<>())
				.add((String) g.get("kind")));
		String twoKinds = kindsByProduct.entrySet()
			.stream()
			.filter(e -> e.getValue().size() > 1)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		assertThat((String) browser.script("return window.chainlensMap.getElementById(arguments[0]).data('gapKinds')",
				twoKinds))
			.isEqualTo(String.join(" ", new LinkedHashSet<>(kindsByProduct.get(twoKinds))));

		new Select(browser.driver().findElement(By.cssSelector("#gap-list select"))).selectByValue("MISSING");
		List<WebElement> missing = browser.driver().findElements(By.cssSelector("#gap-list .gap-row"));
		assertThat(missing).isNotEmpty()
			.allSatisfy(r -> assertThat(r.getDomAttribute("data-gap-kind")).isEqualTo("MISSING"));
		String first = missing.get(0).getDomAttribute("data-product-id");
		missing.get(0).click();
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + first + "']")));
	}

	@Test
	void theLocalLinesAreGroupedByStatusAndWhatTheScenarioCountsAddsUpToTheBalance() {
		for (String scenario : List.of("CURRENT", "PLANNED")) {
			Map<String, Object> balance = this.api.documentName("balance")
				.variable("chainId", "pv")
				.variable("scenario", scenario)
				.retrieveSync("balance")
				.toEntityList(Map.class)
				.stream()
				.map(ChainMapPageTest::map)
				.filter(b -> "pv-polysilicon".equals(map(b.get("product")).get("id")))
				.findFirst()
				.orElseThrow();
			open("/?chain=pv&scenario=" + scenario);
			clickNode("pv-polysilicon");
			WebElement subtotal = browser.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(
						By.cssSelector(".product-panel[data-product-id='pv-polysilicon'] .local-producers .subtotal")));
			assertThat(Double.parseDouble(subtotal.getDomAttribute("data-counted"))).as(scenario)
				.isEqualTo(((Number) balance.get("localCapacity")).doubleValue());
			assertThat(browser.driver().findElements(By.cssSelector(".local-producers .status-group")))
				.extracting(g -> g.getDomAttribute("data-status"))
				.containsExactly("OPERATING", "UNDER_CONSTRUCTION", "PLANNED");
		}
	}

	@Test
	void theProductPanelRanksTheProvincesThatMakeItAsTheApiDoesWithUnknownNeverZero() {
		List<Map<String, Object>> ranking = this.api.documentName("regionRanking")
			.variable("productId", "pv-polysilicon")
			.variable("scenario", "CURRENT")
			.retrieveSync("regionRanking")
			.toEntityList(Map.class)
			.stream()
			.map(ChainMapPageTest::map)
			.toList();
		open("/?chain=pv&product=pv-polysilicon");
		List<WebElement> rows = browser.waiting()
			.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".region-ranking tbody tr"), 0));
		assertThat(rows).extracting(r -> r.getDomAttribute("data-region-id"))
			.containsExactlyElementsOf(
					ranking.stream().limit(8).map(r -> (String) map(r.get("region")).get("id")).toList());
		browser.script("arguments[0].scrollIntoView()", rows.get(0));
		for (int i = 0; i < rows.size(); i++) {
			String shown = rows.get(i).findElements(By.tagName("td")).get(2).getText();
			if (ranking.get(i).get("knownCapacity") == null) {
				assertThat(shown).as("a province of unknown capacity").startsWith("未知");
			}
			else {
				assertThat(shown).doesNotStartWith("未知").doesNotStartWith("0 ");
			}
		}
	}

	@Test
	void theUrlCarriesTheOpenProductAndBackReturnsToTheOneBefore() {
		List<Map<String, Object>> products = chainProducts(CHAIN);
		String first = (String) products.get(0).get("id");
		String second = (String) products.get(1).get("id");
		open("/?chain=" + CHAIN + "&product=" + first);
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + first + "']")));

		clickNode(second);
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + second + "']")));
		assertThat(browser.driver().getCurrentUrl()).contains("product=" + second);

		browser.driver().navigate().back();
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + first + "']")));
		assertThat(browser.driver().getCurrentUrl()).contains("product=" + first);
	}

	@Test
	void aProductMadeLocallyOfUnknownCapacityShowsUnknownNeverZero() {
		// the seed gives every locally made product a figure or an estimate now (issue
		// #13),
		// so the test makes its own: an operating line with no stated capacity, of a
		// metals
		// product nobody in the city makes
		String chain = "metals";
		String scenario = "CURRENT";
		String missing = (String) map(map(this.api.documentName("gaps")
			.variable("chainId", chain)
			.variable("scenario", scenario)
			.retrieveSync("gaps")
			.toEntityList(Map.class)
			.stream()
			.map(ChainMapPageTest::map)
			.filter(g -> "MISSING".equals(g.get("kind")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the metals chain has a missing product"))).get("product")).get("id");
		// a line as the seed load or the bulk import writes one when a row has no figure
		// (the
		// API's own writes always carry one), then the graph's version moves on as every
		// write path's does, so the analysis reads the graph again
		try (Session session = this.driver.session()) {
			session.executeWriteWithoutResult(tx -> {
				tx.run(TestGraph.UNSTATED_LINE, Map.of("product", missing)).consume();
				tx.run(GraphState.BUMP).consume();
			});
		}
		List<Map<String, Object>> balances = this.api.documentName("balance")
			.variable("chainId", chain)
			.variable("scenario", scenario)
			.retrieveSync("balance")
			.toEntityList(Map.class)
			.stream()
			.map(ChainMapPageTest::map)
			.filter(b -> missing.equals(productOf(b)))
			.toList();
		assertThat(balances).as("the planned project's product").hasSize(1);
		assertThat(balances.get(0).get("capacityBound")).isEqualTo("UNKNOWN");
		Map<String, Object> balance = balances.get(0);
		String product = productOf(balance);
		assertThat(balance.get("localCapacity")).isNull();
		assertThat(balance.get("selfSufficiency")).isNull();

		open("/?chain=" + chain + "&scenario=" + scenario);
		assertThat((String) browser
			.script("return window.chainlensMap.getElementById(arguments[0]).data('capacityState')", product))
			.isEqualTo("unknown");
		assertThat((Boolean) browser
			.script("return window.chainlensMap.getElementById(arguments[0]).hasClass('capacity-unknown')", product))
			.isTrue();
		clickNode(product);

		WebElement figures = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".product-panel[data-product-id='" + product + "'] .figures")));
		// the capacity and the self-sufficiency read 未知, not 0 t or 0% (a demand of 0
		// with no
		// local consumer is a real figure)
		assertThat(figures.getText()).contains("本地产能", "未知（有生产、产能未知", "自给率");
		assertThat(figure(figures, "本地产能")).startsWith("未知");
		assertThat(figure(figures, "自给率")).doesNotContainPattern("(^|[^0-9.,])0(\\.0)?%").doesNotStartWith("0");
		assertThat(browser.driver().findElement(By.cssSelector(".product-panel")).getText()).doesNotContain("本地产能 0 t")
			.doesNotContain("自给率 0.0%");
	}

	/** The value a figure list gives for a term. */
	private static String figure(WebElement figures, String term) {
		return figures.findElement(By.xpath("./dt[normalize-space(.)='" + term + "']/following-sibling::dd[1]"))
			.getText();
	}

	@Test
	void companySearchOpensACardWithTheCompanysSites() {
		String text = "北方稀土";
		String first = (String) map(this.api.documentName("searchCompanies")
			.variable("text", text)
			.retrieveSync("searchCompanies[0]")
			.toEntity(Map.class)).get("id");
		List<String> sites = this.api.documentName("company")
			.variable("id", first)
			.retrieveSync("company.sites")
			.toEntityList(Map.class)
			.stream()
			.map(site -> (String) site.get("id"))
			.toList();

		open("/?chain=" + CHAIN);
		browser.driver().findElement(By.id("search")).sendKeys(text);
		WebElement result = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results .result")));
		assertThat(result.getDomAttribute("data-company-id")).isEqualTo(first);
		result.click();

		WebElement card = browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".company-card[data-company-id='" + first + "']")));
		assertThat(card.findElements(By.cssSelector(".site")).stream().map(s -> s.getDomAttribute("data-site-id")))
			.isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(sites);
		assertThat(card.getText()).contains(text, "厂址", "产业链", "项目", "创新平台", "本地供应商", "本地客户");
	}

	@Test
	void graphQlErrorsAreShownInThePage() {
		String tooLong = "稀".repeat(201);
		List<ResponseError> refused = this.api.documentName("searchCompanies")
			.variable("text", tooLong)
			.executeSync()
			.getErrors();
		assertThat(refused).as("the API refuses an overlong search").isNotEmpty();

		open("/?chain=" + CHAIN);
		// pasted rather than typed key by key: the same input, faster
		browser.script("document.getElementById('search').value = arguments[0]", tooLong);
		browser.driver().findElement(By.id("search")).sendKeys(Keys.ENTER);

		WebElement errors = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
		assertThat(errors.getText()).contains("企业搜索失败", refused.get(0).getMessage());
	}

	@Test
	void mapDownloadsAsAPngOfTheWholeMap() throws IOException {
		open("/?chain=" + CHAIN + "&scenario=PLANNED");
		browser.clearDownloads();
		Map<String, Object> extent = browser
			.script("const b = window.chainlensMap.elements().boundingBox(); return { w: b.w, h: b.h };");

		browser.driver().findElement(By.id("export-png")).click();
		Path png = browser.download("chainlens-" + CHAIN + "-PLANNED.png");

		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image).as("a PNG image").isNotNull();
		// full: the whole map at twice its model size, not the part in view, drawn
		// between a title
		// band and a legend (ReaderPageTest checks those)
		String[] map = ((String) browser.script("return document.body.dataset.pngMapSize")).split("x");
		assertThat(Double.parseDouble(map[0])).isCloseTo(2 * number(extent.get("w")), within(4.0));
		assertThat(Double.parseDouble(map[1])).isCloseTo(2 * number(extent.get("h")), within(4.0));
		assertThat(image.getWidth()).isGreaterThanOrEqualTo(Integer.parseInt(map[0]));
		assertThat(image.getHeight()).isGreaterThan(Integer.parseInt(map[1]));
		assertThat(Files.size(png)).isGreaterThan(10_000);
	}

	@Test
	void gapsExportsDownloadFromThePageTheFirstSheetSortedBySeverityAcrossChains() throws IOException {
		open("/?chain=" + CHAIN + "&scenario=PLANNED");

		browser.clearDownloads();
		browser.driver().findElement(By.id("export-chain-csv")).click();
		Path csv = browser.downloadEndingWith(".csv");
		List<String> csvRows;
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "")))) {
			csvRows = parser.stream().map(r -> r.get("产品") + " | " + r.get("候选企业")).toList();
		}
		assertThat(csvRows).containsExactlyInAnyOrderElementsOf(exportedRows(CHAIN, "PLANNED", false));

		browser.clearDownloads();
		browser.driver().findElement(By.id("export-all-xlsx")).click();
		Path xlsx = browser.downloadEndingWith(".xlsx");
		List<Double> apiSeverities = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (Object chain : this.api.documentName("chains").retrieveSync("chains").toEntityList(Map.class)) {
			String chainId = (String) map(chain).get("id");
			expected.addAll(exportedRows(chainId, "PLANNED", true).stream().filter(r -> !r.endsWith(" | ")).toList());
			for (Object gap : this.api.documentName("gapsWithCandidates")
				.variable("chainId", chainId)
				.variable("scenario", "PLANNED")
				.variable("first", 100)
				.variable("candidates", 1)
				.retrieveSync("gaps")
				.toEntityList(Map.class)) {
				apiSeverities.add(((Number) map(gap).get("severity")).doubleValue());
			}
		}
		apiSeverities.sort(Comparator.reverseOrder());
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			// the first sheet: a gap a row, the most severe first across chains
			Sheet overview = workbook.getSheetAt(0);
			assertThat(overview.getSheetName()).isEqualTo("缺口总览");
			int head = headerRow(overview);
			int severity = headers(overview.getRow(head)).indexOf("严重度");
			List<Double> severities = new ArrayList<>();
			for (int r = head + 1; r <= overview.getLastRowNum(); r++) {
				severities.add(overview.getRow(r).getCell(severity).getNumericCellValue());
			}
			assertThat(severities).hasSameSizeAs(apiSeverities);
			for (int i = 0; i < severities.size(); i++) {
				assertThat(severities.get(i)).as("gap " + (i + 1)).isCloseTo(apiSeverities.get(i), within(0.005));
			}
			// the candidates, a row each
			Sheet sheet = workbook.getSheet("候选企业");
			int candidatesHead = headerRow(sheet);
			List<String> header = headers(sheet.getRow(candidatesHead));
			int chain = header.indexOf("产业链");
			int product = header.indexOf("产品");
			int company = header.indexOf("候选企业");
			List<String> xlsxRows = new ArrayList<>();
			for (int r = candidatesHead + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				xlsxRows.add(text(row, chain) + " | " + text(row, product) + " | " + text(row, company));
			}
			assertThat(xlsxRows).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/** The row of a sheet's headers: below the title and the data line. */
	private static int headerRow(Sheet sheet) {
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Cell first = sheet.getRow(r).getCell(0);
			if (first != null && List.of("序号", "缺口序号").contains(first.getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no header row in " + sheet.getSheetName());
	}

	private static List<String> headers(Row row) {
		List<String> headers = new ArrayList<>();
		row.forEach(cell -> headers.add(cell.getStringCellValue()));
		return headers;
	}

	/**
	 * The rows a 招商清单 holds by the API: one a gap and candidate (five candidates a gap),
	 * one with no candidate for a gap without any.
	 */
	private List<String> exportedRows(String chain, String scenario, boolean withChain) {
		List<String> rows = new ArrayList<>();
		for (Object found : this.api.documentName("gapsWithCandidates")
			.variable("chainId", chain)
			.variable("scenario", scenario)
			.variable("first", 100)
			.variable("candidates", 5)
			.retrieveSync("gaps")
			.toEntityList(Map.class)) {
			Map<String, Object> gap = map(found);
			String prefix = (withChain ? map(gap.get("chain")).get("nameZh") + " | " : "")
					+ map(gap.get("product")).get("nameZh") + " | ";
			List<Map<String, Object>> candidates = list(gap.get("candidates"));
			if (candidates.isEmpty()) {
				rows.add(prefix);
			}
			candidates.forEach(c -> rows.add(prefix + map(c.get("company")).get("nameZh")));
		}
		return rows;
	}

	private static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		return cell == null ? "" : cell.getStringCellValue();
	}

	private void open(String path) {
		this.page.open(path);
	}

	private void awaitMap() {
		this.page.awaitMap();
	}

	private List<String> drawn(String kind) {
		return browser.script(
				"return window.chainlensMap.nodes().filter(n => n.data('kind') === arguments[0])" + ".map(n => n.id())",
				kind);
	}

	private String label(Object id) {
		return browser.script("return window.chainlensMap.getElementById(arguments[0]).data('label')", id);
	}

	private void clickNode(String id) {
		this.page.clickNode(id);
	}

	private List<Map<String, Object>> chainProducts(String chain) {
		return this.api.documentName("chainMap")
			.variable("chainId", chain)
			.retrieveSync("chain.segments")
			.toEntityList(Map.class)
			.stream()
			.flatMap(segment -> list(segment.get("products")).stream())
			.toList();
	}

	private static Map<String, Object> colouring(List<Map<String, Object>> gaps, String product) {
		return gaps.stream()
			.filter(g -> product.equals(productOf(g)) && !"NO_INNOVATION_SUPPORT".equals(g.get("kind")))
			.findFirst()
			.orElseThrow();
	}

	private static String productOf(Map<String, Object> gap) {
		return (String) map(gap.get("product")).get("id");
	}

	private static Set<String> ids(List<Map<String, Object>> products) {
		Set<String> ids = new LinkedHashSet<>();
		products.forEach(p -> ids.add((String) p.get("id")));
		return ids;
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
