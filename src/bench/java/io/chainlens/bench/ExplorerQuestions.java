package io.chainlens.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;

import io.chainlens.bench.SideBySide.Question;
import io.chainlens.bench.SideBySide.Request;

/**
 * The explorer's questions of issue 16 (item 8) for bench/peer: a filtered page of
 * companies, the page after a cursor deep in the list, counts of companies grouped by
 * status and chain, and a region's browse (its regions, each with its companies page and
 * their sites), each asked of chainlens, of {@code @neo4j/graphql} and of hand Cypher with
 * the same parameters. bench/README.md ("Side by side") says how each is put to the peer.
 *
 * <p>
 * A site lies in a region when its own region is that one or under it. The peer has no
 * variable-length path in a {@code where}, so it walks up {@code Region.parent} at most
 * three times, OR-ed: the region tree has four levels (COUNTRY, PROVINCE, CITY, DISTRICT),
 * so that is every region under another, as chainlens's {@code PART_OF*0..5} finds them.
 */
final class ExplorerQuestions {

	/** The page size of the company lists. */
	private static final int PAGE = 50;

	/** The companies page of each region in the browse. */
	private static final int BROWSE_PAGE = 20;

	/** The statuses of a capacity line: the peer is asked one count per status. */
	private static final List<String> STATUSES = List.of("OPERATING", "UNDER_CONSTRUCTION", "PLANNED");

	/** chainlens's and the floor's order of companies; the peer sorts the same way. */
	private static final String PEER_ORDER = "sort: [{nameZh: ASC}, {id: ASC}]";

	private static final String PAGE_FIELDS = "totalCount pageInfo { hasNextPage } edges { node { id nameZh } }";

	private final List<String> regions;

	private final int deepRow;

	private final Function<Request, JsonNode> chainlens;

	private final Function<Request, JsonNode> peer;

	private final Function<Request, List<Record>> floor;

