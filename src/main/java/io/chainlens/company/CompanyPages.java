package io.chainlens.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.FocusRegion;
import io.chainlens.chain.Region;
import io.chainlens.database.GraphState;
import io.chainlens.database.KeptByVersion;
import io.chainlens.web.BadArgument;
import io.chainlens.web.Connection;
import io.chainlens.web.Cursors;
import io.chainlens.web.NotFound;

/**
 * The companies of the whole graph as a cursor connection: filtered, in a stable order, a
 * page at a time. Cursors are keyset positions (the sort key and the id of the last
 * company of a page), so a page after a cursor stays right while companies are added or
 * changed elsewhere in the order, where an offset would skip or repeat them.
 */
@Component
@Transactional(readOnly = true)
class CompanyPages {

	/** How a connection is ordered. */
	enum Order {

		/** By Chinese name, then id. */
		NAME,

		/** By the number of distinct products made, most first, then id. */
		PRODUCT_COUNT,

		/**
		 * By the known capacity of the filter's product, largest first, then id;
		 * companies whose capacity is not known come last.
		 */
		CAPACITY

	}

	/**
	 * Site {@code s} lies in the filter's region: its region is one of
	 * {@code $regionIds}, the region and those under it, read before the query. Every
	 * test on a company is written so that it can only be answered by expanding from the
	 * company: no labelled node with an indexed property for Neo4j to seek. With
	 * {@code (:Region {id: $regionId})} or {@code (:Chain {id: $chainId})} inside the
	 * EXISTS, Neo4j now and then (the same data, in some JVMs only) planned the test as a
	 * hash join of the company's sites with everything under the region or chain, built
	 * again for every company, and kept that plan: a region's page of a chain's companies
	 * then took 100 s at a third of SMALL, where it takes 1 s. Written behind
	 * {@code $regionId IS NULL OR} even where the region is set: the guard makes Neo4j
	 * test it on each site the enclosing pattern reaches, where a bare EXISTS becomes a
	 * semi-join it may start elsewhere.
	 */
	private static final String IN_REGION = "($regionId IS NULL OR EXISTS { (s)-[:IN_REGION]->(r) WHERE r.id IN $regionIds })";

	/** The statuses a capacity line may have. */
	static final Set<String> STATUSES = Set.of("OPERATING", "UNDER_CONSTRUCTION", "PLANNED");

	/**
	 * The known capacity of the product over the company's lines (of the status, when
	 * given; in the filter's region, when given); null when none is known: an unknown is
	 * never 0.
	 */
	private static final String CAPACITY = """
			COLLECT { MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)
			          WHERE p.id = $productId AND ($status IS NULL OR m.status = $status) AND m.capacity IS NOT NULL
			            AND %s
			          RETURN CASE WHEN count(m) = 0 THEN null ELSE sum(m.capacity) END }[0]""".formatted(IN_REGION);

	/** The filters; null means no filter. */
	record Filter(String region, String chainId, String productId, Boolean local, String text, String status,
			Double minCapacity) {
	}

	/**
	 * The list name of the companies' cursors: every company connection in the NAME order
	 * (Query.companies, Chain.companiesConnection, Region.companiesConnection) is a
	 * position in the same order, so a cursor of one serves another.
	 */
	static final String LIST = "companies";

	private final Neo4jClient neo4j;

	private final FocusRegion focus;

	CompanyPages(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.focus = focus;
	}

	private static final Filter NO_FILTER = new Filter(null, null, null, null, null, null, null);

