package io.chainlens.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * The 招商 board (seed §21) in headless Chromium, as the investment bureau uses it: log in
 * on the page, add a gap's candidate as a lead from the product panel, find it on the
 * board, move it to 签约落地 and see the planned map change, record a contact whose next step
 * is overdue. Without a login there is no board.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class LeadBoardPageTest {

	private static final String CHAIN = "pv";

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
	void withoutALoginThereIsNoBoardAndNoPipelineScenario() {
		open("/?chain=" + CHAIN);
		assertThat(browser.driver().findElement(By.id("view-board")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.cssSelector("#scenario option[value=PIPELINE]")).isEnabled())
			.isFalse();
	}

	@Test
	void aCandidateAddedAsALeadMovesOnTheBoardAndItsSigningReachesThePlannedMap() {
		Map<String, Object> gap = missingGapWithCandidates();
		String product = (String) map(gap.get("product")).get("id");
		String company = (String) map(map(list(gap.get("candidates")).get(0)).get("company")).get("id");

		open("/?chain=" + CHAIN + "&scenario=PLANNED");
		logIn("investment", "investment-demo");
		assertThat((String) browser.script("return window.chainlensMap.getElementById(arguments[0]).data('gapKind')",
				product))
			.isEqualTo("MISSING");

		clickNode(product);
		WebElement candidate = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".product-panel[data-product-id='"
					+ product + "'] .gap[data-gap-kind='MISSING'] .candidate[data-company-id='" + company + "']")));
		candidate.findElement(By.cssSelector(".add-lead-button")).click();
		WebElement form = candidate.findElement(By.cssSelector(".new-lead-form"));
		new Select(form.findElement(By.name("stage"))).selectByValue("PRELIMINARY");
		form.findElement(By.name("capacity")).sendKeys("1000");
		form.findElement(By.name("investment")).sendKeys("12");
		form.findElement(By.name("source")).sendKeys("public: 签约仪式报道（测试）, 2024-05-01");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		awaitLead();

		WebElement badge = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".product-panel .gap .candidate[data-company-id='" + company + "'] .lead-badge")));
		assertThat(badge.getText()).contains("前期推进");

		browser.driver().findElement(By.id("view-board")).click();
		awaitBoard();
		WebElement card = browser.driver()
			.findElement(By.cssSelector(".board-column[data-stage='PRELIMINARY'] .lead-card"));
		assertThat(card.getText()).contains("1,000 ").contains("投资 12 亿元").contains("包头市商务局");
		String leadId = card.getDomAttribute("data-lead-id");

		card.findElement(By.cssSelector("button.move")).click();
		WebElement move = card.findElement(By.cssSelector(".move-form"));
		new Select(move.findElement(By.name("stage"))).selectByValue("SIGNED");
		move.findElement(By.name("source")).sendKeys("public: 签约公告（测试）, 2024-06-01");
		move.findElement(By.cssSelector("button[type=submit]")).click();
		awaitBoard();
		browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector(".board-column[data-stage='SIGNED'] .lead-card[data-lead-id='" + leadId + "']")));

		browser.driver().findElement(By.id("view-board")).click();
		awaitMap();
		assertThat((String) browser.script("return window.chainlensMap.getElementById(arguments[0]).data('gapKind')",
				product))
			.as("the signed lead's planned capacity is on the PLANNED map")
			.isNotEqualTo("MISSING");
	}

	@Test
	void aContactWithAPastDueNextStepMarksTheCardOverdueAndABackwardMoveIsShownAsRefused() {
		open("/?chain=" + CHAIN);
		logIn("lead-pv", "pv-demo");
		Map<String, Object> gap = missingGapWithCandidates();
		String product = (String) map(gap.get("product")).get("id");
		List<Object> candidates = list(gap.get("candidates"));
		// the last candidate: the other test takes the first
		String company = (String) map(map(candidates.get(candidates.size() - 1)).get("company")).get("id");
		clickNode(product);
		WebElement candidate = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".gap .candidate[data-company-id='" + company + "'] .add-lead-button")));
		candidate.click();
		WebElement form = browser.driver().findElement(By.cssSelector(".new-lead-form"));
		form.findElement(By.name("source")).sendKeys("estimate: 候选企业，尚未接触（测试）");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		awaitLead();

		browser.driver().findElement(By.id("view-board")).click();
		awaitBoard();
		WebElement card = browser.driver()
			.findElement(By.cssSelector(".board-column[data-stage='RESERVE'] .lead-card"));
		card.findElement(By.cssSelector("button.contact")).click();
		WebElement contact = card.findElement(By.cssSelector(".contact-form"));
		contact.findElement(By.name("who")).sendKeys("市工信局 / 公司副总");
		contact.findElement(By.name("agreed")).sendKeys("来包考察");
		contact.findElement(By.name("nextStep")).sendKeys("提交项目建议书");
		setDate(contact.findElement(By.name("on")), LocalDate.now().minusDays(20));
		setDate(contact.findElement(By.name("due")), LocalDate.now().minusDays(5));
		contact.findElement(By.cssSelector("button[type=submit]")).click();
		awaitBoard();

		WebElement overdue = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".lead-card.overdue")));
		assertThat(overdue.getText()).contains("已逾期").contains("提交项目建议书");

		overdue.findElement(By.cssSelector("button.drop")).click();
		WebElement drop = overdue.findElement(By.cssSelector(".drop-form"));
		setDate(drop.findElement(By.name("on")), LocalDate.now().minusYears(30));
		drop.findElement(By.name("reason")).sendKeys("测试");
		drop.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement refusal = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".drop-form .form-error")));
		assertThat(refusal.getText()).contains("Argument 'on'");
	}

	private void logIn(String user, String password) {
		this.page.logIn(user, password);
	}

	private Map<String, Object> missingGapWithCandidates() {
		return this.api.documentName("gapsWithCandidates")
			.variable("chainId", CHAIN)
			.variable("scenario", "PLANNED")
			.variable("first", 100)
			.variable("candidates", 5)
			.retrieveSync("gaps")
			.toEntityList(Map.class)
			.stream()
			.map(LeadBoardPageTest::map)
			.filter(g -> "MISSING".equals(g.get("kind")) && !list(g.get("candidates")).isEmpty())
			.findFirst()
			.orElseThrow();
	}

	private static void setDate(WebElement input, LocalDate date) {
		browser.script("arguments[0].value = arguments[1]", input, date.toString());
	}

	private void open(String path) {
		this.page.open(path);
	}

	private void awaitMap() {
		this.page.awaitMap();
	}

	private void awaitLead() {
		browser.waiting()
			.withMessage("the lead to be added")
			.until(d -> browser.script("return document.body.dataset.lastLead") != null);
		awaitMap();
	}

	private void awaitBoard() {
		browser.waiting()
			.withMessage("the board to be drawn")
			.until(d -> "true".equals(browser.script("return document.body.dataset.boardReady")));
	}

	private void clickNode(String id) {
		this.page.clickNode(id);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
