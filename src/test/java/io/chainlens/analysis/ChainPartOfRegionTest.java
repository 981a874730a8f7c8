package io.chainlens.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;
import io.chainlens.editing.Login;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gaps of one chain in a region never asked before read only the region's lines of
 * the products that chain's balances need (issue 16 item 7: a national city holds seven
 * chains' lines); what they answer is what the region's whole graph answers.
 */
@ChainlensTest
class ChainPartOfRegionTest {

	private static final List<String> REGIONS = List.of("baotou", "baotou-qingshan", "baotou-kundulun",
			"inner-mongolia", "jiangsu");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	LocalGraphCache cache;

	@Autowired
	AnalysisQueries queries;

	@Autowired
	AnalysisService analysis;

	@Autowired
	Driver driver;

	@BeforeEach
	void seed() {
		graph.seed();
		// other tests' whole graphs of these regions would answer instead of a part
		cache.clear();
	}

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	@Test
	void aChainsGapsFromItsPartOfARegionAreThoseOfTheWholeRegion() {
		LocalGraph.Catalogue catalogue = queries.catalogue();
		int compared = 0;
		boolean smaller = false;
		for (String region : REGIONS) {
			LocalGraph whole = queries.localGraph(region, catalogue);
			for (LocalGraph.ChainInfo chain : whole.chains()) {
				String chainId = chain.chain().id();
				LocalGraph part = queries.localGraph(region, catalogue, catalogue.linesForChain(chainId));
				smaller |= part.lines() < whole.lines();
				for (Scenario scenario : Scenario.values()) {
					List<Gap> expected = analysis.gaps(whole, chainId, null, scenario, Integer.MAX_VALUE);
					assertThat(analysis.gaps(part, chainId, null, scenario, Integer.MAX_VALUE))
						.as(region + " " + chainId + " " + scenario)
						.isEqualTo(expected);
					compared += expected.size();
				}
			}
		}
		assertThat(compared).as("gaps compared").isGreaterThan(100);
		assertThat(smaller).as("some chain's part holds fewer lines than its region").isTrue();
	}

