package io.chainlens.editing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page reads to offer only the writes a login may make: which chains it may
 * write, the units a capacity may be written in, and the chains a platform's writes
 * touch.
 */
@ChainlensTest
class EditingChoicesTest {

	@Autowired
	private HttpGraphQlTester graphQl;

	private Map<String, Boolean> editableChains(Login login) {
		List<Map<String, Object>> chains = login.as(graphQl)
			.documentName("editingChoices")
			.variable("productId", "pv-polysilicon")
			.execute()
			.path("chains")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		return chains.stream().collect(Collectors.toMap(c -> (String) c.get("id"), c -> (Boolean) c.get("editable")));
	}

	@Test
	void aChainLeadMayEditOnlyTheChainsItLeads() {
		assertThat(editableChains(Login.LEAD_RARE_EARTH)).containsEntry("rare-earth", true)
			.containsEntry("pv", false)
			.containsEntry("wind", false);
		assertThat(editableChains(Login.LEAD_PV)).containsEntry("pv", true).containsEntry("rare-earth", false);
	}

	@Test
	void anAdminMayEditEveryChainAndReadersNone() {
		assertThat(editableChains(Login.ADMIN).values()).hasSizeGreaterThan(5).containsOnly(true);
		assertThat(editableChains(Login.ANALYST).values()).containsOnly(false);
		assertThat(editableChains(Login.INVESTMENT).values()).containsOnly(false);
		assertThat(editableChains(Login.ANONYMOUS).values()).containsOnly(false);
	}

	@Test
	void listsTheProductsUnitFirstThenThoseThatConvertAndItsOwnConversions() {
		List<String> units = graphQl.documentName("editingChoices")
			.variable("productId", "rare-earth-ndfeb-magnet")
			.execute()
			.path("product.acceptedUnits")
			.entityList(String.class)
			.get();
		assertThat(units.get(0)).isEqualTo("t");
		// kt and 万t convert exactly; t-blank is the magnet's own conversion
		// (conversions.csv)
		assertThat(units).contains("kt", "万t", "t-blank").doesNotContain("GW", "Mm2");
	}

	@Test
	void namesEveryChainAPlatformSupportsDirectlyOrThroughASegment() {
		List<Map<String, Object>> platforms = graphQl.documentName("editingChoices")
			.variable("productId", "pv-polysilicon")
			.execute()
			.path("platforms")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		Map<String, Object> lab = platforms.stream()
			.filter(p -> p.get("id").equals("bayan-obo-re-state-key-lab"))
			.findFirst()
			.orElseThrow();
		// supported through two rare-earth segments and the chain itself: named once
		assertThat(lab.get("chains")).isEqualTo(List.of(Map.of("id", "rare-earth")));
		Map<String, Object> ofNoChain = platforms.stream()
			.filter(p -> p.get("id").equals("jiebang-guashuai-platform"))
			.findFirst()
			.orElseThrow();
		assertThat(ofNoChain.get("chains")).isEqualTo(List.of());
	}

}