	/**
	 * The tests on company {@code c} of the filters that are set; a filter not set is not
	 * written at all. With every filter in every query (each behind
	 * {@code $x IS NULL OR}), Neo4j took 0.5 to 1.2 s to plan one query of a dozen
	 * subqueries (EXPLAIN at LARGE), again after each import as the statistics moved:
	 * longer than most pages take to read, and a fresh-clone CI's first filtered page ran
	 * over the 20 s time budget. A test that is written keeps its guard: behind
	 * {@code $x IS NULL OR} Neo4j tests the EXISTS on each company from the company,
	 * where a bare one becomes a semi-join it may start at the chain or the region (three
	 * times the CPU for a province's page of a chain's companies at LARGE); and a
	 * comparison of a computed value (local, the capacity) stays behind a CASE, or the
	 * planner computes it for every company first (bench/README.md, "Side by side").
	 * {@code met}: the parameters whose company-level tests the match's start already
	 * meets; a site's test of the region inside the others stays.
	 */
	private static List<String> conditions(Map<String, Object> params, Set<String> met) {
		boolean inRegion = params.get("regionId") != null;
		String siteInRegion = inRegion ? " AND " + IN_REGION : "";
		List<String> tests = new ArrayList<>();
		if (inRegion && !met.contains("regionId")) {
			tests.add("($regionId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(r)"
					+ " WHERE r.id IN $regionIds })");
		}
		if (params.get("chainId") != null && !met.contains("chainId")) {
			tests.add("($chainId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(p)"
					+ " WHERE p.id IN $chainProducts" + siteInRegion + " })");
		}
		if (params.get("productId") != null && !met.contains("productId")) {
			tests.add("($productId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(p)"
					+ " WHERE p.id = $productId" + siteInRegion + " })");
		}
		if (params.get("status") != null) {
			tests.add("($status IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)\n"
					+ "   WHERE m.status = $status AND ($productId IS NULL OR p.id = $productId)"
					+ (inRegion ? " AND " + IN_REGION : "") + " })");
		}
		if (params.get("minCapacity") != null) {
			tests.add("CASE WHEN $minCapacity IS NULL THEN true ELSE " + CAPACITY + " >= $minCapacity END");
		}
		if (params.get("local") != null) {
			tests.add("CASE WHEN $local IS NULL THEN true ELSE " + CompanyQueries.LOCAL + " = $local END");
		}
		if (params.get("text") != null) {
			tests.add(
					"($text IS NULL OR toLower(c.nameZh) CONTAINS $text OR toLower(coalesce(c.name, '')) CONTAINS $text"
							+ " OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) CONTAINS $text))");
		}
		return tests;
	}

	/** A WHERE of the tests, none when there are none. */
	private static String where(List<String> tests) {
		return tests.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", tests) + "\n";
	}

	/**
	 * The companies {@code c} the filter (as parameters) keeps. The planner cannot tell
	 * which filters a query's parameters set, so the match starts from the product,
	 * region or chain the filter names, the narrowest first, rather than from every
	 * company (tens of times the hand-written query at national scale: bench/run's
	 * companiesPage); the tests stay whole, so the same companies are kept.
	 */
	static String matching(Map<String, Object> params) {
		String start;
		if (params.get("productId") != null) {
			start = "MATCH (:Product {id: $productId})<-[:MAKES]-(:Site)<-[:HAS_SITE]-(c:Company)\nWITH DISTINCT c\n";
		}
		else if (params.get("regionId") != null && params.get("chainId") != null) {
			// a site in the region making a product of the chain, tested on the site the
			// start reaches: testing each company found in the region walks all its sites
			// nationwide again (at LARGE, twice the hand-written query's time)
			start = """
					MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
					WITH collect(p) AS made
					MATCH (:Region {id: $regionId})<-[:PART_OF*0..5]-(:Region)<-[:IN_REGION]-(s:Site)
					WHERE EXISTS { (s)-[:MAKES]->(q) WHERE q IN made }
					MATCH (s)<-[:HAS_SITE]-(c:Company)
					WITH DISTINCT c
					""";
		}
		else if (params.get("regionId") != null) {
			start = "MATCH (:Region {id: $regionId})<-[:PART_OF*0..5]-(:Region)<-[:IN_REGION]-(:Site)<-[:HAS_SITE]-(c:Company)\n"
					+ "WITH DISTINCT c\n";
		}
		else if (params.get("chainId") != null) {
			start = "MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(:Product)<-[:MAKES]-(:Site)"
					+ "<-[:HAS_SITE]-(c:Company)\nWITH DISTINCT c\n";
		}
		else {
			start = "MATCH (c:Company)\n";
		}
		// the tests the start already meets are not made again for every company (a
		// chain's companies nationwide: tens of thousands of walks to the chain); with a
		// region, the product's test also asks for a site in it, so stays
		boolean regionless = params.get("regionId") == null;
		Set<String> met = Set.of();
		if (params.get("productId") != null) {
			met = regionless ? Set.of("productId") : Set.of();
		}
		else if (params.get("regionId") != null) {
			met = params.get("chainId") != null ? Set.of("regionId", "chainId") : Set.of("regionId");
		}
		else if (params.get("chainId") != null) {
			met = Set.of("chainId");
		}
		return start + where(conditions(params, met));
	}

