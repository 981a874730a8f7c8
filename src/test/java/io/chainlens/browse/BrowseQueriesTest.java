package io.chainlens.browse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

@ChainlensTest
class BrowseQueriesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void listsTheSevenChainsInTheDocumentsOrder() {
		graphQl.documentName("chains")
			.execute()
			.path("chains[*].id")
			.entityList(String.class)
			.containsExactly("rare-earth", "pv", "wind", "storage-hydrogen", "metals", "ev-trucks", "carbon-fibre");
	}

	@Test
	void nestedQueryOverAChainRunsABoundedNumberOfQueries() {
		int ran = queries.countDuring(() -> graphQl.documentName("chainNested")
			.execute()
			.path("chain.segments[0].products[0].producers")
			.hasValue());
		// one query per field level (chains, segments, products, producers, company, …),
		// not per item
		assertThat(ran).isBetween(1, 20);
	}

}
