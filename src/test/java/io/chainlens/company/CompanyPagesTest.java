package io.chainlens.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;
import io.chainlens.chain.FocusRegion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query.companies on the seed graph: every company of graph-seed/*&#47;companies.csv
 * (counted from the files), 86 of them with a site in 包头市 (sites.csv, by hand).
 */
@ChainlensTest
class CompanyPagesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	Driver driver;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	FocusRegion focus;

	@Autowired
	CompanyPages pages;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@Test
	void smallPagesWalkTheSameOrderAsLargeOnesWithoutRepeatsOrGaps() {
		for (String order : List.of("NAME", "PRODUCT_COUNT")) {
			List<String> bySeven = walk(Map.of(), order, 7);
			assertThat(bySeven).as(order).hasSize(companiesInTheSeedFiles()).doesNotHaveDuplicates();
			assertThat(walk(Map.of(), order, 100)).as(order).isEqualTo(bySeven);
		}
	}

	@Test
	void filtersKeepWhatTheyName() {
		page(Map.of("region", "包头市"), "NAME", 100, null).path("companies.totalCount")
			.entity(Integer.class)
			.isEqualTo(86);
		int producers = graphQl.document("{ product(id: \"pv-polysilicon\") { producerCount } }")
			.execute()
			.path("product.producerCount")
			.entity(Integer.class)
			.get();
		page(Map.of("productId", "pv-polysilicon"), "NAME", 100, null).path("companies.totalCount")
			.entity(Integer.class)
			.isEqualTo(producers);
		page(Map.of("text", "tongwei"), "NAME", 100, null).path("companies.edges[*].node.id")
			.entityList(String.class)
			.contains("tongwei");
	}

	/**
	 * A page in name order is read either by walking the name index from the cursor (a
	 * filter keeping a large share of the companies) or from what the filter names (a
	 * narrow one): both give the filter's companies in name order, page after page.
	 */
	@Test
	void pagesInNameOrderHoldTheFiltersCompaniesInOrderWhicheverWayTheyAreRead() {
		String makesPv = "EXISTS { (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: 'pv'}) }";
		String inBaotou = "EXISTS { (c)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: 'baotou'}) }";
		Map<Map<String, Object>, String> filters = Map.of(Map.of("chainId", "pv"), makesPv, Map.of("region", "包头市"),
				inBaotou, Map.of("chainId", "pv", "region", "包头市"),
				"EXISTS { (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: 'pv'})"
						+ " WHERE EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: 'baotou'}) } }",
				// one company of the seed's: narrow, read from what the filter names
				Map.of("text", "tongwei"), "toLower(c.name) CONTAINS 'tongwei' OR toLower(c.nameZh) CONTAINS 'tongwei'"
						+ " OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) CONTAINS 'tongwei')");
		for (var filter : filters.entrySet()) {
			List<String> expected;
			try (Session session = driver.session()) {
				expected = session
					.run("MATCH (c:Company) WHERE " + filter.getValue() + " RETURN c.id AS id ORDER BY c.nameZh, c.id")
					.list(r -> r.get("id").asString());
			}
			assertThat(expected).as(filter.getKey().toString()).isNotEmpty();
			assertThat(walk(filter.getKey(), "NAME", 3)).as(filter.getKey().toString()).isEqualTo(expected);
		}
	}

	@Test
	void aChainFilterKeepsTheCompaniesMakingItsProductsInTheRegionWhenOneIsGiven() {
		String makesPv = "(c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: 'pv'})";
		long national = graph.count("MATCH (c:Company) WHERE EXISTS { " + makesPv + " } RETURN count(c)");
		long inBaotou = graph.count("MATCH (c:Company) WHERE EXISTS { " + makesPv
				+ " WHERE EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: 'baotou'}) } } RETURN count(c)");
		assertThat(inBaotou).isPositive().isLessThan(national);
		page(Map.of("chainId", "pv"), "NAME", 100, null).path("companies.totalCount")
			.entity(Long.class)
			.isEqualTo(national);
		page(Map.of("chainId", "pv", "region", "包头市"), "NAME", 100, null).path("companies.totalCount")
			.entity(Long.class)
			.isEqualTo(inBaotou);
	}

	@Test
	void aFilteredListStartsFromWhatTheFilterNamesRatherThanFromEveryCompany() {
		for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("regionId", "baotou"),
				Map.of("chainId", "pv"), Map.of("productId", "pv-polysilicon"),
				Map.of("regionId", "baotou", "chainId", "pv"))) {
			assertThat(operators(filter)).as(filter.toString()).noneMatch(o -> o.startsWith("NodeByLabelScan"));
		}
		// a name filter alone has nothing to start from: the check sees a scan when there
		// is one
		assertThat(operators(Map.of("text", "稀土"))).anyMatch(o -> o.startsWith("NodeByLabelScan"));
	}

	/**
	 * Neo4j planned a query of every optional filter (each behind {@code $x IS NULL OR})
	 * in up to a second, again whenever the statistics moved: a query holds only the
	 * filters set.
	 */
	@Test
	void aFilteredListsQueryHoldsTheTestsOfTheFiltersSetAndNoOthers() {
		Map<String, Object> params = new HashMap<>();
		params.put("regionId", "baotou");
		params.put("chainId", "pv");
		params.put("local", null);
		String query = CompanyPages.matching(params);
		assertThat(query).contains("$regionId", "$chainId")
			.doesNotContain("$productId", "$status", "$minCapacity", "$local", "$text");
		params.put("status", "OPERATING");
		params.put("text", "稀土");
		assertThat(CompanyPages.matching(params)).contains("$status", "$text").doesNotContain("$local", "$minCapacity");
	}

	/**
	 * Every test on a company is answered by expanding from the company: no subquery of a
	 * count, page or aggregate query starts anywhere else. Neo4j now and then planned the
	 * chain's test of a region's list as a hash join with every site of the chain's
	 * products, built again for each company (100 s for a page at a third of SMALL), and
	 * kept that plan; a test written without a labelled, indexed node to start from
	 * leaves it no such plan to choose, whatever the statistics.
	 */
	@Test
	void everyTestOnACompanyStartsFromTheCompanyWhateverTheFiltersSet() {
		List<String> starts = new ArrayList<>();
		// each filter alone, the pairs that put one test inside another, all of them:
		// planning
		// takes up to half a second a query here, too long for every combination
		for (int set : List.of(1, 2, 4, 8, 16, 32, 1 | 2, 1 | 4, 1 | 32, 2 | 32, 1 | 8, 63)) {
			boolean product = (set & 4) != 0;
			CompanyPages.Filter filter = new CompanyPages.Filter((set & 1) != 0 ? "baotou" : null,
					(set & 2) != 0 ? "pv" : null, product ? "pv-polysilicon" : null, (set & 8) != 0 ? true : null,
					(set & 16) != 0 ? "稀土" : null, (set & 32) != 0 ? "OPERATING" : null, product ? 1.0 : null);
			Map<String, Object> params = pages.params(filter);
			params.putAll(Map.of("first", 50, "fromName", ""));
			params.put("afterKey", null);
			params.put("afterId", null);
			List<String> queries = new ArrayList<>(List.of(CompanyPages.countQuery(params),
					CompanyPages.pageQuery(params, CompanyPages.Order.NAME, true)));
			if (set == 3 || set == 63) {
				queries.add(CompanyPages.pageQuery(params, CompanyPages.Order.NAME, false));
				queries.add(CompanyPages.pageQuery(params, CompanyPages.Order.PRODUCT_COUNT, false));
				if (product) {
					queries.add(CompanyPages.pageQuery(params, CompanyPages.Order.CAPACITY, false));
				}
				for (CompanyPages.GroupBy groupBy : CompanyPages.GroupBy.values()) {
					queries.add(CompanyPages.aggregateQuery(params, groupBy));
				}
			}
			params.putAll(Map.of("level", "CITY", "oneProduct", product));
			for (String query : queries) {
				try (Session session = driver.session()) {
					Plan plan = session.run("EXPLAIN " + query, pages.withLists(query, params)).consume().plan();
					subqueryStarts(plan, starts, filter + "\n" + query);
				}
			}
		}
		assertThat(starts).isEmpty();
	}

	/**
	 * Where a subquery (the right-hand side of an apply) starts other than at its
	 * argument.
	 */
	private static void subqueryStarts(Plan plan, List<String> starts, String query) {
		String type = plan.operatorType().replaceFirst("@.*", "");
		if (type.contains("Apply") && plan.children().size() == 2 && !oneRow(plan.children().get(0))) {
			leaves(plan.children().get(1)).stream()
				.filter(leaf -> !leaf.equals("Argument"))
				.forEach(leaf -> starts.add(leaf + " in a " + type + " of " + query));
		}
		plan.children().forEach(child -> subqueryStarts(child, starts, query));
	}

	/**
	 * An aggregation of everything into one row (a chain's products collected before the
	 * match): what follows it runs once, not per company.
	 */
	private static boolean oneRow(Plan plan) {
		return plan.operatorType().startsWith("EagerAggregation")
				&& String.valueOf(plan.arguments().get("Details")).matches("\"?collect\\(.*");
	}

	private static List<String> leaves(Plan plan) {
		if (plan.children().isEmpty()) {
			return List.of(plan.operatorType().replaceFirst("@.*", ""));
		}
		return plan.children().stream().flatMap(child -> leaves(child).stream()).toList();
	}

	/** The operators of the plan of counting a filter's companies. */
	private List<String> operators(Map<String, Object> filter) {
		Map<String, Object> params = new HashMap<>();
		for (String name : List.of("region", "regionId", "chainId", "productId", "local", "text", "status",
				"minCapacity")) {
			params.put(name, null);
		}
		params.putAll(filter);
		try (Session session = driver.session()) {
			Plan plan = session.run("EXPLAIN " + CompanyPages.matching(params) + "RETURN count(c) AS n", params)
				.consume()
				.plan();
			List<String> operators = new ArrayList<>();
			collect(plan, operators);
			return operators;
		}
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType());
		plan.children().forEach(child -> collect(child, operators));
	}

	@Test
	void aCursorKeepsItsPlaceWhenACompanyIsAddedBeforeIt() {
		GraphQlTester.Response first = page(Map.of(), "NAME", 5, null);
		String cursor = first.path("companies.pageInfo.endCursor").entity(String.class).get();
		List<String> expected = walk(Map.of(), "NAME", 100).subList(5, 10);
		graph.write("CREATE (:Company {id: 'aaa-new', nameZh: '阿阿新公司', name: 'AAA New', aliases: [], source: 'test'})",
				Map.of());
		page(Map.of(), "NAME", 5, cursor).path("companies.edges[*].node.id")
			.entityList(String.class)
			.isEqualTo(expected);
	}

	/** A list's total is kept per graph version: a write counts again. */
	@Test
	void theTotalCountsACompanyAddedByAWrite() {
		Map<String, Object> polysilicon = Map.of("productId", "pv-polysilicon");
		int before = page(polysilicon, "NAME", 5, null).path("companies.totalCount").entity(Integer.class).get();
		page(polysilicon, "NAME", 5, null).path("companies.totalCount").entity(Integer.class).isEqualTo(before);
		graph.write("""
				MATCH (p:Product {id: 'pv-polysilicon'}), (r:Region {id: 'baotou'})
				CREATE (c:Company {id: 'aaa-new-poly', nameZh: '阿阿新硅业', name: 'AAA Poly', aliases: [], source: 'test'})
				CREATE (c)-[:HAS_SITE]->(s:Site {id: 'aaa-new-poly-site', nameZh: '阿阿新硅业基地', source: 'test'})
				CREATE (s)-[:IN_REGION]->(r)
				CREATE (s)-[:MAKES {status: 'PLANNED', capacity: 1000.0, unit: 't', source: 'test'}]->(p)""", Map.of());
		page(polysilicon, "NAME", 5, null).path("companies.totalCount").entity(Integer.class).isEqualTo(before + 1);
	}

	@Test
	void aBadCursorFirstOrFilterIsRefusedNamingTheArgument() {
		refused(page(Map.of(), "NAME", 5, "not a cursor"), "after");
		String nameCursor = page(Map.of(), "NAME", 5, null).path("companies.pageInfo.endCursor")
			.entity(String.class)
			.get();
		refused(page(Map.of(), "PRODUCT_COUNT", 5, nameCursor), "after");
		refused(page(Map.of(), "NAME", 101, null), "first");
		refused(page(Map.of("region", "atlantis"), "NAME", 5, null), "filter.region");
		refused(page(Map.of("productId", "no-such-product"), "NAME", 5, null), "filter.productId");
	}

	private List<String> walk(Map<String, Object> filter, String order, int first) {
		List<String> ids = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response response = page(filter, order, first, after);
			ids.addAll(response.path("companies.edges[*].node.id").entityList(String.class).get());
			more = response.path("companies.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("companies.pageInfo.endCursor").entity(String.class).get();
		}
		return ids;
	}

	/**
	 * Baotou's polysilicon lines (graph-seed/pv/capacities.csv): operating 大全 100,000
	 * (九原区), 新特 100,000 (土右旗), 通威 70,000 (昆都仑区), 协鑫 40,000; in all statuses 新特 270,000,
	 * 通威 270,000, 大全 200,000, 东方日升 150,000, 旭阳 120,000, 协鑫 100,000, 弘元 50,000. Ties go by
	 * id.
	 */
	@Test
	void companiesOfARegionRankByTheirKnownCapacityThereAndAMinimumKeepsTheLargest() {
		Map<String, Object> operating = Map.of("region", "包头市", "productId", "pv-polysilicon", "status", "OPERATING");
		page(operating, "CAPACITY", 100, null).path("companies.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("daqo", "tbea", "tongwei", "gcl");
		page(Map.of("region", "包头市", "productId", "pv-polysilicon", "status", "OPERATING", "minCapacity", 80000),
				"CAPACITY", 100, null)
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("daqo", "tbea");

		GraphQlTester.Response first = page(Map.of("region", "包头市", "productId", "pv-polysilicon"), "CAPACITY", 3,
				null);
		first.path("companies.edges[*].node.id").entityList(String.class).containsExactly("tbea", "tongwei", "daqo");
		String cursor = first.path("companies.pageInfo.endCursor").entity(String.class).get();
		page(Map.of("region", "包头市", "productId", "pv-polysilicon"), "CAPACITY", 10, cursor)
			.path("companies.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("risen", "xuyang", "gcl", "hoyuan");
	}

	@Test
	void theLocalFilterSplitsTheCompaniesIntoLocalAndNot() {
		int all = companiesInTheSeedFiles();
		int local = page(Map.of("local", true), "NAME", 100, null).path("companies.totalCount")
			.entity(Integer.class)
			.get();
		assertThat(local).isGreaterThanOrEqualTo(86).isLessThan(all);
		page(Map.of("local", false), "NAME", 100, null).path("companies.totalCount")
			.entity(Integer.class)
			.isEqualTo(all - local);
	}

	/**
	 * Without filters the companies are counted by reading each once: a filter not asked
	 * (here whether a company is local, which walks every site's region up to the focus
	 * region) must not be computed and thrown away for every company.
	 */
	@Test
	void aFilterNotAskedReadsNothing() {
		Map<String, Object> none = new HashMap<>();
		for (String name : List.of("regionId", "chainId", "productId", "local", "text", "status", "minCapacity")) {
			none.put(name, null);
		}
		none.put("region", focus.region());
		ResultSummary summary = neo4j.query("PROFILE " + CompanyPages.matching(none) + "RETURN count(c) AS n")
			.bindAll(none)
			.run();
		assertThat(dbHits(summary.profile())).isLessThanOrEqualTo(2L * companiesInTheSeedFiles() + 10);
	}

	private static long dbHits(ProfiledPlan plan) {
		return plan.dbHits() + plan.children().stream().mapToLong(CompanyPagesTest::dbHits).sum();
	}

	@Test
	void capacityFiltersAndOrdersNeedAProductAndAKnownStatus() {
		refused(page(Map.of("minCapacity", 1), "NAME", 10, null), "filter.minCapacity");
		refused(page(Map.of(), "CAPACITY", 10, null), "orderBy");
		refused(page(Map.of("status", "RUMOURED"), "NAME", 10, null), "filter.status");
		refused(page(Map.of("productId", "pv-polysilicon", "minCapacity", -5), "NAME", 10, null), "filter.minCapacity");
	}

	private GraphQlTester.Response page(Map<String, Object> filter, String order, int first, String after) {
		GraphQlTester.Request<?> request = graphQl.documentName("companyPage")
			.variable("filter", filter)
			.variable("orderBy", order)
			.variable("first", first);
		return (after == null ? request : request.variable("after", after)).execute();
	}

	private static void refused(GraphQlTester.Response response, String argument) {
		response.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains(argument)));
	}

	/** The rows of every companies.csv under graph-seed/ (an id is defined once). */
	private static int companiesInTheSeedFiles() {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("graph-seed"))) {
			int rows = 0;
			for (java.nio.file.Path file : files.filter(f -> f.getFileName().toString().equals("companies.csv"))
				.toList()) {
				try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.RFC4180.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(java.nio.file.Files.newBufferedReader(file))) {
					rows += (int) parser.stream().filter(r -> !r.get(0).startsWith("#")).count();
				}
			}
			return rows;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
