package io.chainlens.browse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
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
		Counted lines = counted("productProducers", Map.of("productId", "pv-polysilicon"), "product.producers");
		// the product, the producers with their companies and sites: Production.company
		// and Production.site are read in the producers' rows, not by one more query each
		assertThat(lines.queries()).isLessThanOrEqualTo(2);
		Map<Object, Object> companyOfSite = new HashMap<>();
		graph.rows("""
				MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product {id: 'pv-polysilicon'})
				RETURN s.id AS site, c.id AS company""", Map.of())
			.forEach(row -> companyOfSite.put(row.get("site"), row.get("company")));
		assertThat(lines.answer()).isNotEmpty().allSatisfy(line -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> site = (Map<String, Object>) line.get("site");
			@SuppressWarnings("unchecked")
			Map<String, Object> company = (Map<String, Object>) line.get("company");
			assertThat(site.get("id")).asString().isNotBlank();
			assertThat(site.get("source")).asString().isNotBlank();
			assertThat(company.get("nameZh")).asString().isNotBlank();
			assertThat(site.get("region")).asString().isNotBlank();
			// each line's company is the one running its site
			assertThat(company.get("id")).isEqualTo(companyOfSite.get(site.get("id")));
		});
		// 通威's polysilicon lies in 包头: local lines come first, in 包头市 (its districts
		// named apart)
		assertThat(lines.answer().get(0)).containsEntry("local", true);
		assertThat(lines.answer().get(0)).extractingByKey("site")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("region", "包头市");
	}

	@Test
	void aChainsOutlineWithProducerCountsIsOneQueryAndCountsAsTheProducersDo() {
		Counted products = counted("chainOutline", Map.of("chainId", "pv"), "chain.segments[*].products[*]");
		// the chain, its segments, their products and the kept producer counts: not one
		// query per level
		assertThat(products.queries()).isEqualTo(1);
		assertThat(products.answer()).hasSizeGreaterThan(5);
		for (Map<String, Object> product : products.answer()) {
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

	/** An answer's list at a path, and the Cypher queries the request ran. */
	private record Counted(int queries, List<Map<String, Object>> answer) {
	}

	private Counted counted(String document, Map<String, Object> variables, String path) {
		List<List<Map<String, Object>>> answer = new ArrayList<>();
		int ran = queries.countDuring(() -> {
			GraphQlTester.Request<?> request = graphQl.documentName(document);
			variables.forEach(request::variable);
			answer.add(request.execute().path(path).entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get());
		});
		return new Counted(ran, answer.get(0));
	}

}
