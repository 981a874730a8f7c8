package io.chainlens.browse;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
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

	@Test
	void aProductsProducerCountIsItsDistinctCompaniesWhateverTheirSitesAndStatus() {
		var answer = graphQl.documentName("chainProducerCounts")
			.variable("chainId", "pv")
			.variable("productId", "pv-polysilicon")
			.execute();
		List<String> producers = answer.path("product.producers[*].company.id").entityList(String.class).get();
		// 通威 makes polysilicon at one site in two statuses: two lines, one company
		assertThat(producers).hasSizeGreaterThan(new HashSet<>(producers).size());
		answer.path("product.producerCount").entity(Integer.class).isEqualTo(new HashSet<>(producers).size());
		List<Map<String, Object>> products = answer.path("chain.segments[*].products[*]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(products).contains(Map.of("id", "pv-polysilicon", "producerCount", new HashSet<>(producers).size()));
	}

}