	/** The filter checked and as query parameters; refused with the argument named. */
	Map<String, Object> params(Filter f) {
		if (f.status() != null && !STATUSES.contains(f.status())) {
			throw new BadArgument("filter.status",
					"must be one of " + new java.util.TreeSet<>(STATUSES) + ", not '" + f.status() + "'");
		}
		if (f.minCapacity() != null && f.productId() == null) {
			throw new BadArgument("filter.minCapacity", "needs filter.productId: a capacity is of one product");
		}
		if (f.minCapacity() != null && !(f.minCapacity() >= 0 && Double.isFinite(f.minCapacity()))) {
			throw new BadArgument("filter.minCapacity", "must be a finite number of 0 or more, not " + f.minCapacity());
		}
		Map<String, Object> params = new HashMap<>();
		params.put("region", focus.region());
		params.put("regionId", f.region() == null ? null : regionId(f.region()));
		params.put("chainId", f.chainId());
		params.put("productId", f.productId());
		params.put("local", f.local());
		params.put("text", (f.text() == null || f.text().isBlank()) ? null : f.text().strip().toLowerCase());
		params.put("status", f.status());
		params.put("minCapacity", f.minCapacity());
		if (f.chainId() != null && !exists("MATCH (n:Chain {id: $id}) RETURN count(n) > 0", f.chainId())) {
			throw new NotFound("There is no chain with id '" + f.chainId() + "' (argument 'filter.chainId')");
		}
		if (f.productId() != null && !exists("MATCH (n:Product {id: $id}) RETURN count(n) > 0", f.productId())) {
			throw new NotFound("There is no product with id '" + f.productId() + "' (argument 'filter.productId')");
		}
		return params;
	}

	/** What the companies of a filter are grouped by in {@link #aggregate}. */
	enum GroupBy {

		REGION, CHAIN, PRODUCT, STATUS

	}

	/**
	 * A group of the filter's companies and their lines: a region, chain, product or
	 * status. A capacity is summed only over lines of one product (grouped by product, or
	 * with filter.productId) and only over known figures; {@code unknownLines} says how
	 * many lines it leaves out.
	 */
	record Group(String key, String nameZh, int companies, int sites, int lines, int unknownLines, Double knownCapacity,
			String unit) {
	}

	/** The group key of a line {@code m} of site {@code s} making {@code p}. */
	private static final Map<GroupBy, String> GROUP_KEY = Map.of(GroupBy.REGION, """
			MATCH (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(g:Region {level: $level})
			WITH c, s, m, p, g.id AS key, g.nameZh AS name""", GroupBy.CHAIN, """
			MATCH (p)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(g:Chain)
			WITH DISTINCT c, s, m, p, g.id AS key, g.nameZh AS name""", GroupBy.PRODUCT,
			"WITH c, s, m, p, p.id AS key, p.nameZh AS name", GroupBy.STATUS,
			"WITH c, s, m, p, m.status AS key, null AS name");

