package io.chainlens.analysis;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;

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
		// the local graph 5 (structure, product graph, local production, platforms,
		// targets), shared by
		// gaps, Chain.localSupportRate and Target.progress; candidates 3 (products,
		// candidates,
		// proximity); Company.local 1
		assertThat(onSeed).isEqualTo(onFixture).isLessThanOrEqualTo(9);
	}

	@Test
	void otherAnalysisRequestsCostAFixedNumberOfQueries() {
		graph.seed();
		assertThat(count(() -> graphQl.documentName("balance")
			.variable("chainId", "rare-earth")
			.execute()
			.path("balance")
			.hasValue())).isLessThanOrEqualTo(5);
		// the company, and the local graph
		assertThat(count(() -> graphQl.documentName("impact")
			.variable("companyId", "china-northern-rare-earth")
			.execute()
			.path("impact.affectedProducts")
			.hasValue())).isLessThanOrEqualTo(6);
		// the product, the region's name, candidates, proximity; Company.local
		assertThat(count(() -> graphQl.documentName("candidates")
			.variable("productId", "storage-hydrogen-battery-cell")
			.execute()
			.path("candidates")
			.hasValue())).isLessThanOrEqualTo(5);
		// chains, the local graph, targets
		assertThat(count(() -> graphQl.documentName("localSupport").execute().path("chains").hasValue()))
			.isLessThanOrEqualTo(7);
		// chains, companies, then suppliers, customers and links of all of them: one
		// query each
		assertThat(count(() -> graphQl.documentName("companiesLinks").execute().path("chains").hasValue()))
			.isLessThanOrEqualTo(5);
	}

	private int gapsWithCandidates() {
		return count(() -> graphQl.documentName("gapsAllNested").execute().path("gaps[0].candidates").hasValue());
	}

	private int count(Runnable request) {
		return queries.countDuring(request);
	}

}
