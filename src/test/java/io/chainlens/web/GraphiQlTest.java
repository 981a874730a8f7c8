package io.chainlens.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GraphiQL works on a network without internet: every asset it loads comes from the app.
 */
@ChainlensTest
class GraphiQlTest {

	static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void graphiQlPageLoadsOnlyAssetsServedByTheApp() throws Exception {
		String page = mvc.perform(get("/graphiql").param("path", "/graphql"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> assets = ASSET.matcher(page).results().map(m -> m.group(1)).toList();
		assertThat(assets).isNotEmpty().allMatch(url -> url.startsWith("/webjars/"), "is served by the app");
		assertThat(page).doesNotContain("https://", "http://");
		for (String asset : assets) {
			mvc.perform(get(asset)).andExpect(status().isOk());
		}
	}

	@Test
	void assetPatternFindsScriptsAndStylesheets() {
		Matcher m = ASSET.matcher("<link href=\"/webjars/a.css\"><script src=\"https://cdn/x.js\"></script>");
		assertThat(m.results().map(r -> r.group(1))).containsExactly("/webjars/a.css", "https://cdn/x.js");
	}

}