	/**
	 * Counts and known-capacity sums of the filter's companies, grouped: per group the
	 * companies, sites and lines (capacity lines kept by the filter's region, chain,
	 * product and status) and the known capacity where one unit holds. Largest group
	 * first, the {@code first} largest.
	 */
	List<Group> aggregate(Filter filter, GroupBy groupBy, String level, int first) {
		Filter f = (filter == null) ? NO_FILTER : filter;
		if (groupBy == GroupBy.REGION && !Region.LEVELS.contains(level)) {
			throw new BadArgument("level",
					"must be one of " + String.join(", ", Region.LEVELS) + ", not '" + level + "'");
		}
		Map<String, Object> params = params(f);
		params.put("level", level);
		params.put("first", first);
		boolean oneProduct = groupBy == GroupBy.PRODUCT || f.productId() != null;
		String query = aggregateQuery(params, groupBy);
		return List.copyOf(neo4j.query(query)
			.bindAll(withLists(query, params))
			.bind(oneProduct)
			.to("oneProduct")
			.fetchAs(Group.class)
			.mappedBy((t, r) -> new Group(r.get("key").asString(), r.get("name").asString(null),
					r.get("companies").asInt(), r.get("sites").asInt(), r.get("lines").asInt(),
					r.get("unknown").asInt(), r.get("capacity").isNull() ? null : r.get("capacity").asDouble(),
					r.get("unit").asString(null)))
			.all());
	}

	/** The query of {@link #aggregate}. */
	static String aggregateQuery(Map<String, Object> params, GroupBy groupBy) {
		return matching(params) + """
				MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p:Product)
				WHERE %s AND ($productId IS NULL OR p.id = $productId) AND ($status IS NULL OR m.status = $status)
				  AND ($chainId IS NULL OR p.id IN $chainProducts)
				%s
				WITH key, name, count(DISTINCT c) AS companies, count(DISTINCT s) AS sites, count(m) AS lines,
				     count(m) - count(m.capacity) AS unknown, sum(m.capacity) AS capacity, count(m.capacity) AS known,
				     collect(DISTINCT p.unit) AS units
				RETURN key, name, companies, sites, lines, unknown,
				       CASE WHEN $oneProduct AND known > 0 THEN capacity END AS capacity,
				       CASE WHEN $oneProduct THEN units[0] END AS unit
				ORDER BY companies DESC, lines DESC, key LIMIT $first""".formatted(IN_REGION, GROUP_KEY.get(groupBy));
	}

	Connection<Company> page(Filter filter, Order order, int first, String after) {
		Filter f = (filter == null) ? NO_FILTER : filter;
		if (order == Order.CAPACITY && f.productId() == null) {
			throw new BadArgument("orderBy", "CAPACITY needs filter.productId: a capacity is of one product");
		}
		Map<String, Object> params = params(f);
		String[] position = (after == null) ? null : decode(after, order);
		params.put("afterKey", position == null ? null : position[0]);
		params.put("afterId", position == null ? null : position[1]);
		params.put("first", first);
		var version = GraphState.read(neo4j);
		int total = count(version, params);
		boolean walk = order == Order.NAME && walksNames(version, total);
		if (walk) {
			params.put("fromName", position == null ? "" : position[0]);
		}
		String query = pageQuery(params, order, walk);
		List<Connection.Edge<Company>> edges = new ArrayList<>(
				neo4j.query(query)
					.bindAll(withLists(query, params))
					.fetchAs(EDGE)
					.mappedBy((t,
							r) -> new Connection.Edge<>(encode(order, String.valueOf(r.get("key").asObject()),
									r.get("c").get("id").asString()), Company.of(r.get("c"))))
					.all());
		return Connection.of(edges, first, total);
	}

	/**
	 * The query of a page in the order: walking the name index ({@link #nameWalk}) or
	 * from what the filter names.
	 */
	static String pageQuery(Map<String, Object> params, Order order, boolean walk) {
		if (walk) {
			return nameWalk(params);
		}
		String key = switch (order) {
			case NAME -> "c.nameZh";
			case PRODUCT_COUNT -> "COUNT { MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q) RETURN DISTINCT q }";
			// an unknown capacity sorts after every known one, 0 included
			case CAPACITY -> "coalesce(" + CAPACITY + ", -1.0)";
		};
		String after = switch (order) {
			case NAME -> "($afterId IS NULL OR key > $afterKey OR (key = $afterKey AND c.id > $afterId))";
			case PRODUCT_COUNT ->
				"($afterId IS NULL OR key < toInteger($afterKey) OR (key = toInteger($afterKey) AND c.id > $afterId))";
			case CAPACITY ->
				"($afterId IS NULL OR key < toFloat($afterKey) OR (key = toFloat($afterKey) AND c.id > $afterId))";
		};
		String sort = (order == Order.NAME) ? "key, c.id" : "key DESC, c.id";
		return matching(params) + """
				WITH c, %s AS key
				WHERE %s
				RETURN c, key ORDER BY %s LIMIT $first + 1""".formatted(key, after, sort);
	}

