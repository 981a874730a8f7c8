package io.chainlens.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis of any region (issue 16 item 1), on the seed graph's polysilicon lines:
 * 昆都仑区 has 通威's 70,000 t operating (and 200,000 t being built); 包头市 has 通威 70,000, 大全
 * 100,000 (九原区), 新特 100,000 (土右旗) and 协鑫 40,000 t operating = 310,000 t from 4 producers,
 * and 1,160,000 t with the building and planned lines of 通威, 大全, 新特, 协鑫, 旭阳, 弘元 and 东方日升.
 */
@ChainlensTest
class RegionAnalysisTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	LocalGraphCache cache;

	@Autowired
	AnalysisQueries queries;

	@BeforeEach
	void seed() {
		graph.seed();
	}

	@Test
	void aDistrictCountsOnlyTheLinesOfItsOwnSites() {
		assertThat(polysilicon("昆都仑区", "CURRENT")).containsEntry("localCapacity", 70000.0)
			.containsEntry("producerCount", 1);
		assertThat(polysilicon("baotou-kundulun", "PLANNED")).containsEntry("localCapacity", 270000.0);
		assertThat(polysilicon(null, "CURRENT")).containsEntry("localCapacity", 310000.0)
			.containsEntry("producerCount", 4);
		assertThat(polysilicon("baotou", "PLANNED")).containsEntry("localCapacity", 1160000.0);
		assertThat(((Number) polysilicon("内蒙古自治区", "CURRENT").get("localCapacity")).doubleValue())
			.as("a province holds its cities")
			.isGreaterThanOrEqualTo(310000.0);
	}

	@Test
	void aCompanyOfTheCityOutsideTheDistrictIsACandidateForTheDistrictOnly() {
		assertThat(candidateIds(null)).doesNotContain("daqo");
		assertThat(candidateIds("昆都仑区")).contains("daqo").doesNotContain("tongwei");
	}

	@Test
	void oneRegionsAnswersNeverLeakIntoAnothers() {
		List<Object> before = gapKeys(null);
		List<Object> district = gapKeys("baotou-qingshan");
		assertThat(district).isNotEqualTo(before);
		assertThat(gapKeys(null)).isEqualTo(before);
		assertThat(graphQl.document("{ gaps(chainId: \"pv\", region: \"昆都仑区\") { explanation } }")
			.execute()
			.path("gaps[*].explanation")
			.entityList(String.class)
			.get()).anySatisfy(explanation -> assertThat(explanation).contains("昆都仑区"));
	}

	@Test
	void anUnknownRegionIsRefusedNamingTheArgument() {
		graphQl.document("{ balance(chainId: \"pv\", region: \"火星市\") { localCapacity } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
				assertThat(error.getMessage()).contains("火星市").contains("region");
			}));
	}

	@Test
	void theCacheKeepsABoundedNumberOfRegions() {
		List<String> regions = graph.rows("MATCH (r:Region) RETURN r.id AS id ORDER BY r.id LIMIT 10", Map.of())
			.stream()
			.map(r -> (String) r.get("id"))
			.toList();
		LocalGraphCache fourRegions = new LocalGraphCache(queries, 4, LocalGraphCache.LINES, 100);
		regions.forEach(fourRegions::get);
		assertThat(fourRegions.size()).isEqualTo(4);
		// the app's own cache, through the API
		regions
			.forEach(region -> graphQl.document("query($r: String) { balance(chainId: \"pv\", region: $r) { unit } }")
				.variable("r", region)
				.execute()
				.path("balance")
				.hasValue());
		assertThat(cache.size()).isLessThanOrEqualTo(LocalGraphCache.REGIONS);
	}

	@Test
	void theCacheKeepsABoundedNumberOfLinesButAlwaysTheRegionLastRead() {
		int cityLines = cache.get("baotou").lines();
		int districtLines = cache.get("baotou-kundulun").lines();
		assertThat(districtLines).isPositive().isLessThan(cityLines);
		LocalGraphCache small = new LocalGraphCache(queries, LocalGraphCache.REGIONS, cityLines - 1, 100);
		small.get("baotou");
		assertThat(small.size()).as("larger than the bound, but the region just read").isEqualTo(1);
		small.get("baotou-kundulun");
		assertThat(small.size()).isEqualTo(1);
		assertThat(small.lines()).isEqualTo(districtLines);
	}

	@Test
	void regionsShareOneCatalogueUntilTheGraphChanges() {
		LocalGraph city = cache.get("baotou");
		LocalGraph district = cache.get("baotou-kundulun");
		assertThat(district.catalogue()).isSameAs(city.catalogue());
		assertThat(district.product("pv-polysilicon")).isNotNull();
		graph.write("MATCH (p:Product {id: 'pv-polysilicon'}) SET p.note = 'changed'", Map.of());
		assertThat(cache.get("baotou").catalogue()).isNotSameAs(city.catalogue());
	}

	private Map<String, Object> polysilicon(String region, String scenario) {
		return graphQl.document("""
				query($r: String, $s: Scenario) {
				  balance(chainId: "pv", scenario: $s, region: $r) { product { id } localCapacity producerCount }
				}""")
			.variable("r", region)
			.variable("s", scenario)
			.execute()
			.path("balance")
			.entityList(Map.class)
			.get()
			.stream()
			.filter(b -> "pv-polysilicon".equals(((Map<?, ?>) b.get("product")).get("id")))
			.map(b -> (Map<String, Object>) b)
			.findFirst()
			.orElseThrow();
	}

	private List<String> candidateIds(String region) {
		return graphQl
			.document("query($r: String) { candidates(productId: \"pv-polysilicon\", first: 100, region: $r) "
					+ "{ company { id } } }")
			.variable("r", region)
			.execute()
			.path("candidates[*].company.id")
			.entityList(String.class)
			.get();
	}

	private List<Object> gapKeys(String region) {
		return graphQl
			.document("query($r: String) { gaps(chainId: \"pv\", first: 100, region: $r) { kind product { id } } }")
			.variable("r", region)
			.execute()
			.path("gaps")
			.entityList(Object.class)
			.get();
	}

}
