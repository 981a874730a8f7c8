package io.chainlens.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nested connections on the {@code region-matrix} fixture, focus region 包头市.
 * Polysilicon lines, local first and then by capacity (unknown last): 通威 包头 200,000 t, 大全
 * 包头 (unknown, planned), 协鑫 徐州 100,000 t, 合盛 嘉兴 50,000 t. The PV chain's companies by
 * Chinese name (code point order): 协鑫 gcl, 合盛 hoshine, 大全 daqo, 通威 tongwei, 隆基 longi.
 */
@ChainlensTest
class ConnectionsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@BeforeEach
	void load() {
		graph.fixture("region-matrix");
	}

	@Test
	void aProductsLinesArePagedLocalFirstThenByCapacityWithTheUnknownLast() {
		var first = producers("pv-polysilicon", 2, null);
		first.path("product.producersConnection.totalCount").entity(Integer.class).isEqualTo(4);
		first.path("product.producersConnection.edges[*].node.site.id")
			.entityList(String.class)
			.containsExactly("tongwei-baotou", "daqo-baotou");
		first.path("product.producersConnection.edges[1].node.capacity").valueIsNull();
		first.path("product.producersConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		var second = producers("pv-polysilicon", 2, endCursor(first, "product.producersConnection"));
		second.path("product.producersConnection.edges[*].node.site.id")
			.entityList(String.class)
			.containsExactly("gcl-xuzhou", "hoshine-jiaxing");
		second.path("product.producersConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void pagingThroughAChainsCompaniesWhileOthersAreAddedLosesAndRepeatsNothing() {
		var first = chainCompanies(2, null);
		first.path("chain.companiesConnection.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("gcl", "hoshine");
		String cursor = endCursor(first, "chain.companiesConnection");
		// 东方希望 sorts before the cursor, 天合 after it: a page after the cursor keeps its
		// place, an offset would repeat 合盛
		addWaferMaker("east-hope", "东方希望");
		addWaferMaker("trina", "天合");
		List<String> seen = new ArrayList<>(List.of("gcl", "hoshine"));
		while (cursor != null) {
			var page = chainCompanies(2, cursor);
			seen.addAll(page.path("chain.companiesConnection.edges[*].node.id").entityList(String.class).get());
			cursor = page.path("chain.companiesConnection.pageInfo.hasNextPage").entity(Boolean.class).get()
					? endCursor(page, "chain.companiesConnection") : null;
		}
		assertThat(seen).containsExactly("gcl", "hoshine", "daqo", "trina", "tongwei", "longi");
		chainCompanies(2, null).path("chain.companiesConnection.totalCount").entity(Integer.class).isEqualTo(7);
	}

	@Test
	void aChainsCompanyCursorServesQueryCompaniesInTheSameOrder() {
		String cursor = endCursor(chainCompanies(2, null), "chain.companiesConnection");
		graphQl
			.document("query($after: String) { companies(filter: {chainId: \"pv\"}, first: 1, after: $after) "
					+ "{ edges { node { id } } } }")
			.variable("after", cursor)
			.execute()
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("daqo");
	}

	@Test
	void eachRegionOfAListGetsItsOwnPage() {
		var answer = regionCompanies("PROVINCE");
		answer.path("regions[*].id").entityList(String.class).containsExactly("inner-mongolia", "jiangsu", "zhejiang");
		answer.path("regions[*].companiesConnection.totalCount").entityList(Integer.class).containsExactly(2, 2, 1);
		// 大全 before 通威, 协鑫 before 隆基
		answer.path("regions[*].companiesConnection.edges[0].node.id")
			.entityList(String.class)
			.containsExactly("daqo", "gcl", "hoshine");
		answer.path("regions[*].companiesConnection.pageInfo.hasNextPage")
			.entityList(Boolean.class)
			.containsExactly(true, true, false);
	}

	@Test
	void theRegionsOfAListAreReadInAsManyQueriesAsOneRegion() {
		int one = queries
			.countDuring(() -> regionCompanies("COUNTRY").path("regions").entityList(Object.class).hasSize(1));
		int three = queries
			.countDuring(() -> regionCompanies("PROVINCE").path("regions").entityList(Object.class).hasSize(3));
		assertThat(three).isEqualTo(one);
	}

	@Test
	void theFocusRegionsSitesArePagedById() {
		var first = graphQl.documentName("connections").operationName("focusSitesPage").variable("first", 1).execute();
		first.path("focusRegion.sitesConnection.totalCount").entity(Integer.class).isEqualTo(2);
		first.path("focusRegion.sitesConnection.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("daqo-baotou");
		graphQl.documentName("connections")
			.operationName("focusSitesPage")
			.variable("first", 1)
			.variable("after", endCursor(first, "focusRegion.sitesConnection"))
			.execute()
			.path("focusRegion.sitesConnection.edges[*].node.company.id")
			.entityList(String.class)
			.containsExactly("tongwei");
	}

	@Test
	void aMalformedOrForeignCursorIsRefusedNamingAfter() {
		refused(producers("pv-polysilicon", 2, "bm90IGEgY3Vyc29y"), "after", "not a cursor of this list");
		String polysilicon = endCursor(producers("pv-polysilicon", 1, null), "product.producersConnection");
		refused(producers("pv-wafer", 2, polysilicon), "after", "Product.producersConnection(pv-polysilicon)");
		refused(chainCompanies(2, polysilicon), "after", "not of companies");
		String companies = endCursor(chainCompanies(2, null), "chain.companiesConnection");
		refused(producers("pv-polysilicon", 2, companies), "after", "is a cursor of companies");
	}

	@Test
	void searchResultsArePagedExactThenPrefixThenByName() {
		// "g": GCL starts with it, Tongwei and LONGi hold it (通威 before 隆基)
		var first = search("g", 1, null);
		first.path("searchCompaniesConnection.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("searchCompaniesConnection.edges[*].node.id").entityList(String.class).containsExactly("gcl");
		var rest = search("g", 5, endCursor(first, "searchCompaniesConnection"));
		rest.path("searchCompaniesConnection.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("tongwei", "longi");
		search("大全", 5, null).path("searchCompaniesConnection.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("daqo");
		refused(search("o", 5, endCursor(first, "searchCompaniesConnection")), "after", "searchCompaniesConnection(g)");
		refused(search(" ", 5, null), "text", "must not be empty");
	}

	@Test
	void aFirstOutsideOneToTheLimitIsRefusedNamingFirst() {
		refused(producers("pv-polysilicon", 0, null), "first", "between 1 and");
		refused(producers("pv-polysilicon", -1, null), "first", "between 1 and");
		refused(chainCompanies(101, null), "first", "between 1 and 100");
	}

	private GraphQlTester.Response producers(String productId, int first, String after) {
		return graphQl.documentName("connections")
			.operationName("producersPage")
			.variable("productId", productId)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private GraphQlTester.Response search(String text, int first, String after) {
		return graphQl.documentName("connections")
			.operationName("searchPage")
			.variable("text", text)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private GraphQlTester.Response regionCompanies(String level) {
		return graphQl.documentName("connections")
			.operationName("regionCompanies")
			.variable("level", level)
			.variable("first", 1)
			.execute();
	}

	private GraphQlTester.Response chainCompanies(int first, String after) {
		return graphQl.documentName("connections")
			.operationName("chainCompaniesPage")
			.variable("chainId", "pv")
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private static String endCursor(GraphQlTester.Response response, String connection) {
		return response.path(connection + ".pageInfo.endCursor").entity(String.class).get();
	}

	private void addWaferMaker(String id, String nameZh) {
		graph
			.write("""
					MATCH (x:Region {id: 'xuzhou'}), (p:Product {id: 'pv-wafer'})
					CREATE (c:Company {id: $id, nameZh: $nameZh, name: $id, aliases: [], source: 'estimate: test'})
					       -[:HAS_SITE]->(s:Site {id: $id + '-xuzhou', nameZh: $nameZh, source: 'estimate: test'})-[:IN_REGION]->(x),
					       (s)-[:MAKES {status: 'OPERATING', capacity: 5.0, unit: 'GW', source: 'estimate: test'}]->(p)""",
					Map.of("id", id, "nameZh", nameZh));
		graph.changed();
	}

	private static void refused(GraphQlTester.Response response, String argument, String saying) {
		response.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("'" + argument + "'").contains(saying)));
	}

}