	/**
	 * Search results as a connection: the companies whose Chinese or English name or an
	 * alias holds the text (case-insensitive), an exact name or alias first, then a name
	 * starting with it, then the others, each by Chinese name and id. The full-text score
	 * of searchCompanies is not used: it moves as companies are added anywhere, and a
	 * cursor must keep its place.
	 */
	Connection<Company> search(String text, int first, String after) {
		Map<String, Object> params = params(new Filter(null, null, null, null, text, null, null));
		String list = searchList((String) params.get("text"));
		List<String> position = (after == null) ? null : Cursors.decode(after, list, 3);
		if (position != null && !position.get(0).matches("[012]")) {
			throw new BadArgument("after", "is not a cursor of this list: take endCursor or an edge's cursor as given");
		}
		params.put("afterRank", position == null ? null : Integer.valueOf(position.get(0)));
		params.put("afterKey", position == null ? null : position.get(1));
		params.put("afterId", position == null ? null : position.get(2));
		params.put("first", first);
		int total = count(params);
		List<Connection.Edge<Company>> edges = new ArrayList<>(
				neo4j
					.query(matching(params)
							+ """
									WITH c, CASE WHEN toLower(c.nameZh) = $text OR toLower(coalesce(c.name, '')) = $text
									                  OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = $text) THEN 2
									             WHEN toLower(c.nameZh) STARTS WITH $text OR toLower(coalesce(c.name, '')) STARTS WITH $text THEN 1
									             ELSE 0 END AS rank
									WHERE $afterId IS NULL OR rank < $afterRank
									   OR (rank = $afterRank AND (c.nameZh > $afterKey OR (c.nameZh = $afterKey AND c.id > $afterId)))
									RETURN c, rank ORDER BY rank DESC, c.nameZh, c.id LIMIT $first + 1""")
					.bindAll(params)
					.fetchAs(EDGE)
					.mappedBy((t, r) -> new Connection.Edge<>(
							Cursors.encode(list, String.valueOf(r.get("rank").asInt()),
									r.get("c").get("nameZh").asString(), r.get("c").get("id").asString()),
							Company.of(r.get("c"))))
					.all());
		return Connection.of(edges, first, total);
	}

	/**
	 * A page in name order by walking the name index from the cursor and testing each
	 * company against the whole filter until the page is full. For a filter that keeps a
	 * large share of the companies this reads a few hundred of them, where starting from
	 * the filter reads and sorts all it keeps (a chain's 38,000 companies nationwide for
	 * the 50 after row 10,000: bench/run's companiesDeepPage).
	 */
	private static String nameWalk(Map<String, Object> params) {
		List<String> tests = new ArrayList<>(conditions(params, Set.of()));
		tests.add("($afterId IS NULL OR c.nameZh > $afterKey OR c.id > $afterId)");
		return "MATCH (c:Company) WHERE c.nameZh >= $fromName\nWITH c\n" + where(tests)
				+ "RETURN c, c.nameZh AS key ORDER BY c.nameZh, c.id LIMIT $first + 1";
	}

	/**
	 * The share of all companies above which a filter's pages walk the name index: at 1
	 * in 50, a page of 50 tests about 2,500 companies, as cheap as starting from a filter
	 * that keeps a few thousand.
	 */
	private static final int WALK_SHARE = 50;

	private boolean walksNames(Optional<GraphState.Version> version, int total) {
		int all = totals.get(version, Map.of("allCompanies", true),
				() -> neo4j.query("MATCH (c:Company) RETURN count(c) AS n")
					.fetchAs(Integer.class)
					.mappedBy((t, r) -> r.get("n").asInt())
					.one()
					.orElse(0));
		return total > 0 && (long) total * WALK_SHARE >= all;
	}