	/**
	 * The seed's co-products are all made by processes of their own chain; here
	 * polysilicon (PV) also yields a rare-earth product, so the rare-earth part must hold
	 * PV lines.
	 */
	@Test
	void aCoProductOfAnotherChainsProcessIsCountedInTheChainsPart() {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("""
					MATCH (p:Product {id: 'pv-polysilicon'}), (c:Product {id: 'rare-earth-la-ce-oxide'})
					CREATE (p)-[:YIELDS {share: 0.1, source: 'estimate: test'}]->(c)"""));
		}
		LocalGraph.Catalogue catalogue = queries.catalogue();
		assertThat(catalogue.linesForChain("rare-earth")).contains("pv-polysilicon");
		LocalGraph whole = queries.localGraph("baotou", catalogue);
		LocalGraph part = queries.localGraph("baotou", catalogue, catalogue.linesForChain("rare-earth"));
		assertThat(whole.makesOf("pv-polysilicon")).isNotEmpty();
		for (Scenario scenario : Scenario.values()) {
			assertThat(analysis.gaps(part, "rare-earth", null, scenario, Integer.MAX_VALUE))
				.isEqualTo(analysis.gaps(whole, "rare-earth", null, scenario, Integer.MAX_VALUE));
		}
		assertThat(new Balances(part, Scenario.CURRENT).of("rare-earth-la-ce-oxide").producerCount())
			.as("polysilicon's makers count as makers of the co-product")
			.isEqualTo(new Balances(whole, Scenario.CURRENT).of("rare-earth-la-ce-oxide").producerCount());
	}

	@Test
	void theLinesOfAChainsPartAreThoseOfItsProductsWhatTheyFeedAndWhatYieldsThem() {
		LocalGraph.Catalogue catalogue = queries.catalogue();
		Set<String> read = catalogue.linesForChain("rare-earth");
		LocalGraph whole = queries.localGraph("baotou", catalogue);
		LocalGraph part = queries.localGraph("baotou", catalogue, read);

		assertThat(read).contains("rare-earth-ndfeb-magnet").doesNotContain("pv-wafer");
		assertThat(part.makes()).isNotEmpty()
			.allMatch(m -> read.contains(m.productId()))
			.isEqualTo(whole.makes().stream().filter(m -> read.contains(m.productId())).toList());
		assertThat(catalogue.linesForChain("no-such-chain")).isNull();
		assertThat(catalogue.linesForChain("rare-earth")).as("worked out once per catalogue").isSameAs(read);
	}

	@Test
	void gapsAskedAloneReadTheChainsPartAndAreKeptForTheNextRequest() {
		String region = "baotou-qingshan";
		int parts = cache.parts();
		List<String> first = gapProducts("pv", region);

		assertThat(cache.parts()).as("one chain's part read and kept").isEqualTo(parts + 1);
		LocalGraph kept = cache.forChain(region, "pv");
		assertThat(kept.lines()).as("the part kept holds fewer lines than the region")
			.isLessThan(queries.localGraph(region, queries.catalogue()).lines());
		assertThat(gapProducts("pv", region)).isEqualTo(first);
		assertThat(cache.forChain(region, "pv")).as("the next request takes the kept part").isSameAs(kept);
		assertThat(cache.parts()).isEqualTo(parts + 1);
	}

	@Test
	void gapsAskedWithTheirCandidatesReadTheWholeRegionAlone() {
		int parts = cache.parts();
		Login.ADMIN.as(graphQl)
			.documentName("gapsWithCandidates")
			.variable("chainId", "rare-earth")
			.variable("first", 5)
			.variable("candidates", 3)
			.execute()
			.path("gaps[*].candidates")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);

		assertThat(cache.parts()).as("no chain's part read beside the whole region").isEqualTo(parts);
		assertThat(cache.forChain(queries.regionOf(null), "rare-earth")).isSameAs(cache.get());
	}

	@Test
	void aChainsPartTakesInAnEditAsAWholeReadWould() {
		String region = "baotou";
		List<String> before = gapProducts("pv", region);
		LocalGraph part = cache.forChain(region, "pv");
		assertThat(cache.parts()).isEqualTo(1);
		assertThat(part.lines()).isLessThan(queries.localGraph(region, queries.catalogue()).lines());

		setCapacity("jinko", "pv-wafer", 5);

		LocalGraph after = cache.forChain(region, "pv");
		assertThat(after).isNotSameAs(part);
		LocalGraph whole = queries.localGraph(region, queries.catalogue());
		for (Scenario scenario : Scenario.values()) {
			assertThat(analysis.gaps(after, "pv", null, scenario, Integer.MAX_VALUE))
				.isEqualTo(analysis.gaps(whole, "pv", null, scenario, Integer.MAX_VALUE));
		}
		assertThat(after.makesOf("pv-wafer")).anyMatch(m -> m.company().id().equals("jinko"));
		assertThat(before).isNotEmpty();
	}

	@Test
	void aRequestForSeveralChainsGapsReadsTheWholeRegionOnce() {
		int parts = cache.parts();
		graphQl.document("""
				{ a: gaps(chainId: "pv", region: "baotou-donghe") { product { id } }
				  b: gaps(chainId: "wind", region: "baotou-donghe") { product { id } } }""")
			.execute()
			.path("a")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);

		assertThat(cache.parts()).as("no chain's part read").isEqualTo(parts);
		assertThat(cache.forChain("baotou-donghe", "pv")).isSameAs(cache.get("baotou-donghe"));
	}

	@Test
	void aRegionKeptWholeTakesAnEditInRatherThanReadingAChainsPart() {
		LocalGraph whole = cache.get("baotou");
		int parts = cache.parts();
		setCapacity("jinko", "pv-wafer", 7);

		LocalGraph after = cache.forChain("baotou", "pv");
		assertThat(cache.parts()).as("no chain's part read").isEqualTo(parts);
		assertThat(after).isNotSameAs(whole).isSameAs(cache.get("baotou"));
		assertThat(after.catalogue()).as("taken in, not read again").isSameAs(whole.catalogue());
	}

	@Test
	void chainsPartsAreLetGoBeforeWholeRegionsAndWhenTheirRegionIsKeptWhole() {
		LocalGraphCache small = new LocalGraphCache(queries, 2, LocalGraphCache.LINES, 10);
		LocalGraph whole = small.get("baotou");
		small.forChain("baotou-qingshan", "pv");
		small.forChain("baotou-kundulun", "pv");
		assertThat(small.size()).isEqualTo(2);
		assertThat(small.parts()).as("the older part let go, not the whole region").isEqualTo(1);
		assertThat(small.forChain("baotou", "rare-earth")).isSameAs(whole);

		small.get("baotou-kundulun");
		assertThat(small.parts()).as("a region kept whole lets its parts go").isZero();
		assertThat(small.lines()).isEqualTo(whole.lines() + small.get("baotou-kundulun").lines());
	}

	private void setCapacity(String companyId, String productId, double capacity) {
		Login.ADMIN.as(graphQl)
			.documentName("setCapacity")
			.variable("input",
					Map.of("companyId", companyId, "productId", productId, "region", "青山区", "capacity", capacity,
							"unit", "GW", "status", "OPERATING", "source", "public: test, 2024-05-01"))
			.execute()
			.path("setCapacity.product.id")
			.entity(String.class)
			.isEqualTo(productId);
	}

	private List<String> gapProducts(String chainId, String region) {
		return graphQl.document("""
				query ($chainId: ID, $region: String) {
				  gaps(chainId: $chainId, region: $region, first: 100) { product { id } kind } }""")
			.variable("chainId", chainId)
			.variable("region", region)
			.execute()
			.path("gaps[*].product.id")
			.entityList(String.class)
			.get();
	}

}
