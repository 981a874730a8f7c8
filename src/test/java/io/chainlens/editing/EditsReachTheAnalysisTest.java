package io.chainlens.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis keeps what it reads between requests; a write through the API is seen by
 * the very next request, and Product.makers follows the capacity lines written.
 */
@ChainlensTest
class EditsReachTheAnalysisTest {

	private static final String MAKERS_OFF = """
			MATCH (p:Product)
			WHERE coalesce(p.makers, -1) <> COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c }
			RETURN count(p)""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	@Test
	void setCapacityOfAMissingProductEndsItsGapAndShowsInTheBalanceOfTheNextRequest() {
		graph.seed();
		Map<String, Object> missing = graphQl.documentName("gaps")
			.variable("chainId", "pv")
			.variable("kinds", List.of("MISSING"))
			.execute()
			.path("gaps[0]")
			.entity(Map.class)
			.get();
		String productId = (String) ((Map<?, ?>) missing.get("product")).get("id");
		String unit = (String) missing.get("unit");
		Map<String, Object> before = balanceOf("pv", productId);
		assertThat(before.get("producerCount")).isEqualTo(0);

		setCapacity("tongwei", productId, 1000, unit);

		Map<String, Object> after = balanceOf("pv", productId);
		assertThat(after.get("producerCount")).isEqualTo(1);
		assertThat(((Number) after.get("localCapacity")).doubleValue())
			.isEqualTo(((Number) before.get("localCapacity")).doubleValue() + 1000);
		assertThat(gapProducts("pv", "MISSING")).doesNotContain(productId);
	}

	@Test
	void setCapacityForACompanyNewToTheProductCountsOneMoreMaker() {
		graph.seed();
		String productId = "pv-polysilicon";
		assertThat(graph.count("MATCH (:Company {id: 'jinko'})-[:HAS_SITE]->()-[:MAKES]->(:Product {id: '" + productId
				+ "'}) RETURN count(*)"))
			.as("a company that does not make the product yet")
			.isZero();
		long before = makers(productId);

		setCapacity("jinko", productId, 1, "t");

		assertThat(makers(productId)).isEqualTo(before + 1);
		setCapacity("jinko", productId, 2, "t");
		assertThat(makers(productId)).as("a second line of the same company is the same maker").isEqualTo(before + 1);
		assertThat(graph.count(MAKERS_OFF)).isZero();
	}

	private long makers(String productId) {
		return graph.count("MATCH (p:Product {id: '" + productId + "'}) RETURN p.makers");
	}

	private void setCapacity(String companyId, String productId, double capacity, String unit) {
		Map<String, Object> input = new HashMap<>(
				Map.of("companyId", companyId, "productId", productId, "region", "昆都仑区", "capacity", capacity, "unit",
						unit, "status", "OPERATING", "source", "public: test, 2024-05-01"));
		Login.ADMIN.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input)
			.execute()
			.path("setCapacity.product.id")
			.entity(String.class)
			.isEqualTo(productId);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> balanceOf(String chainId, String productId) {
		List<Map<String, Object>> rows = graphQl.documentName("balance")
			.variable("chainId", chainId)
			.execute()
			.path("balance")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		return rows.stream()
			.filter(r -> productId.equals(((Map<?, ?>) r.get("product")).get("id")))
			.findFirst()
			.orElseThrow();
	}

	private List<String> gapProducts(String chainId, String kind) {
		return graphQl.documentName("gaps")
			.variable("chainId", chainId)
			.variable("kinds", List.of(kind))
			.variable("first", 100)
			.execute()
			.path("gaps[*].product.id")
			.entityList(String.class)
			.get();
	}

}