	/**
	 * How many companies the filter keeps: kept per graph version for the filters asked
	 * most recently, since every page of a list has the same total and counting a
	 * national list reads all of it (bench/run's companiesDeepPage: the count was half of
	 * a page's time).
	 */
	private int count(Map<String, Object> params) {
		return count(GraphState.read(neo4j), params);
	}

	private int count(Optional<GraphState.Version> version, Map<String, Object> params) {
		Map<String, Object> filter = new HashMap<>(params);
		filter.keySet().removeAll(Set.of("afterKey", "afterId", "afterRank", "first"));
		return totals.get(version, filter, () -> counted(params));
	}

	private final KeptByVersion<Map<String, Object>, Integer> totals = new KeptByVersion<>(256);

	static String countQuery(Map<String, Object> params) {
		return matching(params) + "RETURN count(c) AS n";
	}

	private int counted(Map<String, Object> params) {
		String query = countQuery(params);
		return neo4j.query(query)
			.bindAll(withLists(query, params))
			.fetchAs(Integer.class)
			.mappedBy((t, r) -> r.get("n").asInt())
			.one()
			.orElse(0);
	}

	/** The list name of a search's cursors: a cursor of another text is refused. */
	private static String searchList(String text) {
		return "searchCompaniesConnection(" + text.replace('\n', ' ') + ")";
	}

	private String regionId(String idOrName) {
		return neo4j.query("""
				MATCH (r:Region) WHERE r.id = $region OR r.nameZh = $region
				RETURN r.id AS id ORDER BY CASE WHEN r.id = $region THEN 0 ELSE 1 END, r.id LIMIT 1""")
			.bind(idOrName)
			.to("region")
			.fetchAs(String.class)
			.one()
			.orElseThrow(() -> new NotFound(
					"There is no region with id or name '" + idOrName + "' (argument 'filter.region')"));
	}

	/**
	 * The parameters with the lists the query's tests name ({@link #IN_REGION}): the ids
	 * of the filter's region and those under it, of the chain's products. Read only for a
	 * query that names them, so that a page whose start meets its filters reads nothing
	 * more.
	 */
	Map<String, Object> withLists(String query, Map<String, Object> params) {
		Map<String, Object> bound = new HashMap<>(params);
		if (query.contains("$regionIds")) {
			bound.put("regionIds", params.get("regionId") == null ? List.of() : ids("""
					MATCH (:Region {id: $id})<-[:PART_OF*0..5]-(r:Region) RETURN DISTINCT r.id AS id""",
					(String) params.get("regionId")));
		}
		if (query.contains("$chainProducts")) {
			bound.put("chainProducts", params.get("chainId") == null ? List.of() : ids("""
					MATCH (:Chain {id: $id})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
					RETURN DISTINCT p.id AS id""", (String) params.get("chainId")));
		}
		return bound;
	}

	private List<String> ids(String cypher, String id) {
		return List.copyOf(neo4j.query(cypher).bind(id).to("id").fetchAs(String.class).all());
	}

	private boolean exists(String cypher, String id) {
		return neo4j.query(cypher).bind(id).to("id").fetchAs(Boolean.class).one().orElse(false);
	}

	@SuppressWarnings("unchecked")
	private static final Class<Connection.Edge<Company>> EDGE = (Class<Connection.Edge<Company>>) (Class<?>) Connection.Edge.class;

	static String encode(Order order, String key, String id) {
		return Cursors.encode(LIST, order.name(), key, id);
	}

	/**
	 * The sort key and id a cursor holds; refused when it is not one of this list's, in
	 * this order.
	 */
	static String[] decode(String cursor, Order order) {
		List<String> parts = Cursors.decode(cursor, LIST, 3);
		if (!parts.get(0).equals(order.name())) {
			throw new BadArgument("after", "is a cursor of the order " + parts.get(0) + ", not of " + order.name()
					+ ": ask with the same orderBy");
		}
		if (order == Order.PRODUCT_COUNT && !parts.get(1).matches("\\d+")) {
			throw new BadArgument("after", "is not a cursor of this list: take endCursor or an edge's cursor as given");
		}
		if (order == Order.CAPACITY) {
			Cursors.number(parts.get(1));
		}
		return new String[] { parts.get(1), parts.get(2) };
	}

}
