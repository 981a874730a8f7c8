package io.chainlens.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chain map page is served by the app with everything it loads, from the app alone,
 * and a policy that lets the browser run no script but the app's own.
 */
@ChainlensTest
class MapPageTest {

	/**
	 * Static and dynamic ES module imports: {@code from '…'} and {@code import('…')}; a
	 * word "from" ending a text in quotes (pick('采购自', 'buys from')) is not an import.
	 */
	private static final Pattern IMPORT = Pattern.compile("(?:\\bfrom\\s+|\\bimport\\s*\\(\\s*)'([^']+)'");

	@Autowired
	MockMvc mvc;

	@Test
	void pageAndEveryModuleItImportsComeFromTheApp() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
		String page = body("/index.html");
		List<String> assets = GraphiQlTest.ASSET.matcher(page).results().map(m -> m.group(1)).toList();
		assertThat(assets).contains("/map/app.js", "/map/map.css").allMatch(url -> url.startsWith("/"));
		assertThat(page).doesNotContain("https://", "http://");

		List<String> modules = new ArrayList<>(List.of("/map/app.js"));
		for (int i = 0; i < modules.size(); i++) {
			String module = modules.get(i);
			String source = body(module);
			if (!module.startsWith("/webjars/")) {
				for (String imported : IMPORT.matcher(source).results().map(m -> m.group(1)).toList()) {
					assertThat(imported).as("import in %s", module).matches("(\\./|/)[^:]+");
					String path = imported.startsWith("./")
							? module.substring(0, module.lastIndexOf('/') + 1) + imported.substring(2) : imported;
					if (!modules.contains(path)) {
						modules.add(path);
					}
				}
			}
		}
		assertThat(modules).contains("/map/queries.js", "/webjars/cytoscape/dist/cytoscape.esm.min.mjs");
		for (String asset : assets) {
			mvc.perform(get(asset)).andExpect(status().isOk());
		}
	}

	@Test
	void pageRunsOnlyTheAppsOwnScriptsAndGraphiQlKeepsItsInlineOne() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self';"),
					containsString("connect-src 'self';"), containsString("object-src 'none'"))));
		mvc.perform(get("/graphiql").param("path", "/graphql"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Content-Security-Policy"));
	}

	@Test
	void importPatternFindsStaticAndDynamicImports() {
		String source = "import a from './a.js';\nimport { b } from '/webjars/b.mjs'; const c = import('./c.js');"
				+ " pick('采购自', 'buys from') + ' ' + name;";
		assertThat(IMPORT.matcher(source).results().map(m -> m.group(1))).containsExactly("./a.js", "/webjars/b.mjs",
				"./c.js");
	}

	private String body(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
