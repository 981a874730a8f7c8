package io.chainlens.company;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.FocusRegion;
import io.chainlens.chain.Region;
import io.chainlens.web.BadArgument;
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

	/** Site {@code s} lies in the filter's region, when there is one. */
	private static final String IN_REGION = "($regionId IS NULL OR EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: $regionId}) })";

	/** The statuses a capacity line may have. */
	static final Set<String> STATUSES = Set.of("OPERATING", "UNDER_CONSTRUCTION", "PLANNED");

	/**
	 * The known capacity of the product over the company's lines (of the status, when
	 * given; in the filter's region, when given); null when none is known: an unknown is
	 * never 0.
	 */
	private static final String CAPACITY = """
			COLLECT { MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(:Product {id: $productId})
			          WHERE ($status IS NULL OR m.status = $status) AND m.capacity IS NOT NULL
			            AND ($regionId IS NULL
			                 OR EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: $regionId}) })
			          RETURN CASE WHEN count(m) = 0 THEN null ELSE sum(m.capacity) END }[0]""";

	/** The filters; null means no filter. */
	record Filter(String region, String chainId, String productId, Boolean local, String text, String status,
			Double minCapacity) {
	}

	record Edge(String cursor, Company node) {
	}

	record PageInfo(boolean hasNextPage, String endCursor) {
	}

	record Connection(List<Edge> edges, PageInfo pageInfo, int totalCount) {
	}

	private static final String PREFIX = "c1";

	private final Neo4jClient neo4j;

	private final FocusRegion focus;

	CompanyPages(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.focus = focus;
	}

	private static final Filter NO_FILTER = new Filter(null, null, null, null, null, null, null);

	/** The companies {@code c} the filter keeps. */
	private static final String MATCHING = """
			MATCH (c:Company)
			WHERE ($regionId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..5]->(:Region {id: $regionId}) })
			  AND ($chainId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId})
			                                    WHERE %1$s })
			  AND ($productId IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(:Product {id: $productId})
			                                      WHERE %1$s })
			  AND ($status IS NULL OR EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p:Product)
			                                   WHERE m.status = $status AND ($productId IS NULL OR p.id = $productId)
			                                     AND %1$s })
			  AND ($minCapacity IS NULL OR %2$s >= $minCapacity)
			  AND ($local IS NULL OR %3$s = $local)
			  AND ($text IS NULL OR toLower(c.nameZh) CONTAINS $text OR toLower(coalesce(c.name, '')) CONTAINS $text
			       OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) CONTAINS $text))
			"""
		.formatted(IN_REGION, CAPACITY, CompanyQueries.LOCAL);

	/** The filter checked and as query parameters; refused with the argument named. */
	private Map<String, Object> params(Filter f) {
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
		return List.copyOf(neo4j
			.query(MATCHING
					+ """
							MATCH (c)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p:Product)
							WHERE %s AND ($productId IS NULL OR p.id = $productId) AND ($status IS NULL OR m.status = $status)
							  AND ($chainId IS NULL OR EXISTS { (p)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) })
							%s
							WITH key, name, count(DISTINCT c) AS companies, count(DISTINCT s) AS sites, count(m) AS lines,
							     count(m) - count(m.capacity) AS unknown, sum(m.capacity) AS capacity, count(m.capacity) AS known,
							     collect(DISTINCT p.unit) AS units
							RETURN key, name, companies, sites, lines, unknown,
							       CASE WHEN $oneProduct AND known > 0 THEN capacity END AS capacity,
							       CASE WHEN $oneProduct THEN units[0] END AS unit
							ORDER BY companies DESC, lines DESC, key LIMIT $first"""
						.formatted(IN_REGION, GROUP_KEY.get(groupBy)))
			.bindAll(params)
			.bind(oneProduct)
			.to("oneProduct")
			.fetchAs(Group.class)
			.mappedBy((t, r) -> new Group(r.get("key").asString(), r.get("name").asString(null),
					r.get("companies").asInt(), r.get("sites").asInt(), r.get("lines").asInt(),
					r.get("unknown").asInt(), r.get("capacity").isNull() ? null : r.get("capacity").asDouble(),
					r.get("unit").asString(null)))
			.all());
	}

	Connection page(Filter filter, Order order, int first, String after) {
		Filter f = (filter == null) ? NO_FILTER : filter;
		if (order == Order.CAPACITY && f.productId() == null) {
			throw new BadArgument("orderBy", "CAPACITY needs filter.productId: a capacity is of one product");
		}
		Map<String, Object> params = params(f);
		String[] position = (after == null) ? null : decode(after, order);
		params.put("afterKey", position == null ? null : position[0]);
		params.put("afterId", position == null ? null : position[1]);
		params.put("first", first);
		String key = switch (order) {
			case NAME -> "c.nameZh";
			case PRODUCT_COUNT -> "COUNT { MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) RETURN DISTINCT q }";
			// an unknown capacity sorts after every known one, 0 included
			case CAPACITY -> "coalesce(" + CAPACITY + ", -1.0)";
		};
		String after0 = switch (order) {
			case NAME -> "($afterId IS NULL OR key > $afterKey OR (key = $afterKey AND c.id > $afterId))";
			case PRODUCT_COUNT ->
				"($afterId IS NULL OR key < toInteger($afterKey) OR (key = toInteger($afterKey) AND c.id > $afterId))";
			case CAPACITY ->
				"($afterId IS NULL OR key < toFloat($afterKey) OR (key = toFloat($afterKey) AND c.id > $afterId))";
		};
		String sort = (order == Order.NAME) ? "key, c.id" : "key DESC, c.id";
		int total = neo4j.query(MATCHING + "RETURN count(c) AS n")
			.bindAll(params)
			.fetchAs(Integer.class)
			.mappedBy((t, r) -> r.get("n").asInt())
			.one()
			.orElse(0);
		List<Edge> edges = new ArrayList<>(
				neo4j.query(MATCHING + """
						WITH c, %s AS key
						WHERE %s
						RETURN c, key ORDER BY %s LIMIT $first + 1""".formatted(key, after0, sort))
					.bindAll(params)
					.fetchAs(Edge.class)
					.mappedBy((t,
							r) -> new Edge(encode(order, String.valueOf(r.get("key").asObject()),
									r.get("c").get("id").asString()), Company.of(r.get("c"))))
					.all());
		boolean more = edges.size() > first;
		List<Edge> page = more ? List.copyOf(edges.subList(0, first)) : List.copyOf(edges);
		return new Connection(page, new PageInfo(more, page.isEmpty() ? null : page.get(page.size() - 1).cursor()),
				total);
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

	private boolean exists(String cypher, String id) {
		return neo4j.query(cypher).bind(id).to("id").fetchAs(Boolean.class).one().orElse(false);
	}

	static String encode(Order order, String key, String id) {
		String raw = PREFIX + "\n" + order.name() + "\n" + key + "\n" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The sort key and id a cursor holds; refused when it is not one of this list's, in
	 * this order.
	 */
	static String[] decode(String cursor, Order order) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new BadArgument("after", "is not a cursor of this list: take endCursor or an edge's cursor as given");
		}
		String[] parts = raw.split("\n", -1);
		if (parts.length != 4 || !parts[0].equals(PREFIX)) {
			throw new BadArgument("after", "is not a cursor of this list: take endCursor or an edge's cursor as given");
		}
		if (!parts[1].equals(order.name())) {
			throw new BadArgument("after", "is a cursor of the order " + parts[1] + ", not of " + order.name()
					+ ": ask with the same orderBy");
		}
		if ((order == Order.PRODUCT_COUNT && !parts[2].matches("\\d+"))
				|| (order == Order.CAPACITY && !parts[2].matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?"))) {
			throw new BadArgument("after", "is not a cursor of this list: take endCursor or an edge's cursor as given");
		}
		return new String[] { parts[2], parts[3] };
	}

}
