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
 * 地区对比's analysis per cell in headless Chromium: each province's self-sufficiency in a
 * product (未知 when the API has none, never 0%; no line where the province has no demand)
 * and its gap kinds as the map's glyphs, as the API's regionMatrix answers them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionMatrixFiguresPageTest {

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
	@SuppressWarnings("unchecked")
	void eachCellShowsTheProvincesSelfSufficiencyAndGapsAsTheApiHasThem() {
		List<Map<String, Object>> cells = (List<Map<String, Object>>) page.api()
			.documentName("regionMatrixFigures")
			.variable("chainId", "storage-hydrogen")
			.variable("first", 15)
			.retrieveSync("regionMatrix.cells")
			.toEntity(List.class);
		page.open("/?chain=storage-hydrogen&view=regions");
		browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-regions-ready", "true"));
		int withGaps = 0;
		for (Map<String, Object> cell : cells) {
			String region = (String) ((Map<String, Object>) cell.get("region")).get("id");
			String product = (String) ((Map<String, Object>) cell.get("product")).get("id");
			WebElement shown = browser.driver()
				.findElement(By.cssSelector("td[data-region-id='" + region + "'][data-product-id='" + product + "']"));
			List<WebElement> line = shown.findElements(By.cssSelector(".self-sufficiency"));
			String bound = (String) cell.get("selfSufficiencyBound");
			if (bound == null) {
				assertThat(line).as(region + "/" + product + ": no demand there, no ratio").isEmpty();
			}
			else if (cell.get("selfSufficiency") == null) {
				assertThat(line).singleElement().extracting(WebElement::getText).isEqualTo("自给率 未知");
			}
			else {
				assertThat(line).singleElement()
					.extracting(WebElement::getText)
					.asString()
					.startsWith("自给率 ")
					.endsWith("%")
					.doesNotContain("未知");
			}
			List<String> gaps = ((List<String>) cell.get("gaps")).stream()
				.filter(kind -> !kind.equals("NO_INNOVATION_SUPPORT"))
				.toList();
			withGaps += gaps.isEmpty() ? 0 : 1;
			assertThat(shown.findElements(By.cssSelector(".cell-gaps .glyph")))
				.extracting(g -> g.getDomAttribute("data-gap-kind"))
				.as(region + "/" + product)
				.containsExactlyInAnyOrderElementsOf(gaps);
		}
		assertThat(withGaps).as("cells with a gap shown").isPositive();
		// the legend names the kinds shown, the map's legend being out of view
		assertThat(browser.driver().findElement(By.cssSelector(".matrix-legend")).getText()).contains("单一来源")
			.doesNotContain("创新平台");
	}

}
