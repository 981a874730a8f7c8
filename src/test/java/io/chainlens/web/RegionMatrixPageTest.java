package io.chainlens.web;

import java.util.List;
import java.util.Map;

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
 * 地区对比 in headless Chromium: the chain's provinces × products as the API's regionMatrix
 * has them, an unknown capacity as 未知 and never 0, the focus city's province marked, and
 * a product heading that opens the product on the map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionMatrixPageTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	MapPage page;

	@BeforeEach
	void open() {
		this.page = new MapPage(browser, this.port);
	}

	@Test
	void theMatrixShowsTheProvincesAsTheApiRanksThemWithUnknownNeverZero() {
		Map<String, Object> matrix = page.api()
			.documentName("regionMatrix")
			.variable("chainId", "pv")
			.variable("first", 15)
			.retrieveSync("regionMatrix")
			.toEntity(Map.class);
		page.open("/?chain=pv");
		browser.driver().findElement(By.id("view-regions")).click();
		browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-regions-ready", "true"));
		List<WebElement> rows = browser.driver().findElements(By.cssSelector(".matrix tbody tr"));
		assertThat(rows).extracting(r -> r.getDomAttribute("data-region-id"))
			.containsExactlyElementsOf(list(matrix.get("regions")).stream().map(r -> (String) r.get("id")).toList());
		assertThat(browser.driver().getCurrentUrl()).contains("view=regions");
		// 内蒙古, the province of 包头市, is marked
		assertThat(browser.driver().findElements(By.cssSelector(".matrix tr.focus-region")))
			.extracting(r -> r.getDomAttribute("data-region-id"))
			.containsExactly("inner-mongolia");
		for (Map<String, Object> cell : list(matrix.get("cells"))) {
			String region = (String) map(cell.get("region")).get("id");
			String product = (String) map(cell.get("product")).get("id");
			WebElement shown = browser.driver()
				.findElement(By
					.cssSelector("td[data-region-id='" + region + "'][data-product-id='" + product + "'] .figure"));
			if (cell.get("knownCapacity") == null) {
				assertThat(shown.getText()).as(region + "/" + product).isEqualTo("未知");
			}
			else {
				assertThat(shown.getText()).as(region + "/" + product).isNotEqualTo("未知").doesNotStartWith("0 ");
			}
		}
	}

	@Test
	void aProductHeadingOpensTheProductOnTheMap() {
		page.open("/?chain=pv&view=regions");
		browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-regions-ready", "true"));
		browser.driver().findElement(By.cssSelector(".matrix th[data-product-id='pv-polysilicon'] button")).click();
		browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='pv-polysilicon']")));
		assertThat(browser.driver().findElement(By.id("regions")).isDisplayed()).isFalse();
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
