package io.chainlens.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
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
	void aPathThatABrowserWouldReadAsAnotherSiteIsRefused() throws Exception {
		for (String path : List.of("/\t/other.host/graphql", "/\r/other.host/graphql", "/\n/other.host/graphql",
				"//other.host/graphql", "/\\other.host/graphql", "https://other.host/graphql", "\t//other.host/graphql",
				"/graphql?x=//other.host", "javascript:alert(1)")) {
			String message = mvc.perform(get("/graphiql").param("path", path))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(message).as(path).contains("path must be a path on this server such as /graphql");
		}
		mvc.perform(get("/graphiql").param("path", "/graphql")).andExpect(status().isOk());
		mvc.perform(get("/graphiql").param("path", "/chainlens/graphql")).andExpect(status().isOk());
	}

	/**
	 * The page's own check, run by Node.js (its URL parser is the WHATWG one browsers
	 * use); skipped where Node.js is not installed.
	 */
	@Test
	void thePageComparesOriginsAfterParsingThePath() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "needs /usr/bin/node");
		String page = mvc.perform(get("/graphiql").param("path", "/graphql"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher function = Pattern.compile("function endpoint\\(requested, origin\\) \\{.*?\\n  \\}", Pattern.DOTALL)
			.matcher(page);
		assertThat(function.find()).as("the page's endpoint function").isTrue();
		String script = function.group()
				+ """

						const origin = 'http://localhost:8080';
						const paths = ['/\\t/other.host/graphql', '/\\r/other.host/graphql', '/\\n/other.host/graphql',
						  '//other.host/graphql', '/\\\\other.host/graphql', 'https://other.host/graphql', null, '/chainlens/graphql'];
						console.log(JSON.stringify(paths.map(p => endpoint(p, origin))));
						""";
		Process node = new ProcessBuilder("/usr/bin/node", "-e", script).redirectErrorStream(true).start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(node.waitFor()).as(output).isZero();

		String local = "http://localhost:8080/graphql";
		assertThat(output).isEqualTo("[\"" + String.join("\",\"", local, local, local, local, local, local, local,
				"http://localhost:8080/chainlens/graphql") + "\"]");
	}

	@Test
	void assetPatternFindsScriptsAndStylesheets() {
		Matcher m = ASSET.matcher("<link href=\"/webjars/a.css\"><script src=\"https://cdn/x.js\"></script>");
		assertThat(m.results().map(r -> r.group(1))).containsExactly("/webjars/a.css", "https://cdn/x.js");
	}

}
