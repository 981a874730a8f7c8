package io.chainlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chain-lead units edit their chains in place (issue 14, item 7), in headless Chromium:
 * the rare-earth lead changes a capacity from the product panel and the map and the panel
 * show the server's new figure; a write without a source, and one forced onto another
 * chain's product, are refused with the server's message beside the form; other chains'
 * products and an analyst get no forms. The writes stay in this class's own database (a
 * fresh context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ChainLeadEditingPageTest {

	private static final String CHAIN = "rare-earth";

	// a rare-earth product whose local lines are known figures
	// (graph-seed/rare-earth/capacities.csv)
	private static final String PRODUCT = "rare-earth-polishing-powder";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	GraphQlClient api;

	MapPage page;

	@BeforeEach
	void api() {
		this.page = new MapPage(browser, this.port);
		this.api = this.page.api();
	}

	@Test
	void aChainLeadsCapacityEditReachesTheMapThePanelAndTheChangeHistory() {
		Map<String, Object> line = firstLocalLine(PRODUCT);
		String company = (String) map(line.get("company")).get("id");
		double before = localCapacity(PRODUCT);

		openAsRareEarthLead();
		assertThat(nodeCapacity(PRODUCT)).isEqualTo(before);
		WebElement form = capacityForm();
		assertThat(new Select(form.findElement(By.name("unit"))).getOptions()).extracting(WebElement::getText)
			.startsWith("t")
			.contains("万t");
		form.findElement(By.name("capacity")).clear();
		form.findElement(By.name("capacity")).sendKeys("9");
		new Select(form.findElement(By.name("unit"))).selectByValue("万t");
		save(form, "public: 企业年报（测试）, 2024-06-01", "capacity-form", 1);

		double after = localCapacity(PRODUCT);
		double lineBefore = ((Number) line.get("capacity")).doubleValue();
		assertThat(after).as("the server's balance counts the new figure").isEqualTo(before - lineBefore + 90000);
		assertThat(nodeCapacity(PRODUCT)).as("the map is redrawn from the server").isEqualTo(after);
		WebElement redrawn = editItem(company);
		assertThat(redrawn.getText()).contains("9 万吨");
		assertThat(browser.driver().findElement(By.cssSelector(".product-panel .figures")).getText())
			.as("the open panel's balance is read again")
			.contains(figureOf(after));
		shot("capacity-saved", redrawn);

		List<Map<String, Object>> changes = this.api
			.document("{ changes(chainId: \"" + CHAIN + "\", first: 1) { user operation entityId source } }")
			.retrieveSync("changes")
			.toEntityList(mapType());
		assertThat(changes).singleElement().satisfies(change -> {
			assertThat(change).containsEntry("user", "lead-rare-earth").containsEntry("operation", "setCapacity");
			assertThat((String) change.get("entityId")).contains(PRODUCT);
		});

		// a platform for the product's segment: created, then listed in the panel read
		// again
		WebElement segment = browser.driver().findElement(By.cssSelector(".product-panel .edit-segment"));
		String segmentId = segment.getDomAttribute("data-segment-id");
		segment.findElement(By.cssSelector(".new-platform")).click();
		WebElement platform = segment.findElement(By.cssSelector(".new-platform-form"));
		platform.findElement(By.name("nameZh")).sendKeys("稀土抛光材料中试基地（测试）");
		platform.findElement(By.name("name")).sendKeys("Polishing powder pilot base (test)");
		new Select(platform.findElement(By.name("kind"))).selectByValue("PILOT_BASE");
		save(platform, "estimate: 测试用平台", "platform-form", 2);
		WebElement listed = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".product-panel .edit-segment[data-segment-id='" + segmentId + "']")));
		assertThat(listed.getText()).contains("稀土抛光材料中试基地（测试） · 中试基地 · 拟建");
		assertThat(listed.findElements(By.cssSelector(".edit-platform"))).isNotEmpty();
	}

	@Test
	void anEditWithoutASourceIsRefusedWithTheServersMessageAndNothingChanges() {
		double before = localCapacity(PRODUCT);

		openAsRareEarthLead();
		WebElement form = capacityForm();
		form.findElement(By.name("capacity")).clear();
		form.findElement(By.name("capacity")).sendKeys("123");
		form.findElement(By.cssSelector("button[type=submit]")).click();

		WebElement refusal = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".capacity-form .form-error")));
		assertThat(refusal.getText()).startsWith("服务器拒绝了这次修改：").contains("Argument 'source'");
		shot("no-source-refused", form);
		assertThat(localCapacity(PRODUCT)).isEqualTo(before);
		assertThat(browser.<String>script("return document.body.dataset.edits")).isNull();
	}

	@Test
	void anotherChainsProductOffersNoFormsAndAWriteForcedOntoItIsRefusedOnThePage() {
		this.page.open("/?chain=pv");
		logIn("lead-rare-earth", "rare-earth-demo");
		this.page.clickNode("pv-polysilicon");
		WebElement readOnly = editArea("pv-polysilicon");
		assertThat(readOnly.getDomAttribute("data-editable")).isEqualTo("false");
		assertThat(readOnly.getText()).contains("只读").contains("晶硅光伏");
		assertThat(readOnly.findElements(By.cssSelector("form, .edit-open"))).isEmpty();
		shot("other-chain-read-only", readOnly);

		// a write forced through: the rare-earth form's hidden fields pointed at a PV
		// line
		Map<String, Object> pvLine = firstLocalLine("pv-polysilicon");
		double pvBefore = localCapacity("pv-polysilicon");
		// the login lives in the tab's memory: the chain is switched on the page, not by
		// a reload
		new Select(browser.driver().findElement(By.id("chain"))).selectByValue(CHAIN);
		this.page.awaitMap();
		WebElement form = capacityForm();
		browser.script("""
				const form = arguments[0];
				form.elements.companyId.value = arguments[1];
				form.elements.productId.value = 'pv-polysilicon';
				form.elements.siteId.value = arguments[2];
				form.elements.region.value = arguments[3];""", form, map(pvLine.get("company")).get("id"),
				map(pvLine.get("site")).get("id"), pvLine.get("region"));
		form.findElement(By.name("capacity")).clear();
		form.findElement(By.name("capacity")).sendKeys("1");
		new Select(form.findElement(By.name("unit"))).selectByValue("t");
		form.findElement(By.name("source")).sendKeys("public: 伪造写入（测试）, 2024-06-01");
		form.findElement(By.cssSelector("button[type=submit]")).click();

		WebElement refusal = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".capacity-form .form-error")));
		assertThat(refusal.getText()).contains("lead-rare-earth (CHAIN_LEAD of rare-earth) may not setCapacity")
			.contains("chain pv");
		shot("forced-write-refused", form);
		assertThat(localCapacity("pv-polysilicon")).isEqualTo(pvBefore);
	}

	@Test
	void anAnalystAndAVisitorSeeNoForms() {
		this.page.open("/?chain=" + CHAIN);
		this.page.clickNode(PRODUCT);
		awaitPanel(PRODUCT);
		assertThat(browser.driver().findElements(By.cssSelector(".edit-area"))).as("no login, no forms").isEmpty();

		logIn("analyst", "analyst-demo");
		this.page.clickNode(PRODUCT);
		WebElement area = editArea(PRODUCT);
		assertThat(area.getDomAttribute("data-editable")).isEqualTo("false");
		assertThat(area.findElements(By.cssSelector("form, .edit-open"))).isEmpty();

		String company = (String) map(firstLocalLine(PRODUCT).get("company")).get("id");
		browser.driver()
			.findElement(By.cssSelector(".product-panel .local-producers button[data-company-id='" + company + "']"))
			.click();
		WebElement card = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".company-card[data-company-id='" + company + "'] .edit-area")));
		assertThat(card.getDomAttribute("data-editable")).isEqualTo("false");
		assertThat(card.findElements(By.cssSelector("form, .edit-open"))).isEmpty();
		shot("analyst-read-only", card);
	}

	@Test
	void aChainLeadMovesAProjectOnFromTheCompanyCardAndTheCardIsReadAgain() {
		String project = "ketian-baotou-magnet-project";
		this.page.open("/?chain=" + CHAIN + "&company=ketian-magnet");
		logIn("lead-rare-earth", "rare-earth-demo");
		WebElement item = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".company-card .edit-item[data-project-id='" + project + "']")));
		assertThat(item.getText()).contains("在建");
		item.findElement(By.cssSelector(".edit-project")).click();
		WebElement form = item.findElement(By.cssSelector(".project-form"));
		new Select(form.findElement(By.name("status"))).selectByValue("OPERATING");
		save(form, "public: 投产仪式报道（测试）, 2024-09-01", "project-form", 1);

		WebElement redrawn = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".company-card .edit-item[data-project-id='" + project + "']")));
		assertThat(redrawn.getText()).contains("在产").contains("已投产");
		assertThat(this.api.document("{ company(id: \"ketian-magnet\") { projects { id status } } }")
			.retrieveSync("company.projects")
			.toEntityList(mapType())).contains(Map.of("id", project, "status", "OPERATING"));
	}

	@Test
	void aChainLeadRecordsAnObservedSupplyLinkFromTheCompanyCardAndRemovesIt() {
		String supplier = "ketian-magnet";
		this.page.open("/?chain=" + CHAIN + "&company=" + supplier);
		logIn("lead-rare-earth", "rare-earth-demo");
		browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".company-card .edit-area .new-link")))
			.click();
		WebElement form = browser.driver().findElement(By.cssSelector(".company-card .supply-form"));
		String product = new Select(form.findElement(By.name("productId"))).getFirstSelectedOption()
			.getDomAttribute("value");
		String customer = new Select(form.findElement(By.name("customerId"))).getFirstSelectedOption()
			.getDomAttribute("value");
		save(form, "public: 供货合同公告（测试）, 2024-07-01", "supply-link-form", 1);

		WebElement link = browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".company-card .edit-item[data-link-company-id='" + customer
						+ "'][data-product-id='" + product + "']")));
		assertThat(link.getText()).startsWith("供给 ");
		assertThat(observedLinks(supplier)).contains(customer + "/" + product);

		link.findElement(By.cssSelector(".remove-link")).click();
		save(link.findElement(By.cssSelector(".remove-link-form")), "public: 合同到期（测试）, 2024-12-31", "remove-link-form",
				2);
		browser.waiting()
			.withMessage("the removed link to leave the card")
			.until(ExpectedConditions
				.numberOfElementsToBe(By.cssSelector(".company-card .edit-item[data-link-company-id='" + customer
						+ "'][data-product-id='" + product + "']"), 0));
		assertThat(observedLinks(supplier)).doesNotContain(customer + "/" + product);
	}

	/** The company's observed links as customer/product. */
	private List<String> observedLinks(String company) {
		return this.api.document("query ($c: ID!) { company(id: $c) { links { kind company { id } product { id } } } }")
			.variable("c", company)
			.retrieveSync("company.links")
			.toEntityList(mapType())
			.stream()
			.filter(l -> "OBSERVED".equals(l.get("kind")))
			.map(l -> map(l.get("company")).get("id") + "/" + map(l.get("product")).get("id"))
			.toList();
	}

	private void openAsRareEarthLead() {
		this.page.open("/?chain=" + CHAIN);
		logIn("lead-rare-earth", "rare-earth-demo");
	}

	/**
	 * The capacity form of the product's first operating local line, opened from its
	 * panel.
	 */
	private WebElement capacityForm() {
		this.page.clickNode(PRODUCT);
		WebElement item = editItem((String) map(firstLocalLine(PRODUCT).get("company")).get("id"));
		item.findElement(By.cssSelector(".edit-capacity")).click();
		return item.findElement(By.cssSelector(".capacity-form"));
	}

	private Map<String, Object> firstLocalLine(String product) {
		List<Map<String, Object>> lines = this.api
			.document("query ($p: ID!) { product(id: $p) { producers(localOnly: true) {"
					+ " company { id } site { id } capacity status region district } } }")
			.variable("p", product)
			.retrieveSync("product.producers")
			.toEntityList(mapType());
		return lines.stream()
			.filter(l -> "OPERATING".equals(l.get("status")) && l.get("capacity") != null)
			.findFirst()
			.orElseThrow();
	}

	private double localCapacity(String product) {
		String chain = product.startsWith("pv-") ? "pv" : CHAIN;
		return this.api.document("query ($c: ID!) { balance(chainId: $c) { product { id } localCapacity } }")
			.variable("c", chain)
			.retrieveSync("balance")
			.toEntityList(mapType())
			.stream()
			.filter(b -> product.equals(map(b.get("product")).get("id")))
			.map(b -> ((Number) b.get("localCapacity")).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	private double nodeCapacity(String product) {
		return ((Number) browser.script("return window.chainlensMap.getElementById(arguments[0]).data('capacity')",
				product))
			.doubleValue();
	}

	/** The page's reading of a figure in t: 12.6万 t. */
	private String figureOf(double tonnes) {
		return browser.script("""
				return import('/map/labels.js').then((labels) => labels.figure(arguments[0], 't'));""", tonnes);
	}

	private void logIn(String user, String password) {
		this.page.logIn(user, password);
	}

	private void awaitPanel(String product) {
		browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".product-panel[data-product-id='" + product + "'] .panel-section")));
	}

	private WebElement editArea(String product) {
		return browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".product-panel[data-product-id='" + product + "'] .edit-area")));
	}

	private WebElement editItem(String company) {
		return browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel .edit-area .edit-item[data-company-id='"
						+ company + "'][data-status='OPERATING']")));
	}

	/** Gives the form its source and saves it, with a screenshot of it filled in. */
	private void save(WebElement form, String source, String screenshot, int edits) {
		form.findElement(By.name("source")).sendKeys(source);
		shot(screenshot, form);
		form.findElement(By.cssSelector("button[type=submit]")).click();
		awaitEdits(edits);
	}

	private void awaitEdits(int count) {
		browser.waiting()
			.withMessage("the edit to be saved and the map redrawn")
			.until(d -> String.valueOf(count).equals(browser.script("return document.body.dataset.edits")));
		this.page.awaitMap();
	}

	/**
	 * A screenshot of the page with this element in view, beside the one taken after each
	 * test.
	 */
	private void shot(String name, WebElement element) {
		browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
		try {
			Files.createDirectories(Browser.SCREENSHOTS);
			Files.write(Browser.SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png"),
					browser.driver().getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
