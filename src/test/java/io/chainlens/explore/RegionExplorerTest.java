package io.chainlens.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where polysilicon and the PV chain are made, by province, on the seed graph. By hand
 * from graph-seed/pv/capacities.csv, operating lines: 内蒙古 通威 70,000 t, 大全 100,000 t, 特变电工
 * 100,000 t, 协鑫 40,000 t (310,000 t); 青海 亚洲硅业 92,000 t; 江苏 (协鑫), 上海 (东方希望) and 浙江 (合盛)
 * one line each of unknown capacity; Wacker's German site is in no province.
 */
@ChainlensTest
class RegionExplorerTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void provincesRankByKnownCapacityWithUnknownsLastAndNeverZero() {
		var answer = graphQl.documentName("regionRanking").variable("productId", "pv-polysilicon").execute();
		answer.path("regionRanking[*].region.id")
			.entityList(String.class)
			.containsExactly("inner-mongolia", "qinghai", "jiangsu", "shanghai", "zhejiang");
		answer.path("regionRanking[*].rank").entityList(Integer.class).containsExactly(1, 2, 3, 4, 5);
		answer.path("regionRanking[0].knownCapacity").entity(Double.class).isEqualTo(310000.0);
		answer.path("regionRanking[0].producers").entity(Integer.class).isEqualTo(4);
		answer.path("regionRanking[0].linesWithUnknownCapacity").entity(Integer.class).isEqualTo(0);
		// 大全 and 特变电工 tie at 100,000 t and are ordered by id
		answer.path("regionRanking[0].leaders[*].company.id")
			.entityList(String.class)
			.containsExactly("daqo", "tbea", "tongwei");
		answer.path("regionRanking[1].knownCapacity").entity(Double.class).isEqualTo(92000.0);
		// 协鑫's Xuzhou granular silicon (graph-seed/pv/capacities.csv)
		answer.path("regionRanking[2].knownCapacity").entity(Double.class).isEqualTo(60000.0);
		// 东方希望 in Shanghai: a line of unknown capacity, ranked after the known ones,
		// never as 0
		answer.path("regionRanking[3].knownCapacity").valueIsNull();
		answer.path("regionRanking[3].linesWithUnknownCapacity").entity(Integer.class).isEqualTo(1);
		answer.path("regionRanking[3].leaders[0].knownCapacity").valueIsNull();
	}

	@Test
	void byProducersTheRegionWithMostMakersComesFirst() {
		graphQl.documentName("regionRanking")
			.variable("productId", "pv-polysilicon")
			.variable("by", "PRODUCERS")
			.execute()
			.path("regionRanking[*].producers")
			.entityList(Integer.class)
			.satisfies(counts -> {
				Integer[] sorted = counts.toArray(Integer[]::new);
				Arrays.sort(sorted, (a, b) -> b - a);
				assertThat(counts).containsExactly(sorted).startsWith(4);
			});
	}

	@Test
	void anUnknownProductByOrLevelIsRefusedNamingTheArgument() {
		graphQl.documentName("regionRanking")
			.variable("productId", "no-such-product")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'productId'")));
		graphQl.documentName("regionRanking")
			.variable("productId", "pv-polysilicon")
			.variable("by", "PROFIT")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'by'")
					.contains("CAPACITY, PRODUCERS, SELF_SUFFICIENCY")));
		graphQl.documentName("regionRanking")
			.variable("productId", "pv-polysilicon")
			.variable("level", "VILLAGE")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("level")));
	}

	@Test
	void aChainsMatrixPutsTheRegionsMakingMostOfItFirstWithACellPerProductMadeThere() {
		// by hand from the seed's operating lines of PV products: 江苏 20 producer-product
		// pairs,
		// 内蒙古 13, 浙江 12; 79 (province, product) pairs in all
		var answer = graphQl.documentName("regionMatrix").variable("chainId", "pv").variable("first", 100).execute();
		answer.path("regionMatrix.regions[*].id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).startsWith("jiangsu", "inner-mongolia", "zhejiang"));
		answer.path("regionMatrix.cells").entityList(Object.class).hasSize(79);
		answer.path(
				"regionMatrix.cells[?(@.region.id == 'inner-mongolia' && @.product.id == 'pv-polysilicon')].knownCapacity")
			.entityList(Double.class)
			.containsExactly(310000.0);
		graphQl.documentName("regionMatrix")
			.variable("chainId", "pv")
			.variable("first", 2)
			.execute()
			.path("regionMatrix.cells[*].region.id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsOnly("jiangsu", "inner-mongolia"));
	}

	@Test
	void eachRegionsSelfSufficiencyIsTheBalanceOfThatRegionCoProductsIncluded() {
		// PrNd oxide is a co-product of separation and of scrap recycling, and feeds PrNd
		// metal: the ranking's one-product reading must give what the region's whole
		// analysis gives
		List<Map<String, Object>> ranked = graphQl.document("""
				{ regionRanking(productId: "rare-earth-prnd-oxide", by: "SELF_SUFFICIENCY", first: 100) {
				    region { id } selfSufficiency selfSufficiencyBound localDemand } }""")
			.execute()
			.path("regionRanking")
			.entityList(MAP)
			.get();
		assertThat(ranked).as("a region with a known ratio to compare")
			.anySatisfy(rank -> assertThat(rank.get("selfSufficiency")).isNotNull());
		for (Map<String, Object> rank : ranked) {
			String region = (String) ((Map<?, ?>) rank.get("region")).get("id");
			Map<String, Object> balance = graphQl.document("""
					query($r: String) { balance(chainId: "rare-earth", region: $r) {
					    product { id } selfSufficiency selfSufficiencyBound localDemand } }""")
				.variable("r", region)
				.execute()
				.path("balance[?(@.product.id == 'rare-earth-prnd-oxide')]")
				.entityList(MAP)
				.get()
				.get(0);
			assertThat(rank).as(region)
				.containsEntry("selfSufficiency", balance.get("selfSufficiency"))
				.containsEntry("selfSufficiencyBound", balance.get("selfSufficiencyBound"))
				.containsEntry("localDemand", balance.get("localDemand"));
		}
	}

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

	@Test
	void anUnknownChainIsRefusedNamingTheArgument() {
		graphQl.documentName("regionMatrix")
			.variable("chainId", "no-such-chain")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'chainId'")));
	}

}
