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

	@Test
	void aProductsProducersComeWithTheirCompaniesAndSitesInOneQuery() {
		var answer = new Object() {
			List<Map<String, Object>> lines;

		};
		int ran = queries.countDuring(() -> answer.lines = graphQl.documentName("productProducers")
			.variable("productId", "pv-polysilicon")
			.execute()
			.path("product.producers")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get());
		// the product, the producers with their companies and sites: Production.company
		// and
		// Production.site are read in the producers' rows, not by one more query each
		assertThat(ran).isLessThanOrEqualTo(2);
		assertThat(answer.lines).isNotEmpty().allSatisfy(line -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> site = (Map<String, Object>) line.get("site");
			@SuppressWarnings("unchecked")
			Map<String, Object> company = (Map<String, Object>) line.get("company");
			assertThat(site.get("id")).asString().isNotBlank();
			assertThat(site.get("source")).asString().isNotBlank();
			assertThat(company.get("nameZh")).asString().isNotBlank();
			assertThat(site.get("region")).asString().isNotBlank();
		});
		// 通威's polysilicon lies in 包头: local lines come first, in 包头市 (its districts
		// named apart)
		assertThat(answer.lines.get(0)).containsEntry("local", true);
		assertThat(answer.lines.get(0)).extractingByKey("site")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("region", "包头市");
	}

	@Test
	void aChainsOutlineWithProducerCountsIsOneQueryAndCountsAsTheProducersDo() {
		var answer = new Object() {
			List<Map<String, Object>> products;

		};
		int ran = queries.countDuring(() -> answer.products = graphQl.documentName("chainOutline")
			.variable("chainId", "pv")
			.execute()
			.path("chain.segments[*].products[*]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get());
		// the chain, its segments, their products and the kept producer counts: not one
		// query per level
		assertThat(ran).isEqualTo(1);
		assertThat(answer.products).hasSizeGreaterThan(5);
		for (Map<String, Object> product : answer.products) {
			List<String> producers = graphQl.documentName("chainProducerCounts")
				.variable("chainId", "pv")
				.variable("productId", product.get("id"))
				.execute()
				.path("product.producers[*].company.id")
				.entityList(String.class)
				.get();
			assertThat(product.get("producerCount")).as((String) product.get("id"))
				.isEqualTo(new HashSet<>(producers).size());
		}
	}

}
