package io.chainlens.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;
import io.chainlens.editing.Login;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each analysis request costs a fixed number of Cypher queries, counted at the driver:
 * the same on the small fixture as on the seed graph, which has seven chains, over a
 * hundred products and hundreds of gaps and candidates.
 */
@ChainlensTest
class AnalysisQueryCountTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@Test
	void gapsOfAllChainsWithCandidatesCostTheSameFewQueriesOnAnyGraph() {
		graph.fixture("analysis");
		int onFixture = gapsWithCandidates();
		graph.seed();
		int onSeed = gapsWithCandidates();
		// the graph's version 1 and, the graph having just been loaded, the catalogue 2
		// (structure, product graph) and the region's local graph 4 (its name, local
		// production, platforms, targets), shared by gaps, Chain.localSupportRate and
		// Target.progress; candidates 3 (products, candidates, proximity); Company.local
		// 1
		assertThat(onSeed).isEqualTo(onFixture).isLessThanOrEqualTo(11);
	}

	@Test
	void theLocalGraphIsReadAgainOnlyAfterAWrite() {
		// loaded afresh: a test before this one may have cached the seed's local graph
		graph.changed();
		graph.seed();
		int first = balance();
		assertThat(balance()).as("the version only").isEqualTo(1).isLessThan(first);
		graph.write("MATCH (p:Product {id: 'pv-polysilicon'}) SET p.note = 'changed'", Map.of());
		assertThat(balance()).as("the version and the local graph").isEqualTo(first);
		assertThat(balance()).isEqualTo(1);
	}

	@Test
	void aCapacityEditCostsTheNextRequestTheEditedSitesLinesNotTheRegionsGraph() {
		graph.changed();
		graph.seed();
		balance();
		setTongweiPolysilicon(70001);
		assertThat(balance()).as("the version, what the edit touched, and the edited site's lines").isEqualTo(3);
		graph.changed();
	}

	@Test
	void aProductsCandidatesAreRankedAgainOnlyAfterAWrite() {
		graph.seed();
		List<String> first = candidateIds();
		int again = count(this::candidateIds);
		assertThat(again).as("the version and Company.local: the ranking is kept").isEqualTo(2);
		graph.write("MATCH (p:Product {id: 'pv-wafer'}) SET p.note = 'changed'", Map.of());
		int afterWrite = count(() -> assertThat(candidateIds()).isEqualTo(first));
		assertThat(afterWrite).as("the version, the local graph, and the product, candidates and proximity")
			.isGreaterThanOrEqualTo(again + 3);
	}

	@Test
	void aFiguresEditOfAMakerElsewhereScoresTheKeptRowsAgainReadingOnlyItsFigures() {
		graph.changed();
		graph.seed();
		List<String> before = candidateIds("baotou-qingshan");
		int kept = count(() -> candidateIds("baotou-qingshan"));
		setTongweiPolysilicon(70002);
		// 青山区 does not hold the edited site: tongwei is a candidate there, its ranking
		// changed
		int afterEdit = count(() -> assertThat(candidateIds("baotou-qingshan")).hasSameSizeAs(before));
		// a full ranking would read the product, its candidates and proximity
		assertThat(afterEdit)
			.as("as a kept ranking, and what the edit touched, the edited site's lines and the "
					+ "editing company's figures")
			.isEqualTo(kept + 3);
		graph.changed();
	}

	// a chain lead's edit of a local line: tongwei's operating polysilicon in 昆都仑区
	private void setTongweiPolysilicon(int capacity) {
		Map<String, Object> input = new HashMap<>(Map.of("companyId", "tongwei", "productId", "pv-polysilicon",
				"region", "昆都仑区", "siteId", "tongwei-kundulun", "capacity", capacity, "unit", "t", "status",
				"OPERATING", "source", "public: test, 2024-05-01"));
		Login.ADMIN.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input)
			.execute()
			.path("setCapacity.capacity")
			.hasValue();
	}

	private List<String> candidateIds(String region) {
		return graphQl.documentName("candidates")
			.variable("productId", "pv-polysilicon")
			.variable("region", region)
			.execute()
			.path("candidates[*].company.id")
			.entityList(String.class)
			.hasSizeGreaterThan(0)
			.get();
	}

	private List<String> candidateIds() {
		return graphQl.documentName("candidates")
			.variable("productId", "pv-polysilicon")
			.execute()
			.path("candidates[*].company.id")
			.entityList(String.class)
			.hasSizeGreaterThan(0)
			.get();
	}

	private int balance() {
		return count(() -> graphQl.documentName("balance")
			.variable("chainId", "rare-earth")
			.execute()
			.path("balance")
			.hasValue());
	}

	@Test
	void otherAnalysisRequestsCostAFixedNumberOfQueries() {
		graph.seed();
		// the version, the catalogue 2 and the region's local graph 4 when the graph
		// changed since they were read
		assertThat(count(() -> graphQl.documentName("balance")
			.variable("chainId", "rare-earth")
			.execute()
			.path("balance")
			.hasValue())).isLessThanOrEqualTo(7);
		// the company, the version (and the local graph if the graph changed since it was
		// read)
		assertThat(count(() -> graphQl.documentName("impact")
			.variable("companyId", "china-northern-rare-earth")
			.execute()
			.path("impact.affectedProducts")
			.hasValue())).isLessThanOrEqualTo(6);
		// the product, the version (the local graph: the region's name and what it
		// makes), candidates, proximity; Company.local
		assertThat(count(() -> graphQl.documentName("candidates")
			.variable("productId", "storage-hydrogen-battery-cell")
			.execute()
			.path("candidates")
			.hasValue())).isLessThanOrEqualTo(5);
		// chains, the local graph, targets
		assertThat(count(() -> graphQl.documentName("localSupport").execute().path("chains").hasValue()))
			.isLessThanOrEqualTo(7);
		// chains, the version (a chain's first page of companies is kept with it), the
		// companies page when it was not kept, then suppliers, customers and links of all
		// of them: one query each
		assertThat(count(() -> graphQl.documentName("companiesLinks").execute().path("chains").hasValue()))
			.isLessThanOrEqualTo(6);
	}

	private int gapsWithCandidates() {
		return count(() -> graphQl.documentName("gapsAllNested").execute().path("gaps[0].candidates").hasValue());
	}

	private int count(Runnable request) {
		return queries.countDuring(request);
	}

}
