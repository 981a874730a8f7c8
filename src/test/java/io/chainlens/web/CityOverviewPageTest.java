package io.chainlens.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 全市总览, 规划对比 and the linked views of issue 14 in headless Chromium, each checked against
 * the public API: gap counts per chain and kind, the gaps the planned projects close and
 * open, a company card's chain link, 断供影响 and target progress.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CityOverviewPageTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final int PAGE_SIZE = ApiDocuments.pageSize();

	@LocalServerPort
	int port;

	MapPage page;

	@BeforeEach
	void open() {
		this.page = new MapPage(browser, this.port);
	}

	@Test
	void overviewCountsEveryChainsGapsByKindAsTheApiDoes() {
		page.open("/?chain=pv");
		browser.driver().findElement(By.id("view-overview")).click();
		awaitOverview();
		assertThat(browser.driver().getCurrentUrl()).contains("view=overview");
		List<Map<String, Object>> chains = page.api()
			.documentName("chains")
			.retrieveSync("chains")
			.toEntityList(Map.class)
			.stream()
			.map(CityOverviewPageTest::map)
			.toList();
		assertThat(browser.driver().findElements(By.cssSelector(".overview-table tbody tr")))
			.extracting(r -> r.getDomAttribute("data-chain-id"))
			.containsExactlyElementsOf(chains.stream().map(c -> (String) c.get("id")).toList());
		int chainsWithGaps = 0;
		for (Map<String, Object> chain : chains) {
			String id = (String) chain.get("id");
			List<Map<String, Object>> gaps = gaps(id, "CURRENT");
			assertThat(gaps).as("a chain with more gaps than a page would be cut").hasSizeLessThan(PAGE_SIZE);
			Map<String, Long> expected = gaps.stream()
				.collect(Collectors.groupingBy(g -> (String) g.get("kind"), Collectors.counting()));
			String row = ".overview-table tr[data-chain-id='" + id + "'] ";
			assertThat(browser.driver().findElement(By.cssSelector(row + "td.total")).getDomAttribute("data-count"))
				.as(id)
				.isEqualTo(String.valueOf(gaps.size()));
			Map<String, Long> shown = new LinkedHashMap<>();
			for (WebElement cell : browser.driver().findElements(By.cssSelector(row + "td[data-gap-kind]"))) {
				long count = Long.parseLong(cell.getDomAttribute("data-count"));
				if (count > 0) {
					shown.put(cell.getDomAttribute("data-gap-kind"), count);
				}
			}
			assertThat(shown).as(id).isEqualTo(expected);
			if (!gaps.isEmpty()) {
				chainsWithGaps++;
				assertThat(Double.parseDouble(browser.driver()
					.findElement(By.cssSelector(row + "td.worst"))
					.getDomAttribute("data-severity"))).as("the worst gap is the API's first")
					.isEqualTo(((Number) gaps.get(0).get("severity")).doubleValue());
			}
		}
		assertThat(chainsWithGaps).isGreaterThan(1);
		assertThat(browser.driver().findElement(By.id("overview")).getText()).contains("牵头单位", "本地配套率", "缺失环节")
			.doesNotContain("undefined", "null", "NaN");
	}

	@Test
	void aChainOfTheOverviewOpensOnTheMap() {
		page.open("/?chain=pv&view=overview");
		awaitOverview();
		browser.driver()
			.findElement(By.cssSelector(".overview-table tr[data-chain-id='rare-earth'] button.open-chain"))
			.click();
		page.awaitMap();
		browser.waiting().until(d -> d.getCurrentUrl().contains("chain=rare-earth"));
		assertThat(browser.driver().findElement(By.id("overview")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("map")).isDisplayed()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).doesNotContain("view=");
		Map<String, Object> chain = page.api()
			.documentName("chainMap")
			.variable("chainId", "rare-earth")
			.retrieveSync("chain")
			.toEntity(Map.class);
		String firstProduct = (String) map(list(map(list(chain.get("segments")).get(0)).get("products")).get(0))
			.get("id");
		assertThat((Boolean) browser.script("return !window.chainlensMap.getElementById(arguments[0]).empty()",
				firstProduct))
			.isTrue();
	}

	@Test
	void theComparisonListsTheGapsPlannedProjectsCloseAndOpenAsTheApiDiffers() {
		// of the seed's chains, the one where the plan both closes and opens gaps, if
		// there is one
		List<String> chains = List.of("pv", "rare-earth", "storage-hydrogen");
		String chainId = null;
		Set<String> closed = Set.of();
		Set<String> opened = Set.of();
		for (String candidate : chains) {
			Map<String, Object> both = page.api()
				.documentName("scenarioGaps")
				.variable("chainId", candidate)
				.variable("first", PAGE_SIZE)
				.executeSync()
				.getData();
			Set<String> current = keys(list(both.get("current")));
			Set<String> planned = keys(list(both.get("planned")));
			Set<String> closes = new HashSet<>(current);
			closes.removeAll(planned);
			Set<String> opens = new HashSet<>(planned);
			opens.removeAll(current);
			if (chainId == null || (!closes.isEmpty() && !opens.isEmpty())) {
				chainId = candidate;
				closed = closes;
				opened = opens;
			}
		}
		assertThat(closed).as("the seed's plan closes gaps").isNotEmpty();
		page.open("/?chain=" + chainId);
		browser.driver().findElement(By.id("compare")).click();
		String compared = chainId;
		browser.waiting().until(d -> compared.equals(browser.script("return document.body.dataset.compareReady")));
		assertThat(shownKeys(".diff-closed .gap-row")).isEqualTo(closed);
		assertThat(shownKeys(".diff-opened .gap-row")).isEqualTo(opened);
		// every closed gap's product is marked on the map, and no product the plan leaves
		// alone
		Set<String> marked = new HashSet<>(
				browser.script("return window.chainlensMap.nodes('.gap-closed').map((n) => n.id())"));
		assertThat(marked).isEqualTo(browser.driver()
			.findElements(By.cssSelector(".diff-closed .gap-row"))
			.stream()
			.map(r -> r.getDomAttribute("data-product-id"))
			.collect(Collectors.toSet()));
		assertThat(browser.driver().findElement(By.cssSelector(".scenario-diff")).getText())
			.contains("规划项目消除的缺口", "规划中新增的缺口")
			.doesNotContain("MISSING", "SHORTFALL", "SINGLE_SOURCE", "PIPELINE_ONLY", "EXTENSION");
	}

	@Test
	void aCompanyCardsChainLinkOpensThatChainWithTheCompanysProductsHighlighted() {
		List<Map<String, Object>> companies = companiesOf("pv");
		Map<String, Object> company = companies.stream()
			.filter(c -> Boolean.TRUE.equals(c.get("local")) && list(c.get("chains")).size() > 1)
			.findFirst()
			.orElseThrow();
		String other = list(company.get("chains")).stream()
			.map(c -> (String) c.get("id"))
			.filter(id -> !id.equals("pv"))
			.findFirst()
			.orElseThrow();
		Set<String> productsOfOther = products(other);
		Set<String> expected = list(company.get("productions")).stream()
			.map(p -> (String) map(p.get("product")).get("id"))
			.filter(productsOfOther::contains)
			.collect(Collectors.toSet());
		page.open("/?chain=pv&company=" + company.get("id"));
		browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(
					By.cssSelector(".company-card .company-chains button[data-chain-id='" + other + "']")))
			.click();
		browser.waiting().until(d -> d.getCurrentUrl().contains("chain=" + other));
		page.awaitMap();
		browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".company-card[data-company-id='" + company.get("id") + "']")));
		Set<String> highlighted = new HashSet<>(
				browser.script("return window.chainlensMap.nodes('.company-product').map((n) => n.id())"));
		assertThat(expected).isNotEmpty();
		assertThat(highlighted).isEqualTo(expected);
		assertThat(browser.driver().findElement(By.id("chain")).getDomProperty("value")).isEqualTo(other);
	}

	@Test
	void aProductOfAnotherChainJumpsToItsChain() {
		page.open("/?chain=pv");
		String ghost = browser.script("return window.chainlensMap.nodes('.ghost').map((n) => n.id())[0]");
		assertThat(ghost).isNotNull();
		page.clickNode(ghost);
		WebElement jump = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".product-panel .other-chains button")));
		String target = jump.getDomAttribute("data-chain-id");
		jump.click();
		browser.waiting().until(d -> d.getCurrentUrl().contains("chain=" + target));
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + ghost + "']")));
		assertThat((Boolean) browser
			.script("return window.chainlensMap.getElementById(arguments[0]).hasClass('product')", ghost)).isTrue();
	}

	@Test
	void aCompanyCardShowsTheImpactOfItsStopAsTheApiComputesItAndLabelsPartnersObservedOrInferred() {
		// the local pv company whose stop reaches most companies
		List<Map<String, Object>> companies = companiesOf("pv");
		Map<String, Object> impact = null;
		String companyId = null;
		for (Map<String, Object> c : companies) {
			if (!Boolean.TRUE.equals(c.get("local"))) {
				continue;
			}
			Map<String, Object> candidate = page.api()
				.documentName("impact")
				.variable("companyId", c.get("id"))
				.variable("scenario", "CURRENT")
				.retrieveSync("impact")
				.toEntity(Map.class);
			if (impact == null
					|| list(candidate.get("affectedCompanies")).size() > list(impact.get("affectedCompanies")).size()) {
				impact = candidate;
				companyId = (String) c.get("id");
			}
		}
		assertThat(list(impact.get("affectedProducts"))).isNotEmpty();
		page.open("/?chain=pv&company=" + companyId);
		String id = companyId;
		browser.waiting().until(d -> id.equals(browser.script("return document.body.dataset.impactReady")));
		WebElement shown = browser.driver().findElement(By.cssSelector(".company-card .impact"));
		assertThat(shown.getDomAttribute("data-affected-companies"))
			.isEqualTo(String.valueOf(list(impact.get("affectedCompanies")).size()));
		assertThat(browser.driver().findElements(By.cssSelector(".impact-products tbody tr")))
			.extracting(r -> r.getDomAttribute("data-product-id"))
			.containsExactlyElementsOf(list(impact.get("affectedProducts")).stream()
				.map(p -> (String) map(p.get("product")).get("id"))
				.toList());
		for (WebElement after : browser.driver().findElements(By.cssSelector(".impact-products td.after"))) {
			assertThat(after.getText()).matches("未知|[≥≤]? ?[0-9.]+%");
		}
		List<WebElement> partners = browser.driver().findElements(By.cssSelector(".company-card .partner-links li"));
		assertThat(partners).isNotEmpty()
			.allSatisfy(p -> assertThat(p.findElement(By.cssSelector(".link-kind")).getText()).isIn("已核实", "推断"));
		browser.script("document.querySelector('.company-card .impact').scrollIntoView()");
	}

	@Test
	void theOverviewShowsTheOpenChainsTargetProgressAsTheApiComputesIt() {
		List<Map<String, Object>> targets = list(page.api()
			.documentName("targetProgress")
			.variable("scenario", "CURRENT")
			.retrieveSync("targets")
			.toEntityList(Map.class));
		String chainId = targets.stream()
			.filter(t -> t.get("chain") != null && t.get("progress") != null
					&& map(t.get("progress")).get("share") != null)
			.map(t -> (String) map(t.get("chain")).get("id"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> ofChain = list(page.api()
			.documentName("targetProgress")
			.variable("chainId", chainId)
			.variable("scenario", "CURRENT")
			.retrieveSync("targets")
			.toEntityList(Map.class));
		page.open("/?chain=" + chainId + "&view=overview");
		awaitOverview();
		List<WebElement> rows = browser.driver().findElements(By.cssSelector(".chain-record .targets tbody tr"));
		assertThat(rows).extracting(r -> r.getDomAttribute("data-target-id"))
			.containsExactlyElementsOf(ofChain.stream().map(t -> (String) t.get("id")).toList());
		for (Map<String, Object> target : ofChain) {
			Map<String, Object> progress = map(target.get("progress"));
			WebElement row = browser.driver()
				.findElement(By.cssSelector(".chain-record tr[data-target-id='" + target.get("id") + "']"));
			Object share = progress == null ? null : progress.get("share");
			if (share == null) {
				assertThat(row.getDomAttribute("data-share")).isEmpty();
				assertThat(row.findElement(By.cssSelector(".progress")).getText()).doesNotStartWith("0%");
			}
			else {
				assertThat(Double.parseDouble(row.getDomAttribute("data-share")))
					.isEqualTo(((Number) share).doubleValue());
			}
		}
		assertThat(browser.driver().findElement(By.cssSelector(".chain-record")).getText()).contains("牵头单位", "目标进度",
				"最近修改");
		browser.script("document.querySelector('.chain-record').scrollIntoView()");
	}

	private void awaitOverview() {
		browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-overview-ready", "true"));
	}

	private List<Map<String, Object>> gaps(String chainId, String scenario) {
		return page.api()
			.documentName("gaps")
			.variable("chainId", chainId)
			.variable("scenario", scenario)
			.variable("first", PAGE_SIZE)
			.retrieveSync("gaps")
			.toEntityList(Map.class)
			.stream()
			.map(CityOverviewPageTest::map)
			.toList();
	}

	private List<Map<String, Object>> companiesOf(String chainId) {
		return list(map(page.api()
			.documentName("chainCompanies")
			.variable("chainId", chainId)
			.variable("first", PAGE_SIZE)
			.retrieveSync("chain")
			.toEntity(Map.class)).get("companies"));
	}

	private Set<String> products(String chainId) {
		Map<String, Object> chain = page.api()
			.documentName("chainMap")
			.variable("chainId", chainId)
			.retrieveSync("chain")
			.toEntity(Map.class);
		return list(chain.get("segments")).stream()
			.flatMap(s -> list(s.get("products")).stream())
			.map(p -> (String) p.get("id"))
			.collect(Collectors.toSet());
	}

	/**
	 * A gap as the same gap in both scenarios: its kind and product (a segment's for
	 * NO_INNOVATION_SUPPORT).
	 */
	private static Set<String> keys(List<Map<String, Object>> gaps) {
		return gaps.stream().map(g -> {
			String kind = (String) g.get("kind");
			String at = "NO_INNOVATION_SUPPORT".equals(kind) ? "segment:" + map(g.get("segment")).get("id")
					: (String) map(g.get("product")).get("id");
			return kind + "/" + at;
		}).collect(Collectors.toSet());
	}

	private Set<String> shownKeys(String selector) {
		return browser.driver().findElements(By.cssSelector(selector)).stream().map(r -> {
			String kind = r.getDomAttribute("data-gap-kind");
			String at = "NO_INNOVATION_SUPPORT".equals(kind) ? "segment:" + r.getDomAttribute("data-segment-id")
					: r.getDomAttribute("data-product-id");
			return kind + "/" + at;
		}).collect(Collectors.toSet());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