	/**
	 * @param data the generated graph's folder (its regions give the parameters)
	 * @param label the size: the deep cursor is after row 10,000 at LARGE, 1,000 else
	 * @param chainlens asks chainlens (the answer's data), for the cursors
	 * @param peer asks the peer (the answer's data), for the cursors
	 * @param floor runs Cypher, for the cursors
	 */
	ExplorerQuestions(Path data, String label, Function<Request, JsonNode> chainlens, Function<Request, JsonNode> peer,
			Function<Request, List<Record>> floor) throws IOException {
		// the provinces that have generated cities, in the file's order, and the focus city
		// (the one region with districts)
		Set<String> parents = new LinkedHashSet<>();
		try (Reader reader = Files.newBufferedReader(data.resolve("national/regions.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				parents.add(r.get("parent_id"));
			}
		}
		List<String> all = new ArrayList<>(parents.stream().limit(8).toList());
		all.add("baotou");
		this.regions = List.copyOf(all);
		this.deepRow = label.equals("LARGE") ? 10_000 : 1_000;
		this.chainlens = chainlens;
		this.peer = peer;
		this.floor = floor;
	}

	List<Question> questions() {
		List<Question> all = new ArrayList<>();
		all.add(companiesFiltered());
		all.addAll(companiesAfter());
		all.add(companiesAggregate());
		all.add(regionBrowse());
		return all;
	}

	/**
	 * The peer's filter of a region {@code region} (a RegionWhere) that is the region
	 * named by the variable or one under it.
	 */
	static String regionOrBelow(String variable) {
		String eq = "{id: {eq: $" + variable + "}}";
		List<String> levels = new ArrayList<>();
		String up = eq;
		for (int i = 0; i <= 3; i++) {
			levels.add(up);
			up = "{parent: {some: " + up + "}}";
		}
		return "{OR: [" + String.join(", ", levels) + "]}";
	}

	/** A page of 50 companies with a site in a region making a product of a chain. */
	private Question companiesFiltered() {
		List<String> parameters = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			parameters.add(regions.get(i) + " " + LoadDriver.CHAINS.get(i % LoadDriver.CHAINS.size()));
		}
		String chainlensDocument = """
				query ($region: ID!, $chain: ID!) {
				  companies(filter: {region: $region, chainId: $chain}, orderBy: NAME, first: %d) { %s } }"""
			.formatted(PAGE, PAGE_FIELDS);
		String peerDocument = """
				query ($region: ID!, $chain: ID!) {
				  companiesConnection(first: %d, %s, where: {sites: {some: {AND: [
				    {region: {some: %s}},
				    {makes: {some: {segments: {some: {chain: {some: {id: {eq: $chain}}}}}}}}]}}}) { %s } }"""
			.formatted(PAGE, PEER_ORDER, regionOrBelow("region"), PAGE_FIELDS);
		String cypher = """
				MATCH (:Chain {id: $chain})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
				WITH collect(p) AS products
				MATCH (:Region {id: $region})<-[:PART_OF*0..3]-(:Region)<-[:IN_REGION]-(s:Site)<-[:HAS_SITE]-(c:Company)
				WHERE EXISTS { (s)-[:MAKES]->(q) WHERE q IN products }
				WITH DISTINCT c ORDER BY c.nameZh, c.id
				WITH collect(c {.id, .nameZh}) AS matched
				RETURN size(matched) AS total, matched[0..$first] AS page, size(matched) > $first AS next""";
		Function<String, Map<String, Object>> variables = p -> {
			String[] regionAndChain = p.split(" ");
			return Map.of("region", regionAndChain[0], "chain", regionAndChain[1]);
		};
		return new Question("companiesFiltered", parameters,
				(p, ask) -> new Request(chainlensDocument, variables.apply(p)),
				(p, ask) -> new Request(peerDocument, variables.apply(p)), p -> {
					Map<String, Object> withFirst = new LinkedHashMap<>(variables.apply(p));
					withFirst.put("first", PAGE);
					return new Request(cypher, withFirst);
				},
				d -> pageLines(d.get("companies")), d -> pageLines(d.get("companiesConnection")),
				rows -> floorPageLines(rows.get(0)));
	}

