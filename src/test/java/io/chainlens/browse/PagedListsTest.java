package io.chainlens.browse;

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
 * A chain's companies and a product's producers grow with a national register: they are
 * pages (issue 12 item 1, issue 16 item 3), local ones first, never the whole register.
 */
@ChainlensTest
class PagedListsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void aPageIsTheFirstItemsOfTheWholeListLocalOnesFirst() {
		var answer = graphQl.documentName("pagedLists")
			.variable("chainId", "pv")
			.variable("productId", "pv-polysilicon")
			.variable("first", 3)
			.execute();
		List<Map<String, Object>> companies = answer.path("chain.all").entityList(mapType()).get();
		List<String> ids = companies.stream().map(c -> (String) c.get("id")).toList();
		assertThat(ids).hasSizeGreaterThan(3);
		assertThat(answer.path("chain.page[*].id").entityList(String.class).get()).isEqualTo(ids.subList(0, 3));
		List<Boolean> local = companies.stream().map(c -> (Boolean) c.get("local")).toList();
		assertThat(local.indexOf(false)).isGreaterThan(0);
		assertThat(local.subList(local.indexOf(false), local.size())).doesNotContain(true);

		List<String> producers = answer.path("product.all[*].site.id").entityList(String.class).get();
		assertThat(producers).hasSizeGreaterThan(3);
		assertThat(answer.path("product.page[*].site.id").entityList(String.class).get())
			.isEqualTo(producers.subList(0, 3));
		assertThat(answer.path("product.localPage[*].company.local").entityList(Boolean.class).get()).hasSize(3)
			.containsOnly(true);
	}

	@Test
	void aChainOfMoreCompaniesThanThePageSizeAnswersOnePageLocalOnesFirst() {
		// 150 companies elsewhere make a PV product: more than the largest page (100)
		graph.write("""
				MATCH (p:Product {id: 'pv-wafer'}), (r:Region {id: 'jiangsu'})
				UNWIND range(1, 150) AS i
				CREATE (c:Company {id: 'aaa-far-' + i, name: 'Far ' + i, nameZh: '远方' + i, source: 'estimate: test'})
				       -[:HAS_SITE]->(s:Site {id: 'aaa-far-' + i + '-site', source: 'estimate: test'})-[:IN_REGION]->(r)
				CREATE (s)-[:MAKES {status: 'OPERATING', source: 'estimate: test'}]->(p)""", Map.of());
		var answer = graphQl.documentName("pagedLists")
			.variable("chainId", "pv")
			.variable("productId", "pv-wafer")
			.variable("first", 100)
			.execute();
		List<Map<String, Object>> companies = answer.path("chain.all").entityList(mapType()).get();
		assertThat(companies).hasSize(100);
		// every local company of the chain, then the others by id: the new ones sort
		// first
		List<Boolean> local = companies.stream().map(c -> (Boolean) c.get("local")).toList();
		int locals = local.indexOf(false);
		assertThat(locals).isPositive();
		assertThat(local.subList(locals, local.size())).doesNotContain(true);
		assertThat(companies.get(locals).get("id")).isEqualTo("aaa-far-1");
		assertThat(answer.path("product.all").entityList(Object.class).get()).hasSize(100);
	}

	@Test
	void aWriteShowsInTheNextRequestsPage() {
		List<String> before = companiesOfPv();
		// a new local company sorts first among the local ones
		graph.write("""
				MATCH (p:Product {id: 'pv-wafer'}), (r:Region {id: 'baotou-qingshan'})
				CREATE (:Company {id: '0-new-local', name: 'New', nameZh: '新企业', source: 'estimate: test'})
				       -[:HAS_SITE]->(s:Site {id: '0-new-local-site', source: 'estimate: test'})-[:IN_REGION]->(r)
				CREATE (s)-[:MAKES {status: 'OPERATING', source: 'estimate: test'}]->(p)""", Map.of());

		assertThat(before).doesNotContain("0-new-local");
		assertThat(companiesOfPv()).startsWith("0-new-local");
	}

	private List<String> companiesOfPv() {
		return graphQl.documentName("pagedLists")
			.variable("chainId", "pv")
			.variable("productId", "pv-wafer")
			.variable("first", 100)
			.execute()
			.path("chain.all[*].id")
			.entityList(String.class)
			.get();
	}

	@Test
	void aPageLargerThanTheLargestIsRefusedNamingTheLimit() {
		graphQl.documentName("pagedLists")
			.variable("chainId", "pv")
			.variable("productId", "pv-wafer")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(e -> assertThat(e.getMessage()).contains("first").contains("max-page-size")));
	}

	@SuppressWarnings("unchecked")
	private static Class<Map<String, Object>> mapType() {
		return (Class<Map<String, Object>>) (Class<?>) Map.class;
	}

}
