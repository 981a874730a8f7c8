package io.chainlens.web;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.web.client.RestClient;

/**
 * The steps the page tests take on the chain map: open it, wait for the map, click a node
 * as a user would; and the public API beside it, to check the page against.
 */
final class MapPage {

	private final Browser browser;

	private final int port;

	MapPage(Browser browser, int port) {
		this.browser = browser;
		this.port = port;
	}

	/** The app's GraphQL API, with the documents of src/test/resources/graphql-test/. */
	GraphQlClient api() {
		return HttpSyncGraphQlClient.builder(RestClient.create("http://localhost:" + this.port + "/graphql"))
			.documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
					ResourceDocumentSource.FILE_EXTENSIONS))
			.build();
	}

	void open(String path) {
		this.browser.driver().get("http://localhost:" + this.port + path);
		awaitMap();
	}

	void awaitMap() {
		this.browser.waiting()
			.withMessage("the map to be drawn")
			.until(d -> "true".equals(this.browser.script("return document.body.dataset.mapReady")));
	}

	/**
	 * Logs in with the page's own form; the login lives in the tab's memory until a
	 * reload.
	 */
	void logIn(String user, String password) {
		this.browser.driver().findElement(By.id("login")).click();
		WebElement form = this.browser.driver().findElement(By.id("login-form"));
		form.findElement(By.name("user")).sendKeys(user);
		form.findElement(By.name("password")).sendKeys(password);
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.browser.waiting()
			.withMessage("the login")
			.until(d -> user.equals(this.browser.script("return document.body.dataset.user")));
	}

	/**
	 * A real mouse click on a node, brought to the middle of the map as a user would pan.
	 */
	void clickNode(String id) {
		List<Number> at = this.browser.script("""
				const cy = window.chainlensMap;
				const node = cy.getElementById(arguments[0]);
				cy.zoom(1);
				cy.center(node);
				const p = node.renderedPosition();
				return [p.x, p.y];""", id);
		WebElement map = this.browser.driver().findElement(By.id("map"));
		int dx = (int) Math.round(at.get(0).doubleValue() - map.getRect().getWidth() / 2.0);
		int dy = (int) Math.round(at.get(1).doubleValue() - map.getRect().getHeight() / 2.0);
		new Actions(this.browser.driver()).moveToElement(map, dx, dy).click().perform();
	}

}
