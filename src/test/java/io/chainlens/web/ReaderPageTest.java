package io.chainlens.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page for every reader, in headless Chromium: the interface in Chinese or English
 * with units in the reader's language, the city and the data's date in the header, on the
 * PNG and on a print, the chain as a table a keyboard can walk, and a phone-wide layout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReaderPageTest {

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	MapPage page;

	@BeforeEach
	void open() {
		this.page = new MapPage(browser, this.port);
	}

	@AfterEach
	void backToScreen() {
		browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void theHeaderNamesTheCityAndTheDataDateTheApiGives() {
		String date = dataDate();
		assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}");
		page.open("/?chain=pv");
		String header = browser.driver().findElement(By.cssSelector(".toolbar h1")).getText();
		assertThat(header).contains("包头市", "数据截至 " + date);
	}

	@Test
	void englishLeavesNoChineseInTheToolbarLegendGapListAndPanelHeadings() {
		page.open("/?chain=wind");
		browser.driver().findElement(By.id("language")).click();
		browser.waiting()
			.until(d -> "en".equals(browser.script("return document.documentElement.lang"))
					&& browser.driver().findElement(By.id("language")).getText().equals("中文"));
		page.awaitMap();
		page.clickNode("wind-gearbox");
		WebElement panel = browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='wind-gearbox']")));

		// the language button names the other language, in that language
		String toolbar = browser.script("""
				const bar = document.querySelector('.toolbar').cloneNode(true);
				bar.querySelector('#language').remove();
				return bar.innerText;""");
		assertThat(toolbar).contains("Chain", "Scenario", "Map PNG").doesNotContainPattern(CHINESE);
		assertThat(browser.driver().findElement(By.cssSelector(".legend")).getText()).contains("Legend")
			.doesNotContainPattern(CHINESE);
		assertThat(browser.driver().findElement(By.cssSelector("#gap-list h2")).getText()).startsWith("Gaps")
			.doesNotContainPattern(CHINESE);
		List<String> headings = panel.findElements(By.cssSelector("h3, dt, th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(headings).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContainPattern(CHINESE));
		assertThat(panel.getText()).contains("unit: units");
		// kept in the link: a reload or a shared link opens in English
		assertThat(browser.driver().getCurrentUrl()).contains("lang=en");
		browser.driver().navigate().refresh();
		page.awaitMap();
		assertThat(browser.driver().findElement(By.cssSelector(".legend h2")).getText()).isEqualTo("Legend");
	}

	@Test
	void englishLeavesNoChineseInTheCityOverviewOrTheCompanyCardsHeadingsAndTags() throws IOException {
		page.open("/?chain=rare-earth&lang=en");
		browser.driver().findElement(By.id("view-overview")).click();
		browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-overview-ready", "true"));
		WebElement overview = browser.driver().findElement(By.id("overview"));
		// the body's row heads are chain names: Chinese where the data has no English one
		List<String> overviewHeads = texts(overview,
				".board-head, .city-overview > p.muted, thead th, .chain-record h3");
		assertThat(overviewHeads).contains("Lead units", "Worst gap", "Local support rate")
			.anySatisfy(h -> assertThat(h).endsWith("Missing link"))
			.allSatisfy(h -> assertThat(h).doesNotContainPattern(CHINESE));
		Files.write(Browser.SCREENSHOTS.resolve("ReaderPageTest-english-overview.png"),
				browser.driver().getScreenshotAs(OutputType.BYTES));

		browser.driver().findElement(By.id("view-overview")).click();
		page.awaitMap();
		browser.driver().findElement(By.id("search")).sendKeys("北方稀土");
		WebElement result = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results .result")));
		String companyId = result.getDomAttribute("data-company-id");
		result.click();
		browser.waiting().until(d -> companyId.equals(browser.script("return document.body.dataset.impactReady")));
		WebElement card = browser.driver()
			.findElement(By.cssSelector(".company-card[data-company-id='" + companyId + "']"));
		List<String> cardHeads = texts(card, "h3, th, .link-kind, .impact > p.muted");
		assertThat(cardHeads).anySatisfy(h -> assertThat(h).startsWith("Sites"))
			.anySatisfy(h -> assertThat(h).startsWith("If its local sites stop"))
			.anySatisfy(h -> assertThat(h).isIn("verified", "inferred"))
			.allSatisfy(h -> assertThat(h).doesNotContainPattern(CHINESE));
		assertThat(card.findElements(By.cssSelector(".company-chains button")))
			.allSatisfy(b -> assertThat(b.getDomAttribute("title")).doesNotContainPattern(CHINESE));
		// the screenshot after the test shows the supply links' tags and the impact
		browser.script("document.querySelector('.company-card .impact').scrollIntoView()");
	}

	private static List<String> texts(WebElement root, String selector) {
		return root.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	@Test
	void chineseShowsUnitsInChineseWordsNeverTheApiCodes() {
		assertThat(productPanel("wind", "wind-gearbox").getText()).contains("单位 台");
		assertThat(bodyText()).doesNotContain("units", "Mm2");

		assertThat(productPanel("pv", "pv-glass").getText()).contains("单位 百万平方米");
		assertThat(bodyText()).doesNotContain("units", "Mm2");
		browser.driver().findElement(By.id("view-table")).click();
		assertThat(browser.driver().findElement(By.id("chain-table")).getText()).contains("百万平方米");
		assertThat(bodyText()).doesNotContain("units", "Mm2");

		// tonnes from 万 up read as 万吨
		assertThat(productPanel("pv", "pv-polysilicon").findElement(By.cssSelector(".figures")).getText())
			.contains("万吨")
			.doesNotContain(" t");
	}

	/** The Chinese page of a chain with a product's panel open. */
	private WebElement productPanel(String chain, String product) {
		page.open("/?chain=" + chain + "&lang=zh");
		page.clickNode(product);
		return browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + product + "']")));
	}

	@Test
	void thePngHasATitleBandWithChainScenarioCityAndDateAndALegendAndSourceBelow() throws IOException {
		String date = dataDate();
		page.open("/?chain=pv&scenario=PLANNED");
		browser.clearDownloads();
		browser.driver().findElement(By.id("export-png")).click();
		Path png = browser.download("chainlens-pv-PLANNED.png");

		assertThat((String) browser.script("return document.body.dataset.pngTitle")).contains("光伏", "规划", "包头市",
				"数据截至 " + date);
		// kept beside the screenshots, to be looked at
		Files.copy(png, Browser.SCREENSHOTS.resolve("ReaderPageTest-exported-map.png"),
				StandardCopyOption.REPLACE_EXISTING);
		BufferedImage image = ImageIO.read(png.toFile());
		String[] map = ((String) browser.script("return document.body.dataset.pngMapSize")).split("x");
		int mapHeight = Integer.parseInt(map[1]);
		assertThat(image.getHeight()).as("the map with a band above and below it").isGreaterThan(mapHeight + 150);
		// the title's dark letters in the band above the map, the legend's and source's
		// below it
		assertThat(darkPixels(image, 0, 80)).as("title band").isGreaterThan(500);
		assertThat(darkPixels(image, image.getHeight() - (image.getHeight() - mapHeight - 84), image.getHeight()))
			.as("legend and source")
			.isGreaterThan(500);
	}

	@Test
	void printHidesTheToolbarAndShowsTheTitleLegendMapAndGapList() {
		page.open("/?chain=wind");
		browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(browser.driver().findElement(By.cssSelector(".toolbar")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("export-png")).isDisplayed()).isFalse();
		WebElement title = browser.driver().findElement(By.id("print-title"));
		assertThat(title.isDisplayed()).isTrue();
		assertThat(title.getText()).contains("风电", "现状", "包头市", "数据截至");
		assertThat(browser.driver().findElement(By.cssSelector(".legend")).isDisplayed()).isTrue();
		WebElement source = browser.driver().findElement(By.id("print-source"));
		assertThat(source.isDisplayed()).isTrue();
		assertThat(source.getText()).startsWith("来源：").contains("包头市", "数据截至");
		assertThat(browser.driver().findElement(By.id("map")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.cssSelector("#gap-list .gap-row")).isDisplayed()).isTrue();
		// the map comes before the gap list on the printed pages
		Number mapTop = browser.script("return document.getElementById('map').getBoundingClientRect().top");
		Number listTop = browser.script("return document.getElementById('gap-list').getBoundingClientRect().top");
		assertThat(mapTop.doubleValue()).isLessThan(listTop.doubleValue());
		browser.script("window.scrollTo(0, 0)");
	}

	@Test
	void theTableViewIsWalkedByKeyboardAndEnterOpensTheProduct() {
		page.open("/?chain=wind");
		List<WebElement> controls = browser.driver()
			.findElements(By.cssSelector(".toolbar button, .toolbar select, .toolbar input, .toolbar a"));
		for (WebElement control : controls.stream().filter(WebElement::isDisplayed).toList()) {
			String name = (String) browser.script(
					"const e = arguments[0]; return e.getAttribute('aria-label') || e.innerText || e.placeholder || ''",
					control);
			assertThat(name.trim()).as(control.getDomAttribute("id") + " has a name").isNotEmpty();
		}
		WebElement toggle = browser.driver().findElement(By.id("view-table"));
		toggle.sendKeys(Keys.ENTER);
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chain-table table")));
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#chain-table tbody tr"));
		List<String> products = rows.stream().map(r -> r.getDomAttribute("data-product-id")).toList();
		assertThat(products).hasSize(((Number) browser.script("""
				return window.chainlensMap.nodes('.product').length""")).intValue());
		assertThat(rows).extracting(r -> r.getDomAttribute("tabindex")).first().isEqualTo("0");
		assertThat(rows.subList(1, rows.size())).extracting(r -> r.getDomAttribute("tabindex")).containsOnly("-1");
		assertThat(focusedProduct()).isEqualTo(products.get(0));

		activeElement().sendKeys(Keys.ARROW_DOWN);
		activeElement().sendKeys(Keys.ARROW_DOWN);
		assertThat(focusedProduct()).isEqualTo(products.get(2));
		activeElement().sendKeys(Keys.ARROW_UP);
		assertThat(focusedProduct()).isEqualTo(products.get(1));
		activeElement().sendKeys(Keys.END);
		assertThat(focusedProduct()).isEqualTo(products.get(products.size() - 1));
		// each row's capacity as the API has it: not made locally, 未知 (never 0), or a
		// figure
		List<Map<String, Object>> balances = page.api()
			.documentName("balance")
			.variable("chainId", "wind")
			.variable("scenario", "CURRENT")
			.retrieveSync("balance")
			.toEntityList(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		for (WebElement row : rows) {
			String product = row.getDomAttribute("data-product-id");
			Map<String, Object> balance = balances.stream()
				.filter(b -> product.equals(((Map<?, ?>) b.get("product")).get("id")))
				.findFirst()
				.orElseThrow();
			String capacity = row.findElements(By.tagName("td")).get(1).getText();
			if (((Number) balance.get("producerCount")).intValue() == 0) {
				assertThat(capacity).as(product).endsWith("（本地无生产）");
			}
			else if ("UNKNOWN".equals(balance.get("capacityBound"))) {
				assertThat(capacity).as(product).isEqualTo("未知");
			}
			else {
				assertThat(capacity).as(product).isNotEqualTo("未知").doesNotStartWith("0 ");
			}
		}
		String chosen = products.get(1);
		activeElement().sendKeys(Keys.HOME);
		activeElement().sendKeys(Keys.ARROW_DOWN);
		activeElement().sendKeys(Keys.ENTER);
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='" + chosen + "']")));
		assertThat(browser.driver().getCurrentUrl()).contains("product=" + chosen);
	}

	@Test
	void at390PixelsNothingScrollsSidewaysAndTheGapListComesFirst() {
		browser.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		page.open("/?chain=pv");
		assertThat(scrollWidth()).isLessThanOrEqualTo(390);
		WebElement list = browser.driver().findElement(By.id("gap-list"));
		assertThat(list.isDisplayed()).isTrue();
		assertThat(list.getRect().getY()).as("the gap list starts on the first screen").isLessThan(844);
		assertThat(browser.driver().findElement(By.id("map")).isDisplayed()).as("the map on demand").isFalse();

		browser.driver().findElement(By.id("show-map")).click();
		assertThat(browser.driver().findElement(By.id("map")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("map")).getRect().getY()).isGreaterThan(list.getRect().getY());
		browser.driver().findElement(By.cssSelector("#gap-list .gap-row")).click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".product-panel")));
		WebElement panel = browser.driver().findElement(By.id("panel"));
		long viewport = ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
		assertThat((long) panel.getRect().getWidth()).as("full width").isGreaterThanOrEqualTo(viewport - 1);
		assertThat(scrollWidth()).isLessThanOrEqualTo(390);
		browser.script("document.getElementById('panel-close').click(); window.scrollTo(0, 0)");
	}

	private String dataDate() {
		return page.api().document("{ dataDate }").retrieveSync("dataDate").toEntity(String.class);
	}

	private long scrollWidth() {
		return ((Number) browser.script("return document.scrollingElement.scrollWidth")).longValue();
	}

	private WebElement activeElement() {
		return browser.driver().switchTo().activeElement();
	}

	private String focusedProduct() {
		return activeElement().getDomAttribute("data-product-id");
	}

	private String bodyText() {
		return browser.driver().findElement(By.tagName("body")).getText();
	}

	private static int darkPixels(BufferedImage image, int fromY, int toY) {
		int dark = 0;
		for (int y = Math.max(0, fromY); y < Math.min(image.getHeight(), toY); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
				if (brightness < 300) {
					dark++;
				}
			}
		}
		return dark;
	}

}