	/**
	 * The page of 50 after row 1,000 (10,000 at LARGE) of all companies by name, and after
	 * the nine rows 50 further each: chainlens with its keyset cursor, the floor from the
	 * last row's name and id, the peer either with its connection's cursor (an offset: it
	 * sorts every company and skips the rows before) or, in companiesAfterOffset, with its
	 * list's offset and limit (one more row than the page, to know whether more follow) and
	 * its count. Each path's cursors are read once, before the first request.
	 */
	private List<Question> companiesAfter() {
		List<String> parameters = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			parameters.add(Integer.toString(deepRow + i * PAGE));
		}
		int last = deepRow + 9 * PAGE;
		Supplier<Map<String, String>> chainlensCursors = once(() -> chainlensCursors(parameters, last));
		Supplier<Map<String, String>> peerCursors = once(() -> peerCursors(parameters));
		Supplier<Map<String, Map<String, Object>>> floorPositions = once(() -> floorPositions(parameters));
		String chainlensDocument = """
				query ($after: String!) { companies(orderBy: NAME, first: %d, after: $after) { %s } }"""
			.formatted(PAGE, PAGE_FIELDS);
		String peerDocument = """
				query ($after: String!) { companiesConnection(first: %d, after: $after, %s) { %s } }""".formatted(PAGE,
				PEER_ORDER, PAGE_FIELDS);
		String peerOffsetDocument = """
				query ($offset: Int!) { companies(offset: $offset, limit: %d, %s) { id nameZh }
				  companiesConnection { aggregate { count { nodes } } } }""".formatted(PAGE + 1, PEER_ORDER);
		// the shortest Cypher for it: the keyset seek chainlens makes, without a cursor to read
		String cypher = """
				MATCH (c:Company) WHERE c.nameZh > $key OR (c.nameZh = $key AND c.id > $id)
				WITH c ORDER BY c.nameZh, c.id LIMIT $first + 1
				WITH collect(c {.id, .nameZh}) AS rows
				RETURN COUNT { MATCH (:Company) } AS total, rows[0..$first] AS page, size(rows) > $first AS next""";
		BiFunction<String, Function<Request, JsonNode>, Request> chainlensRequest = (p, ask) -> new Request(
				chainlensDocument, Map.of("after", chainlensCursors.get().get(p)));
		Function<String, Request> floorRequest = p -> new Request(cypher, floorPositions.get().get(p));
		return List.of(
				new Question("companiesAfter", parameters, chainlensRequest,
						(p, ask) -> new Request(peerDocument, Map.of("after", peerCursors.get().get(p))), floorRequest,
						d -> pageLines(d.get("companies")), d -> pageLines(d.get("companiesConnection")),
						rows -> floorPageLines(rows.get(0)))
					.peerDiffers("its connection cursor is an offset: past row 700 or so at SMALL its sort of every "
							+ "company passes Neo4j's transaction memory limit (no answer)"),
				new Question("companiesAfterOffset", parameters, chainlensRequest,
						(p, ask) -> new Request(peerOffsetDocument, Map.of("offset", Integer.parseInt(p))), floorRequest,
						d -> pageLines(d.get("companies")), ExplorerQuestions::offsetPageLines,
						rows -> floorPageLines(rows.get(0))));
	}

	/** The peer's offset page (one row more than asked) and count, as {@link #pageLines} makes a page's lines. */
	private static List<String> offsetPageLines(JsonNode data) {
		List<String> lines = new ArrayList<>();
		JsonNode rows = data.get("companies");
		lines.add("total " + data.get("companiesConnection").get("aggregate").get("count").get("nodes").asInt() + " next "
				+ (rows.size() > PAGE));
		for (int i = 0; i < Math.min(PAGE, rows.size()); i++) {
			lines.add(row(i) + " " + rows.get(i).get("id").asString() + " " + rows.get(i).get("nameZh").asString());
		}
		return sorted(lines);
	}

	/** chainlens's cursor of each row named by a parameter, in pages of 1,000. */
	private Map<String, String> chainlensCursors(List<String> rows, int last) {
		List<String> cursors = new ArrayList<>();
		String after = null;
		while (cursors.size() < last) {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("after", after);
			JsonNode page = chainlens.apply(new Request("""
					query ($after: String) { companies(orderBy: NAME, first: 1000, after: $after) {
					  pageInfo { hasNextPage endCursor } edges { cursor } } }""", variables)).get("companies");
			page.get("edges").forEach(e -> cursors.add(e.get("cursor").asString()));
			if (!page.get("pageInfo").get("hasNextPage").asBoolean()) {
				break;
			}
			after = page.get("pageInfo").get("endCursor").asString();
		}
		return cursorOf(rows, cursors);
	}

	/**
	 * The peer's cursor of each row named by a parameter. Its cursors are offsets
	 * ("arrayconnection:" and the row's index, in base64), and it cannot page that far to
	 * read them (bench/README.md): the first page's cursor is checked to be of that form,
	 * and the others are written in it.
	 */
	private Map<String, String> peerCursors(List<String> rows) {
		String first = peer
			.apply(new Request("{ companiesConnection(first: 1, %s) { edges { cursor } } }".formatted(PEER_ORDER),
					Map.of()))
			.get("companiesConnection")
			.get("edges")
			.get(0)
			.get("cursor")
			.asString();
		if (!new String(Base64.getDecoder().decode(first), StandardCharsets.UTF_8).equals("arrayconnection:0")) {
			throw new IllegalStateException("the peer's cursors are not offsets any more: " + first);
		}
		Map<String, String> byRow = new LinkedHashMap<>();
		for (String row : rows) {
			byRow.put(row, Base64.getEncoder()
				.encodeToString(("arrayconnection:" + (Integer.parseInt(row) - 1)).getBytes(StandardCharsets.UTF_8)));
		}
		return byRow;
	}

	private static Map<String, String> cursorOf(List<String> rows, List<String> cursors) {
		Map<String, String> byRow = new LinkedHashMap<>();
		for (String row : rows) {
			int n = Integer.parseInt(row);
			if (n > cursors.size()) {
				throw new IllegalStateException("the list has " + cursors.size() + " rows, not " + n);
			}
			byRow.put(row, cursors.get(n - 1));
		}
		return byRow;
	}

	/** The name and id of each row named by a parameter: where the floor seeks from. */
	private Map<String, Map<String, Object>> floorPositions(List<String> rows) {
		Map<String, Map<String, Object>> byRow = new LinkedHashMap<>();
		for (String row : rows) {
			Record r = floor.apply(new Request("""
					MATCH (c:Company) RETURN c.nameZh AS key, c.id AS id ORDER BY c.nameZh, c.id SKIP $skip LIMIT 1""",
					Map.of("skip", Integer.parseInt(row) - 1)))
				.get(0);
			byRow.put(row, Map.of("key", r.get("key").asString(), "id", r.get("id").asString(), "first", PAGE));
		}
		return byRow;
	}

	/**
	 * How many companies of a region have a capacity line of each status, and of a product
	 * of each chain, there. chainlens answers with two groupings of companyAggregate; the
	 * peer has no grouping, so it is asked one count per status and per chain (aliases of
	 * one request, each its own Cypher query), and a group of no company is left out of its
	 * answer as chainlens leaves it out.
	 */
	private Question companiesAggregate() {
		String chainlensDocument = """
				query ($region: ID!) {
				  byStatus: companyAggregate(filter: {region: $region}, groupBy: STATUS) { key companies }
				  byChain: companyAggregate(filter: {region: $region}, groupBy: CHAIN) { key companies } }""";
		StringBuilder peerDocument = new StringBuilder("query ($region: ID!) {\n");
		for (String status : STATUSES) {
			peerDocument.append("""
					  status_%s: companiesConnection(where: {sites: {some: {AND: [{region: {some: %s}},
					    {makesConnection: {some: {edge: {status: {eq: "%s"}}}}}]}}}) { aggregate { count { nodes } } }
					""".formatted(status, regionOrBelow("region"), status));
		}
		for (String chain : LoadDriver.CHAINS) {
			peerDocument.append("""
					  chain_%s: companiesConnection(where: {sites: {some: {AND: [{region: {some: %s}},
					    {makes: {some: {segments: {some: {chain: {some: {id: {eq: "%s"}}}}}}}}]}}}) { aggregate { count { nodes } } }
					""".formatted(alias(chain), regionOrBelow("region"), chain));
		}
		peerDocument.append("}");
		String cypher = """
				MATCH (:Region {id: $region})<-[:PART_OF*0..3]-(:Region)<-[:IN_REGION]-(s:Site)<-[:HAS_SITE]-(c:Company)
				MATCH (s)-[m:MAKES]->(p:Product)
				UNWIND ['status ' + m.status] + [(p)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(g:Chain) | 'chain ' + g.id] AS key
				RETURN key, count(DISTINCT c) AS companies""";
		return new Question("companiesAggregate", regions,
				(p, ask) -> new Request(chainlensDocument, Map.of("region", p)),
				(p, ask) -> new Request(peerDocument.toString(), Map.of("region", p)),
				p -> new Request(cypher, Map.of("region", p)), d -> {
					List<String> lines = new ArrayList<>();
					d.get("byStatus").forEach(g -> lines.add("status " + g.get("key").asString() + " " + g.get("companies").asInt()));
					d.get("byChain").forEach(g -> lines.add("chain " + g.get("key").asString() + " " + g.get("companies").asInt()));
					return sorted(lines);
				}, d -> {
					List<String> lines = new ArrayList<>();
					for (String status : STATUSES) {
						addCount(lines, "status " + status, d.get("status_" + status));
					}
					for (String chain : LoadDriver.CHAINS) {
						addCount(lines, "chain " + chain, d.get("chain_" + alias(chain)));
					}
					return sorted(lines);
				}, rows -> sorted(
						rows.stream().map(r -> r.get("key").asString() + " " + r.get("companies").asInt()).toList()));
	}

	private static void addCount(List<String> lines, String group, JsonNode connection) {
		int n = connection.get("aggregate").get("count").get("nodes").asInt();
		if (n > 0) {
			lines.add(group + " " + n);
		}
	}

	/**
	 * The explorer's browse of a region: the regions directly under it, each with its first
	 * 20 companies by name (with the count of all) and their sites. Both servers are asked
	 * in two requests, both timed: the regions under it, then one companies page per region
	 * (aliases of one request). chainlens's one request, {@code regions(parent) {
	 * companiesConnection { edges { node { sites } } } }}, is refused by its cost limit (an
	 * unpaged Query.regions counts at its bound of 3,000 regions; docs/security.md), so it
	 * is asked for each region's page with Query.companies(filter: {region}), the list and
	 * order of Region.companiesConnection; the peer has no paged list of a region's
	 * companies under its regions (a @cypher list field takes no first or sort), so it is
	 * asked one companies connection per region, filtered as in companiesFiltered.
	 */
	private Question regionBrowse() {
		String cypher = """
				MATCH (:Region {id: $p})<-[:PART_OF]-(r:Region)
				CALL (r) {
				  MATCH (r)<-[:PART_OF*0..3]-(:Region)<-[:IN_REGION]-(:Site)<-[:HAS_SITE]-(c:Company)
				  WITH DISTINCT c ORDER BY c.nameZh, c.id
				  WITH collect(c) AS matched
				  RETURN size(matched) AS total, size(matched) > $first AS next,
				         [x IN matched[0..$first] | x {.id, .nameZh, sites: [(x)-[:HAS_SITE]->(s:Site) | s.id]}] AS page
				}
				RETURN r.id AS region, total, next, page""";
		String fields = "totalCount pageInfo { hasNextPage } edges { node { id nameZh sites { id } } }";
		return new Question("regionBrowse", regions,
				(p, ask) -> pagesOf(ask.apply(new Request("query ($p: ID!) { regions(parent: $p) { id } }", Map.of("p", p)))
					.get("regions"), i -> "companies(filter: {region: $r%d}, orderBy: NAME, first: %d) { %s }".formatted(i,
							BROWSE_PAGE, fields)),
				(p, ask) -> pagesOf(ask
					.apply(new Request("query ($p: ID!) { regions(where: {parent: {some: {id: {eq: $p}}}}) { id } }",
							Map.of("p", p)))
					.get("regions"),
						i -> "companiesConnection(first: %d, %s, where: {sites: {some: {region: {some: %s}}}}) { %s }"
							.formatted(BROWSE_PAGE, PEER_ORDER, regionOrBelow("r" + i), fields)),
				p -> new Request(cypher, Map.of("p", p, "first", BROWSE_PAGE)), ExplorerQuestions::browseLines,
				ExplorerQuestions::browseLines, rows -> {
					List<String> lines = new ArrayList<>();
					for (Record r : rows) {
						String region = r.get("region").asString();
						lines.add(region + " total " + r.get("total").asInt() + " next " + r.get("next").asBoolean());
						List<Value> page = r.get("page").asList(v -> v);
						for (int i = 0; i < page.size(); i++) {
							Value c = page.get(i);
							String at = region + " " + row(i) + " " + c.get("id").asString();
							lines.add(at + " " + c.get("nameZh").asString());
							for (Value s : c.get("sites").values()) {
								lines.add(at + " site " + s.asString());
							}
						}
					}
					return sorted(lines);
				});
	}

	/**
	 * The second request of the browse: one page per region under the browsed one, each
	 * aliased with the region's id and asked with the field {@code page} makes for the
	 * variable {@code $r<i>}.
	 */
	private static Request pagesOf(JsonNode regions, IntFunction<String> page) {
		StringBuilder declared = new StringBuilder();
		StringBuilder fields = new StringBuilder();
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < regions.size(); i++) {
			String id = regions.get(i).get("id").asString();
			declared.append(i == 0 ? "" : ", ").append("$r").append(i).append(": ID!");
			fields.append("  ").append(alias(id)).append(": ").append(page.apply(i)).append('\n');
			variables.put("r" + i, id);
		}
		// a region with none under it: a request that asks nothing of the graph
		return regions.isEmpty() ? new Request("{ __typename }", Map.of())
				: new Request("query (" + declared + ") {\n" + fields + "}", variables);
	}

	/** The lines of the browse's second answer: per region (its alias), its page. */
	private static List<String> browseLines(JsonNode data) {
		List<String> lines = new ArrayList<>();
		data.properties().forEach(e -> {
			if (!e.getKey().equals("__typename")) {
				lines.addAll(browseLines(regionOf(e.getKey()), e.getValue()));
			}
		});
		return sorted(lines);
	}

	private static List<String> browseLines(String region, JsonNode connection) {
		List<String> lines = new ArrayList<>();
		lines.add(region + " total " + connection.get("totalCount").asInt() + " next "
				+ connection.get("pageInfo").get("hasNextPage").asBoolean());
		JsonNode edges = connection.get("edges");
		for (int i = 0; i < edges.size(); i++) {
			JsonNode c = edges.get(i).get("node");
			String at = region + " " + row(i) + " " + c.get("id").asString();
			lines.add(at + " " + c.get("nameZh").asString());
			c.get("sites").forEach(s -> lines.add(at + " site " + s.get("id").asString()));
		}
		return lines;
	}

	/** A page's lines: its total, whether more follow, and each row in its place. */
	private static List<String> pageLines(JsonNode connection) {
		List<String> lines = new ArrayList<>();
		lines.add("total " + connection.get("totalCount").asInt() + " next "
				+ connection.get("pageInfo").get("hasNextPage").asBoolean());
		JsonNode edges = connection.get("edges");
		for (int i = 0; i < edges.size(); i++) {
			JsonNode c = edges.get(i).get("node");
			lines.add(row(i) + " " + c.get("id").asString() + " " + c.get("nameZh").asString());
		}
		return sorted(lines);
	}

	private static List<String> floorPageLines(Record r) {
		List<String> lines = new ArrayList<>();
		lines.add("total " + r.get("total").asInt() + " next " + r.get("next").asBoolean());
		List<Value> page = r.get("page").asList(v -> v);
		for (int i = 0; i < page.size(); i++) {
			lines.add(row(i) + " " + page.get(i).get("id").asString() + " " + page.get(i).get("nameZh").asString());
		}
		return sorted(lines);
	}

	/** A row's place, so that sorted lines keep the order of the page. */
	private static String row(int i) {
		return String.format(Locale.ROOT, "%04d", i);
	}

	/** A GraphQL alias for an id (ids hold '-', aliases may not): its UTF-8 bytes in hex. */
	static String alias(String id) {
		return "x" + HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
	}

	private static String regionOf(String alias) {
		return new String(HexFormat.of().parseHex(alias.substring(1)), StandardCharsets.UTF_8);
	}

	private static List<String> sorted(List<String> lines) {
		return lines.stream().sorted().toList();
	}

	/** A value computed at its first use, then kept: the cursors of a question not asked are never read. */
	private static <T> Supplier<T> once(Supplier<T> compute) {
		return new Supplier<>() {

			private T value;

			@Override
			public synchronized T get() {
				if (value == null) {
					value = compute.get();
				}
				return value;
			}

		};
	}

}
