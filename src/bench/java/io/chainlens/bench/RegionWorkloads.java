package io.chainlens.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's workloads (issue 16 item 7, bench/README.md "Regions, pages and paths"):
 * gaps of any region (cold and warm), a product's region ranking, a chain's region
 * matrix, filtered and deep pages of companies, and supply paths, each beside a
 * hand-written Cypher floor. The app and the floor run in separate processes on the same
 * store, so the app writes the core of its answer to the first parameter of each
 * workload into {@code checks/} beside the results, and the floor compares its own core
 * with it and stops the run when they differ: a floor that answers another question
 * measures nothing.
 */
final class RegionWorkloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The deepest page: the page after this many rows, or after half the rows when fewer. */
	static final int DEEP_OFFSET = 10_000;

	/** The page size of the company workloads. */
	static final int PAGE = 50;

	/**
	 * One request: the GraphQL variables and the floor's Cypher parameters (the same
	 * names where they can be).
	 */
	record Call(Map<String, Object> variables, Map<String, Object> params) {
	}

	/** How the app's core and the floor's must agree. */
	enum Compare {

		/** The same lines. */
		EQUAL,

		/** Every line of the app's core is one of the floor's (the floor lists more). */
		APP_WITHIN_FLOOR

	}

	/**
	 * A workload: {@code once} asks each measured call exactly once (after asking each
	 * of {@code warmUpCalls} once), otherwise the calls are asked in turn for the warm-up
	 * and the measured time as in {@link LoadDriver}. {@code checkCypher}: the floor query
	 * whose core is compared (null: {@code cypher}'s).
	 */
	record Bench(String key, String name, String graphQl, String cypher, List<Call> calls, List<Call> warmUpCalls,
			boolean once, Function<JsonNode, List<String>> appCore, String checkCypher,
			Function<List<Record>, List<String>> floorCore, Compare compare) {
	}

	private RegionWorkloads() {
	}

	/**
	 * The workloads; their names go into CSV lines and a Markdown table, so they hold
	 * neither commas nor bars.
	 */
	static List<Bench> benches(Path data, String only) throws IOException {
		Path folder = data.resolve("national");
		List<CSVRecord> generatedRegions = read(folder.resolve("regions.csv"));
		List<CSVRecord> seedRegions = read(Path.of("graph-seed", "common", "regions.csv"));
		List<CSVRecord> products = read(folder.resolve("products.csv"));
		Map<String, Bench> all = new LinkedHashMap<>();

		// Cold gaps: the cache (LocalGraphCache) keeps a region's whole graph, and beside
		// it the part of it each chain's gaps read, so a region is cold the first time
		// it is asked for a chain. Each measured region is asked once, for one chain, one
		// chain per region in turn: never asked before in any way. The warm-up asks every
		// fourth region, for every chain (each pair cold as well): the same code paths as
		// the measurement, enough of them for the JIT to finish compiling them (with one
		// chain per warm-up region, 58 requests, its compiler threads still took more CPU
		// than Neo4j's during the measurement, a JFR recording showed). The focus city is
		// left out: the other workloads have read it.
		List<String> regions = new ArrayList<>();
		for (CSVRecord r : generatedRegions) {
			regions.add(r.get("id"));
		}
		for (CSVRecord r : seedRegions) {
			String level = r.get("level");
			if ((level.equals("CITY") || level.equals("DISTRICT")) && !r.get("id").equals("baotou")) {
				regions.add(r.get("id"));
			}
		}
		regions.sort(null);
		List<Call> coldWarmUp = new ArrayList<>();
		List<Call> cold = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			if (i % 4 == 0) {
				for (String chain : LoadDriver.CHAINS) {
					Map<String, Object> v = Map.of("p", chain, "region", regions.get(i));
					coldWarmUp.add(new Call(v, v));
				}
			}
			else {
				Map<String, Object> v = Map.of("p", LoadDriver.CHAINS.get(i % LoadDriver.CHAINS.size()), "region",
						regions.get(i));
				cold.add(new Call(v, v));
			}
		}
		String gaps = """
				query ($p: ID, $region: String) { gaps(chainId: $p, region: $region) { product { id } segment { id }
				  kind severity localCapacity localDemand unit selfSufficiency companiesAffected explanation } }""";
		String gapsFloor = LoadDriver.Floors.GAPS.replace("{nameZh: $region}", "{id: $region}");
		String balanceCheck = LoadDriver.Floors.BALANCE.replace("{nameZh: $region}", "{id: $region}")
			.replace("RETURN p.id AS product", "RETURN EXISTS { ()-[:YIELDS]->(p) } AS coProduct, p.id AS product");
		all.put("regionGapsCold",
				new Bench("regionGapsCold", "gaps(region) cold: " + cold.size() + " regions asked once each",
						gaps, gapsFloor, cold, coldWarmUp, true, RegionWorkloads::gapsCore, balanceCheck,
						RegionWorkloads::balanceCore, Compare.APP_WITHIN_FLOOR));
		// Warm: the last eight regions the cold workload measured, well inside the 16
		// regions the cache keeps, asked again and again
		List<Call> warm = List.copyOf(cold.subList(Math.max(0, cold.size() - 8), cold.size()));
		all.put("regionGapsWarm", new Bench("regionGapsWarm", "gaps(region) warm: 8 regions asked again", gaps,
				gapsFloor, warm, warm, false, RegionWorkloads::gapsCore, balanceCheck, RegionWorkloads::balanceCore,
				Compare.APP_WITHIN_FLOOR));

		// A product's cities ranked by known capacity: seed products and every 20th
		// generated one
		List<Call> ranked = new ArrayList<>();
		List<String> productIds = new ArrayList<>(List.of("pv-polysilicon", "rare-earth-ndfeb-magnet", "wind-blade"));
		for (int i = 0; i < products.size(); i += Math.max(1, products.size() / 20)) {
			productIds.add(products.get(i).get("id"));
		}
		productIds.forEach(p -> ranked.add(new Call(Map.of("p", p), Map.of("p", p))));
		all.put("regionRanking", new Bench("regionRanking", "regionRanking(product) CITY top 20", """
				query ($p: ID!) { regionRanking(productId: $p, level: "CITY", first: 20) { rank region { id nameZh }
				  knownCapacity unit producers sites linesWithUnknownCapacity leaders { company { id nameZh } knownCapacity } } }""",
				Floors.RANKING, ranked, ranked, false, RegionWorkloads::rankingCore, null, RegionWorkloads::rankingRows,
				Compare.EQUAL));

		// The page's 地区对比 document (map/queries.js): 15 provinces, with each cell's
		// self-sufficiency and gap kinds
		List<Call> chains = LoadDriver.CHAINS.stream()
			.map(c -> new Call(Map.<String, Object>of("p", c), Map.<String, Object>of("p", c)))
			.toList();
		all.put("regionMatrix", new Bench("regionMatrix", "regionMatrix(chain) 15 provinces", """
				query ($p: ID!) { regionMatrix(chainId: $p, level: "PROVINCE", first: 15) { chainId regions { id nameZh }
				  products { id nameZh unit } cells { region { id } product { id } knownCapacity producers sites
				  linesWithUnknownCapacity selfSufficiency selfSufficiencyBound gaps } } }""", Floors.MATRIX, chains,
				chains, false, RegionWorkloads::matrixCore, null, RegionWorkloads::matrixRows, Compare.EQUAL));

		// A province (with its cities and districts) and a chain: the provinces holding
		// generated cities, each with a chain in turn
		Set<String> provinces = new TreeSet<>();
		generatedRegions.forEach(r -> provinces.add(r.get("parent_id")));
		List<Call> filtered = new ArrayList<>();
		int i = 0;
		for (String province : provinces) {
			String chain = LoadDriver.CHAINS.get(i++ % LoadDriver.CHAINS.size());
			filtered.add(new Call(Map.of("filter", Map.of("region", province, "chainId", chain)),
					Map.of("region", province, "chain", chain)));
		}
		String page = """
				query ($filter: CompanyFilter, $first: Int, $after: String) { companies(filter: $filter, orderBy: NAME,
				  first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
				  edges { cursor node { id nameZh name } } } }""";
		all.put("companiesPage", new Bench("companiesPage", "companies(region+chain) by name first 50",
				page.replace("$first: Int, ", "").replace("first: $first", "first: " + PAGE), Floors.PAGE, filtered,
				filtered, false, RegionWorkloads::pageCore, null, RegionWorkloads::pageRows, Compare.EQUAL));
		// The page after 10,000 rows (half the rows when fewer) of a chain's companies
		// across the country; the cursor is found once in set-up by following pages
		List<Call> deep = List.of("pv", "wind", "rare-earth")
			.stream()
			.map(c -> new Call(Map.<String, Object>of("filter", Map.of("chainId", c)),
					Map.<String, Object>of("chain", c)))
			.toList();
		all.put("companiesDeepPage",
				new Bench("companiesDeepPage", "companies(chain) by name 50 after row min(10000; rows/2)",
						page.replace("$first: Int, ", "").replace("first: $first", "first: " + PAGE), Floors.DEEP_PAGE,
						deep, deep, false, RegionWorkloads::pageCore, null, RegionWorkloads::pageRows, Compare.EQUAL));

		List<Call> paths = new ArrayList<>();
		for (String[] pair : pathPairs(folder)) {
			Map<String, Object> v = Map.of("from", pair[0], "to", pair[1], "region", "baotou");
			paths.add(new Call(v, v));
		}
		all.put("supplyPaths",
				new Bench("supplyPaths", "supplyPaths(from to maxHops 6 region)", """
						query ($from: ID!, $to: ID!, $region: String) { supplyPaths(from: $from, to: $to, maxHops: 6,
						  region: $region) { hops products { product { id nameZh } balance { localCapacity localDemand
						  selfSufficiency } gaps } steps { input { id } output { id } kind perUnit share } } }""",
						Floors.PATHS, paths, paths, false, RegionWorkloads::pathsCore, null, RegionWorkloads::pathRows,
						Compare.EQUAL));
		if (only != null) {
			all.keySet().retainAll(List.of(only.split(",")));
		}
		return List.copyOf(all.values());
	}

	/**
	 * Pairs of products three to six FEEDS (or YIELDS) steps apart at the shortest, over
	 * the seed's and the generated links: about twenty, spread over the candidates.
	 */
	static List<String[]> pathPairs(Path folder) throws IOException {
		Map<String, Set<String>> out = new TreeMap<>();
		List<Path> feeds = new ArrayList<>(List.of(folder.resolve("feeds.csv")));
		List<Path> yields = new ArrayList<>();
		try (var seed = Files.list(Path.of("graph-seed"))) {
			seed.sorted().forEach(chain -> {
				if (Files.exists(chain.resolve("feeds.csv"))) {
					feeds.add(chain.resolve("feeds.csv"));
				}
				if (Files.exists(chain.resolve("yields.csv"))) {
					yields.add(chain.resolve("yields.csv"));
				}
			});
		}
		for (Path file : feeds) {
			for (CSVRecord f : read(file)) {
				if (!f.isMapped("basis") || f.get("basis").isBlank() || f.get("basis").equals("FLOW")) {
					out.computeIfAbsent(f.get("input_id"), k -> new TreeSet<>()).add(f.get("output_id"));
				}
			}
		}
		for (Path file : yields) {
			for (CSVRecord y : read(file)) {
				out.computeIfAbsent(y.get("process_id"), k -> new TreeSet<>()).add(y.get("product_id"));
			}
		}
		List<String[]> candidates = new ArrayList<>();
		for (String from : out.keySet()) {
			Map<String, Integer> hops = new HashMap<>(Map.of(from, 0));
			Deque<String> queue = new ArrayDeque<>(List.of(from));
			while (!queue.isEmpty()) {
				String at = queue.poll();
				if (hops.get(at) == 6) {
					continue;
				}
				for (String next : out.getOrDefault(at, Set.of())) {
					if (hops.putIfAbsent(next, hops.get(at) + 1) == null) {
						queue.add(next);
					}
				}
			}
			new TreeMap<>(hops).forEach((to, h) -> {
				if (h >= 3) {
					candidates.add(new String[] { from, to });
				}
			});
		}
		int step = Math.max(1, candidates.size() / 20);
		return IntStream.iterate(0, k -> k < candidates.size(), k -> k + step).mapToObj(candidates::get).toList();
	}

	// --- the cores compared between the app and the floor ---------------------------------------

	private static String number(JsonNode n) {
		return (n == null || n.isNull()) ? "unknown" : number(n.asDouble());
	}

	private static String number(Value v) {
		return v.isNull() ? "unknown" : number(v.asDouble());
	}

	private static String number(double d) {
		return String.format(Locale.ROOT, "%.6g", d);
	}

	/**
	 * The app's gap products with their local demand and capacity (a co-product's
	 * capacity includes its process's share, which the floor leaves out).
	 */
	static List<String> gapsCore(JsonNode data) {
		Set<String> lines = new TreeSet<>();
		for (JsonNode gap : data.get("gaps")) {
			lines.add(gap.get("product").get("id").asString() + " demand " + number(gap.get("localDemand")));
			lines.add(gap.get("product").get("id").asString() + " capacity " + number(gap.get("localCapacity")));
		}
		return List.copyOf(lines);
	}

	/** The floor's balance of every product of the chain in the region, as {@link #gapsCore}. */
	static List<String> balanceCore(List<Record> rows) {
		List<String> lines = new ArrayList<>();
		for (Record r : rows) {
			String id = r.get("product").asString();
			lines.add(id + " demand " + number(r.get("localDemand")));
			// nothing made in the region is a known 0 in the app, an unknown (no row) here
			String capacity = r.get("siteCount").asInt() == 0 ? number(0) : number(r.get("localCapacity"));
			// a co-product's capacity in the app includes its process's share, which the
			// floor leaves out: any figure of the app is taken
			lines.add(id + " capacity " + (r.get("coProduct").asBoolean() ? ANY : capacity));
		}
		return lines;
	}

	static List<String> rankingCore(JsonNode data) {
		List<String> lines = new ArrayList<>();
		for (JsonNode r : data.get("regionRanking")) {
			List<String> leaders = new ArrayList<>();
			r.get("leaders").forEach(l -> leaders.add(l.get("company").get("id").asString() + "="
					+ number(l.get("knownCapacity"))));
			lines.add(r.get("rank").asInt() + " " + r.get("region").get("id").asString() + " capacity "
					+ number(r.get("knownCapacity")) + " producers " + r.get("producers").asInt() + " sites "
					+ r.get("sites").asInt() + " unknown " + r.get("linesWithUnknownCapacity").asInt() + " leaders "
					+ leaders);
		}
		return lines;
	}

	static List<String> rankingRows(List<Record> rows) {
		List<String> lines = new ArrayList<>();
		int rank = 0;
		for (Record r : rows) {
			lines.add(++rank + " " + r.get("region").asString() + " capacity " + number(r.get("capacity"))
					+ " producers " + r.get("producers").asInt() + " sites " + r.get("sites").asInt() + " unknown "
					+ r.get("unknown").asInt() + " leaders "
					+ r.get("leaders").asList(l -> l.get("id").asString() + "=" + number(l.get("capacity"))));
		}
		return lines;
	}

	static List<String> matrixCore(JsonNode data) {
		JsonNode m = data.get("regionMatrix");
		List<String> lines = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		m.get("regions").forEach(r -> regions.add(r.get("id").asString()));
		lines.add("regions " + regions);
		Set<String> cells = new TreeSet<>();
		for (JsonNode c : m.get("cells")) {
			cells.add(c.get("region").get("id").asString() + " " + c.get("product").get("id").asString()
					+ " capacity " + number(c.get("knownCapacity")) + " producers " + c.get("producers").asInt()
					+ " sites " + c.get("sites").asInt() + " unknown " + c.get("linesWithUnknownCapacity").asInt());
		}
		lines.addAll(cells);
		return lines;
	}

	static List<String> matrixRows(List<Record> rows) {
		List<String> lines = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		Set<String> cells = new TreeSet<>();
		for (Value region : rows.get(0).get("regions").values()) {
			String id = region.get("region").asString();
			regions.add(id);
			for (Value c : region.get("cells").values()) {
				cells.add(id + " " + c.get("product").asString() + " capacity " + number(c.get("capacity"))
						+ " producers " + c.get("producers").asInt() + " sites " + c.get("sites").asInt() + " unknown "
						+ c.get("unknown").asInt());
			}
		}
		lines.add("regions " + regions);
		lines.addAll(cells);
		return lines;
	}

	static List<String> pageCore(JsonNode data) {
		JsonNode c = data.get("companies");
		List<String> lines = new ArrayList<>(List.of("total " + c.get("totalCount").asInt()));
		c.get("edges")
			.forEach(e -> lines.add(e.get("node").get("id").asString() + " " + e.get("node").get("nameZh").asString()));
		return lines;
	}

	static List<String> pageRows(List<Record> rows) {
		List<String> lines = new ArrayList<>();
		for (Record r : rows) {
			lines.add("total " + r.get("total").asInt());
			r.get("page").asList(v -> v).forEach(v -> lines.add(v.get("id").asString() + " " + v.get("nameZh").asString()));
		}
		return lines;
	}

	/** The paths as their products' ids, in the order answered. */
	static List<String> pathsCore(JsonNode data) {
		List<String> lines = new ArrayList<>();
		for (JsonNode path : data.get("supplyPaths")) {
			List<String> ids = new ArrayList<>();
			path.get("products").forEach(p -> ids.add(p.get("product").get("id").asString()));
			lines.add(path.get("hops").asInt() + " " + String.join(" ", ids));
		}
		return lines;
	}

	static List<String> pathRows(List<Record> rows) {
		List<String> lines = new ArrayList<>();
		for (Record r : rows) {
			r.get("paths").asList(p -> p.asList(Value::asString)).forEach(ids -> lines.add((ids.size() - 1) + " "
					+ String.join(" ", ids)));
		}
		return lines;
	}

	// --- running ---------------------------------------------------------------------------------

	/** Through the app's GraphQL API; writes the core of the first call's answer to checks/. */
	static void runApp(List<Bench> benches, URI uri, String label, int warmUp, int duration, int concurrency, Path out)
			throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		Path checks = out.resolveSibling("checks");
		Files.createDirectories(checks);
		for (Bench b : benches) {
			List<Call> calls = b.calls();
			if (b.key().equals("companiesDeepPage")) {
				calls = calls.stream().map(c -> deepCursor(http, uri, b.graphQl(), c)).toList();
			}
			List<Call> measured = calls;
			Function<Call, String> request = c -> post(http, uri, b.graphQl(), c.variables()).error();
			if (!b.once()) {
				// the core of the first call, asked before the warm-up so that a cold answer
				// is checked too
				Answer first = post(http, uri, b.graphQl(), measured.get(0).variables());
				if (first.error() != null) {
					fail(b, "the app's answer to " + measured.get(0).variables() + ": " + first.error());
				}
				Files.write(checks.resolve(b.key() + ".txt"), b.appCore().apply(first.data()), StandardCharsets.UTF_8);
				timed(label, "app", b, warmUp, duration, concurrency, out, measured, request);
			}
			else {
				once(label, "app", b, concurrency, out, b.warmUpCalls(), measured, request);
				// asked again for the check: the cold answers are the same as the warm ones
				Answer first = post(http, uri, b.graphQl(), measured.get(0).variables());
				if (first.error() != null) {
					fail(b, "the app's answer to " + measured.get(0).variables() + ": " + first.error());
				}
				Files.write(checks.resolve(b.key() + ".txt"), b.appCore().apply(first.data()), StandardCharsets.UTF_8);
			}
		}
	}

	/** The same workloads as hand-written Cypher on the store, checked against the app's core. */
	static void runFloor(List<Bench> benches, Driver driver, String label, int warmUp, int duration, int concurrency,
			Path out) throws Exception {
		Path checks = out.resolveSibling("checks");
		for (Bench b : benches) {
			Call first = b.calls().get(0);
			Path appFile = checks.resolve(b.key() + ".txt");
			if (!Files.exists(appFile)) {
				fail(b, "no core of the app's answer in " + appFile + " (the app run writes it)");
			}
			List<String> app = Files.readAllLines(appFile, StandardCharsets.UTF_8);
			List<String> floor = b.floorCore()
				.apply(cypher(driver, b.checkCypher() == null ? b.cypher() : b.checkCypher(), first.params()));
			List<String> differences = compare(app, floor, b.compare());
			if (differences.isEmpty()) {
				System.err
					.println(b.key() + ": app and floor agree on " + first.params() + " (" + app.size() + " lines)");
			}
			else {
				// timed all the same, and said in the results: a difference of definition
				// at the edges (unknown figures) is no reason to lose the run's figures
				System.err.println(b.key() + ": app and floor DISAGREE on " + first.params() + " in "
						+ differences.size() + " lines, e.g. " + differences.get(0).strip());
				System.err.println("  " + String.join("\n  ", differences));
			}
			Function<Call, String> request = c -> {
				try {
					cypher(driver, b.cypher(), c.params());
					return null;
				}
				catch (RuntimeException ex) {
					return ex.toString();
				}
			};
			if (b.once()) {
				once(label, "floor", b, concurrency, out, b.warmUpCalls(), b.calls(), request);
			}
			else {
				timed(label, "floor", b, warmUp, duration, concurrency, out, b.calls(), request);
			}
		}
	}

	/** A floor line ending so takes any app line with the same beginning. */
	static final String ANY = "*";

	static List<String> compare(List<String> app, List<String> floor, Compare how) {
		List<String> differences = new ArrayList<>();
		Set<String> floorLines = new LinkedHashSet<>(floor);
		Set<String> appLines = new LinkedHashSet<>(app);
		List<String> prefixes = floor.stream()
			.filter(l -> l.endsWith(ANY))
			.map(l -> l.substring(0, l.length() - ANY.length()))
			.toList();
		app.stream()
			.filter(l -> !floorLines.contains(l) && prefixes.stream().noneMatch(l::startsWith))
			.forEach(l -> differences.add("app:   " + l));
		if (how == Compare.EQUAL) {
			floor.stream().filter(l -> !appLines.contains(l)).forEach(l -> differences.add("floor: " + l));
			if (differences.isEmpty() && !app.equals(floor)) {
				differences.add("the same lines in another order: app " + app + ", floor " + floor);
			}
		}
		if (app.isEmpty() && how == Compare.APP_WITHIN_FLOOR) {
			differences.add("the app answered nothing to compare");
		}
		return differences;
	}

	private static void fail(Bench b, String message) {
		String text = "CHECK FAILED " + b.key() + ": " + message;
		System.out.println(text);
		System.err.println(text);
		System.exit(3);
	}

	private static List<Record> cypher(Driver driver, String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params).list());
		}
	}

	record Answer(JsonNode data, String error) {
	}

	private static Answer post(HttpClient http, URI uri, String document, Map<String, Object> variables) {
		try {
			String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				return new Answer(null, response.statusCode() + " " + response.body());
			}
			return new Answer(JSON.readTree(response.body()).get("data"), null);
		}
		catch (IOException ex) {
			return new Answer(null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(null, ex.toString());
		}
	}

	/**
	 * The call with the cursor of row min(10000, rows/2), found by following the pages
	 * of the largest size the API allows (100).
	 */
	private static Call deepCursor(HttpClient http, URI uri, String document, Call call) {
		String paging = paging(document);
		Map<String, Object> v = new HashMap<>(call.variables());
		v.put("first", 1);
		Answer answer = post(http, uri, paging, v);
		if (answer.error() != null) {
			throw new IllegalStateException("the deep page's set-up: " + answer.error());
		}
		int total = answer.data().get("companies").get("totalCount").asInt();
		int offset = Math.min(DEEP_OFFSET, total / 2);
		String after = null;
		for (int read = 0; read < offset;) {
			v.put("first", Math.min(100, offset - read));
			v.put("after", after);
			answer = post(http, uri, paging, v);
			if (answer.error() != null) {
				throw new IllegalStateException("the deep page's set-up: " + answer.error());
			}
			JsonNode c = answer.data().get("companies");
			read += c.get("edges").size();
			after = c.get("pageInfo").get("endCursor").asString();
		}
		System.err.println("companiesDeepPage " + call.variables() + ": " + total + " rows, the page after row " + offset);
		Map<String, Object> variables = new HashMap<>(call.variables());
		variables.put("after", after);
		return new Call(variables, call.params());
	}

	/** The page document with the page size as a variable, for following the pages. */
	static String paging(String document) {
		return document.replace("first: " + PAGE, "first: $first")
			.replace("($filter: CompanyFilter, ", "($filter: CompanyFilter, $first: Int, ");
	}

	/** Asked in turn for the warm-up, then for the measured time (LoadDriver's loop). */
	private static void timed(String label, String path, Bench b, int warmUp, int duration, int concurrency, Path out,
			List<Call> calls, Function<Call, String> request) throws Exception {
		List<String> indices = IntStream.range(0, calls.size()).mapToObj(String::valueOf).toList();
		LoadDriver.Workload w = new LoadDriver.Workload(b.name(), indices, null, null, null);
		LoadDriver.run(label, path, w, warmUp, duration, concurrency, out,
				i -> request.apply(calls.get(Integer.parseInt(i))));
	}

	/**
	 * Each warm-up call once, unrecorded, then each measured call exactly once, on
	 * {@code concurrency} threads taking the next call not yet asked.
	 */
	private static void once(String label, String path, Bench b, int concurrency, Path out, List<Call> warmUp,
			List<Call> measured, Function<Call, String> request) throws Exception {
		onceEach(warmUp, concurrency, request, null, new AtomicLong());
		AtomicLong errors = new AtomicLong();
		List<long[]> perThread = new ArrayList<>();
		long started = System.nanoTime();
		onceEach(measured, concurrency, request, perThread, errors);
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		String line = String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%d,%d,%.2f,%.2f,%.1f%n", label, b.name(), path,
				concurrency, seconds, all.length, errors.get(), LoadDriver.percentile(all, 0.50),
				LoadDriver.percentile(all, 0.99), all.length / seconds);
		System.out.print(line);
		Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static void onceEach(List<Call> calls, int concurrency, Function<Call, String> request,
			List<long[]> latencies, AtomicLong errors) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			Thread thread = new Thread(() -> {
				List<Long> mine = new ArrayList<>();
				for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
					long t0 = System.nanoTime();
					String error = request.apply(calls.get(i));
					long nanos = System.nanoTime() - t0;
					if (error != null) {
						if (errors.incrementAndGet() <= 3) {
							System.err.println(calls.get(i).variables() + ": " + error.substring(0, Math.min(500, error.length())));
						}
					}
					else {
						mine.add(nanos);
					}
				}
				if (latencies != null) {
					synchronized (latencies) {
						latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
					}
				}
			}, "once-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private static List<CSVRecord> read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	/**
	 * The floors: the Cypher we would write by hand for each question, on the same store.
	 */
	static final class Floors {

		/**
		 * A product's cities by known operating capacity (unknown last), with producers,
		 * sites, lines of unknown capacity and the three largest producers.
		 */
		static final String RANKING = """
				MATCH (p:Product {id: $p})<-[m:MAKES {status: 'OPERATING'}]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: 'CITY'})
				MATCH (c:Company)-[:HAS_SITE]->(s)
				WITH g, c, count(DISTINCT s) AS sites, count(m.capacity) AS known, sum(m.capacity) AS capacity,
				     count(m) - count(m.capacity) AS unknown
				WITH g, c, sites, unknown, CASE WHEN known > 0 THEN capacity END AS capacity
				ORDER BY capacity IS NULL, capacity DESC, c.id
				WITH g, count(c) AS producers, sum(sites) AS sites, sum(unknown) AS unknown,
				     CASE WHEN count(capacity) > 0 THEN sum(capacity) END AS capacity,
				     collect({id: c.id, capacity: capacity})[..3] AS leaders
				RETURN g.id AS region, producers, sites, unknown, capacity, leaders
				ORDER BY capacity IS NULL, capacity DESC, producers DESC, region LIMIT 20
				""";

		/**
		 * A chain's cells per province (producers, sites, known operating capacity,
		 * unknown lines), the 15 provinces with most producers, and the demand of each
		 * (province, product): the province's operating capacity of what the product
		 * feeds × the factor. The demands come as a list beside the cells: matching each
		 * cell with its demand in Cypher (a list lookup per cell) cost ten times the rest.
		 */
		static final String MATRIX = """
				MATCH (:Chain {id: $p})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
				WITH collect(DISTINCT p) AS products
				UNWIND products AS p
				MATCH (p)<-[m:MAKES {status: 'OPERATING'}]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: 'PROVINCE'})
				MATCH (c:Company)-[:HAS_SITE]->(s)
				WITH products, g, p, count(DISTINCT c) AS producers, count(DISTINCT s) AS sites, count(m.capacity) AS known,
				     sum(m.capacity) AS capacity, count(m) - count(m.capacity) AS unknown
				WITH products, g, sum(producers) AS weight, collect({p: p, producers: producers, sites: sites,
				     unknown: unknown, capacity: CASE WHEN known > 0 THEN capacity END}) AS cells
				ORDER BY weight DESC, g.id LIMIT 15
				WITH products, collect({g: g, cells: cells}) AS kept
				CALL (products, kept) {
				  WITH products, [k IN kept | k.g] AS provinces
				  UNWIND products AS p
				  MATCH (p)-[f:FEEDS]->(o:Product) WHERE coalesce(f.basis, 'FLOW') = 'FLOW'
				  MATCH (o)<-[m:MAKES {status: 'OPERATING'}]-(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: 'PROVINCE'})
				  WHERE g IN provinces
				  WITH g, p, sum(f.perUnit * m.capacity) AS demand
				  RETURN collect({g: g, p: p, demand: demand}) AS demands
				}
				RETURN [k IN kept | {region: k.g.id, cells: [c IN k.cells | {product: c.p.id, producers: c.producers,
				         sites: c.sites, unknown: c.unknown, capacity: c.capacity}]}] AS regions,
				       [d IN demands | {region: d.g.id, product: d.p.id, demand: d.demand}] AS demands
				""";


		/**
		 * The companies with a site in the region (or under it) making a product of the
		 * chain. The chain's products are read first: with the chain inside the EXISTS,
		 * Neo4j at times planned it as a hash join rebuilt for every site (CompanyPages).
		 */
		static final String PAGE = """
				MATCH (:Chain {id: $chain})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
				WITH collect(p) AS products
				MATCH (:Region {id: $region})<-[:PART_OF*0..5]-(:Region)<-[:IN_REGION]-(s:Site)<-[:HAS_SITE]-(c:Company)
				WHERE EXISTS { (s)-[:MAKES]->(q) WHERE q IN products }
				WITH DISTINCT c ORDER BY c.nameZh, c.id
				WITH collect(c) AS rows
				RETURN size(rows) AS total, [x IN rows[..%d] | {id: x.id, nameZh: x.nameZh, name: x.name}] AS page
				""".formatted(RegionWorkloads.PAGE);

		/** The companies making a product of the chain, the page after row min(10000, rows/2). */
		static final String DEEP_PAGE = """
				MATCH (:Chain {id: $chain})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(:Product)<-[:MAKES]-(:Site)<-[:HAS_SITE]-(c:Company)
				WITH DISTINCT c ORDER BY c.nameZh, c.id
				WITH collect(c) AS rows
				WITH rows, CASE WHEN size(rows) / 2 < %1$d THEN size(rows) / 2 ELSE %1$d END AS skip
				RETURN size(rows) AS total, [x IN rows[skip..skip + %2$d] | {id: x.id, nameZh: x.nameZh, name: x.name}] AS page
				""".formatted(DEEP_OFFSET, RegionWorkloads.PAGE);

		/**
		 * The shortest ten paths of at most six FLOW FEEDS or YIELDS steps, no product twice,
		 * ordered by length then the products' ids; and each product's operating capacity
		 * and demand in the region.
		 */
		static final String PATHS = """
				MATCH path = (:Product {id: $from})-[:FEEDS|YIELDS*1..6]->(:Product {id: $to})
				WHERE all(r IN relationships(path) WHERE type(r) = 'YIELDS' OR coalesce(r.basis, 'FLOW') = 'FLOW')
				  AND all(i IN range(0, length(path) - 1) WHERE NOT nodes(path)[i] IN nodes(path)[i + 1..])
				WITH path, [n IN nodes(path) | n.id] AS ids
				ORDER BY length(path), reduce(s = '', x IN tail(ids) | s + ' ' + x)
				LIMIT 10
				WITH collect(ids) AS paths, collect(nodes(path)) AS nodeLists
				UNWIND nodeLists AS nodeList
				UNWIND nodeList AS n
				WITH paths, collect(DISTINCT n) AS products
				UNWIND products AS n
				CALL (n) {
				  OPTIONAL MATCH (:Region {id: $region})<-[:PART_OF*0..4]-(:Region)<-[:IN_REGION]-(:Site)-[m:MAKES {status: 'OPERATING'}]->(n)
				  WITH n, sum(m.capacity) AS capacity, count(m.capacity) AS known
				  OPTIONAL MATCH (n)-[f:FEEDS]->(:Product)<-[m:MAKES {status: 'OPERATING'}]-(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(:Region {id: $region})
				  WHERE coalesce(f.basis, 'FLOW') = 'FLOW'
				  RETURN CASE WHEN known > 0 THEN capacity END AS capacity, sum(f.perUnit * m.capacity) AS demand
				}
				RETURN paths, collect({id: n.id, capacity: capacity, demand: demand}) AS figures
				""";

		private Floors() {
		}

	}

}
