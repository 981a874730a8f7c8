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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import io.chainlens.database.EmbeddedNeo4j;
import io.chainlens.database.Neo4jSettings;

/**
 * The load of the benchmark (bench/README.md): each workload alone, at a fixed
 * concurrency, first for a warm-up and then for the measured time; once through the app's
 * GraphQL API over HTTP ({@code app}) and once as hand-written Cypher through the Neo4j
 * driver on the same store ({@code floor}). Parameters come from the generated files, the
 * same list in both runs. Writes one CSV line per workload.
 *
 * <pre>
 * LoadDriver app   &lt;graphql url&gt;  &lt;generated dir&gt; &lt;warm-up s&gt; &lt;duration s&gt; &lt;concurrency&gt; &lt;label&gt; &lt;out.csv&gt;
 * LoadDriver floor &lt;store dir&gt;:&lt;page cache&gt; &lt;generated dir&gt; &lt;warm-up s&gt; &lt;duration s&gt; &lt;concurrency&gt; &lt;label&gt; &lt;out.csv&gt;
 * </pre>
 */
public final class LoadDriver {

	static final String REGION = "包头市";

	/**
	 * ANSWER: data without errors. REFUSAL: a BAD_REQUEST naming a
	 * {@code chainlens.graphql} limit. BOUNDED: either (a request the limits allow may
	 * still be stopped by the response cap or the time budget on a large graph).
	 */
	enum Expect {

		ANSWER, REFUSAL, BOUNDED

	}

	static final List<String> CHAINS = List.of("rare-earth", "pv", "wind", "storage-hydrogen", "metals", "ev-trucks",
			"carbon-fibre");

	/**
	 * A workload: its name and, per parameter, the GraphQL document and the floor's
	 * Cypher (null: the workload has no floor), what counts as success, and the login
	 * sent with it (an {@code Authorization} header's value; null: none).
	 */
	record Workload(String name, List<String> parameters, String graphQl, String variable, String cypher, Expect expect,
			String login, boolean writesFirst) {

		Workload(String name, List<String> parameters, String graphQl, String variable, String cypher, Expect expect,
				String login) {
			this(name, parameters, graphQl, variable, cypher, expect, login, false);
		}

		Workload(String name, List<String> parameters, String graphQl, String variable, String cypher) {
			this(name, parameters, graphQl, variable, cypher, Expect.ANSWER, null);
		}

		Workload(String name, List<String> parameters, String graphQl, String variable, String cypher, Expect expect) {
			this(name, parameters, graphQl, variable, cypher, expect, null);
		}

	}

	/**
	 * The demo login of the INVESTMENT role (application.yml), which reads every lead:
	 * the lead workloads need it.
	 */
	static final String INVESTMENT = "Basic " + java.util.Base64.getEncoder()
		.encodeToString("investment:investment-demo".getBytes(StandardCharsets.UTF_8));

	/** The demo chain lead of pv (application.yml), who writes the pv lines of the write workloads. */
	static final String LEAD_PV = "Basic "
			+ java.util.Base64.getEncoder().encodeToString("lead-pv:pv-demo".getBytes(StandardCharsets.UTF_8));

	private LoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 8) {
			System.err.println("usage: LoadDriver app|floor <url | store:pagecache> <generated dir> <warm-up s> "
					+ "<duration s> <concurrency> <label> <out.csv>");
			System.exit(2);
		}
		Path data = Path.of(args[2]);
		int warmUp = Integer.parseInt(args[3]);
		int duration = Integer.parseInt(args[4]);
		int concurrency = Integer.parseInt(args[5]);
		String label = args[6];
		Path out = Path.of(args[7]);
		List<Workload> workloads = workloads(data);
		if (args[0].equals("app")) {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			URI uri = URI.create(args[1]);
			for (Workload w : workloads) {
				run(label, "app", w, warmUp, duration, concurrency, out, p -> graphQl(http, uri, w, p),
						w.writesFirst() ? p -> written(http, uri, p) : null);
			}
			RegionWorkloads.runApp(RegionWorkloads.benches(data, System.getProperty("bench.only")), uri, label, warmUp,
					duration, concurrency, out);
		}
		else {
			String[] store = args[1].split(":", 2);
			try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new Neo4jSettings(true, Path.of(store[0]), 0, store[1]));
					Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
				for (Workload w : workloads) {
					if (w.cypher() != null) {
						run(label, "floor", w, warmUp, duration, concurrency, out, p -> cypher(driver, w, p));
					}
				}
				RegionWorkloads.runFloor(RegionWorkloads.benches(data, System.getProperty("bench.only")), driver, label,
						warmUp, duration, concurrency, out);
			}
		}
	}

	private static final Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Answers null when the request succeeded, else what went wrong. */
	private static String graphQl(HttpClient http, URI uri, Workload w, String parameter) {
		return post(http, uri, w, "{\"query\":" + json(w.graphQl()) + ",\"variables\":{\"" + w.variable() + "\":"
				+ json(parameter) + "}}");
	}

	private static String post(HttpClient http, URI uri, Workload w, String body) {
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (w.login() != null) {
				builder.header("Authorization", w.login());
			}
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			boolean refused = response.body().contains("\"BAD_REQUEST\"")
					&& response.body().contains("\"limit\":\"chainlens.graphql.");
			boolean answered = !response.body().contains("\"errors\"");
			if (w.expect() == Expect.BOUNDED && told.add(w.name())) {
				// which of the two it was, once per workload, for the results' analysis
				System.err.println(w.name() + ": " + (answered ? "answered, " + response.body().length() + " characters"
						: response.body().substring(0, Math.min(300, response.body().length()))));
			}
			boolean expected = switch (w.expect()) {
				case ANSWER -> answered;
				case REFUSAL -> refused;
				case BOUNDED -> answered || refused;
			};
			if (response.statusCode() != 200 || !expected) {
				return response.statusCode() + " " + response.body();
			}
			return null;
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex.toString();
		}
	}

	/**
	 * Sends the write of a write workload's parameter (its setCapacity body, a line, then
	 * the parameter of the timed request) and answers the timed request's parameter.
	 */
	private static String written(HttpClient http, URI uri, String parameter) {
		int line = parameter.lastIndexOf('\n');
		Workload write = new Workload("setCapacity before", List.of(), null, null, null, Expect.ANSWER, LEAD_PV);
		String error = post(http, uri, write, parameter.substring(0, line));
		if (error != null) {
			throw new IllegalStateException("the write before the request failed: " + error);
		}
		return parameter.substring(line + 1);
	}

	private static String cypher(Driver driver, Workload w, String parameter) {
		try (Session session = driver.session()) {
			session.executeRead(tx -> tx.run(w.cypher(), Map.of("p", parameter, "region", REGION)).list());
			return null;
		}
		catch (RuntimeException ex) {
			return ex.toString();
		}
	}

	static void run(String label, String path, Workload w, int warmUp, int duration, int concurrency, Path out,
			Function<String, String> request) throws Exception {
		run(label, path, w, warmUp, duration, concurrency, out, request, null);
	}

	/**
	 * @param before done before each timed request and not timed (a write workload's
	 * write); answers the request's parameter; null: none
	 */
	static void run(String label, String path, Workload w, int warmUp, int duration, int concurrency, Path out,
			Function<String, String> request, Function<String, String> before) throws Exception {
		AtomicInteger next = new AtomicInteger();
		load(w, warmUp, concurrency, next, request, before, null);
		AtomicLong errors = new AtomicLong();
		List<long[]> perThread = new ArrayList<>();
		long started = System.nanoTime();
		long requests = load(w, duration, concurrency, next, request, before, new Recording(perThread, errors));
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		String line = String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%d,%d,%.2f,%.2f,%.1f%n", label, w.name(), path,
				concurrency, seconds, requests, errors.get(), percentile(all, 0.50), percentile(all, 0.99),
				requests / seconds);
		System.out.print(line);
		Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	record Recording(List<long[]> latencies, AtomicLong errors) {
	}

	/** Runs the workload on {@code concurrency} threads until the time is up; returns requests done. */
	static long load(Workload w, int seconds, int concurrency, AtomicInteger next,
			Function<String, String> request, Function<String, String> before, Recording recording)
			throws InterruptedException {
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong done = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			Thread thread = new Thread(() -> {
				long[] latencies = new long[1024];
				int n = 0;
				while (System.nanoTime() < deadline) {
					String parameter = w.parameters().get(Math.floorMod(next.getAndIncrement(), w.parameters().size()));
					if (before != null) {
						parameter = before.apply(parameter);
					}
					long t0 = System.nanoTime();
					String error = request.apply(parameter);
					long nanos = System.nanoTime() - t0;
					if (recording == null) {
						continue;
					}
					if (error != null) {
						if (recording.errors().incrementAndGet() <= 3) {
							System.err.println(w.name() + " " + parameter + ": "
									+ error.substring(0, Math.min(500, error.length())));
						}
						continue;
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = nanos;
				}
				if (recording != null) {
					synchronized (recording.latencies()) {
						recording.latencies().add(Arrays.copyOf(latencies, n));
					}
					done.addAndGet(n);
				}
			}, "load-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return done.get();
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String json(String text) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				default -> b.append(c);
			}
		}
		return b.append('"').toString();
	}

	static List<Workload> workloads(Path data) throws IOException {
		Path folder = data.resolve("national");
		List<CSVRecord> companies = read(folder.resolve("companies.csv"));
		List<CSVRecord> sites = read(folder.resolve("sites.csv"));
		List<CSVRecord> products = read(folder.resolve("products.csv"));
		// companies with a site in the focus city: the ones whose loss has an impact there
		Set<String> local = new LinkedHashSet<>();
		for (CSVRecord site : sites) {
			String region = site.get("region_id");
			if ((region.equals("baotou") || region.startsWith("baotou-")) && local.size() < 100) {
				local.add(site.get("company_id"));
			}
		}
		List<String> productIds = new ArrayList<>(List.of("pv-polysilicon", "rare-earth-ndfeb-magnet", "wind-blade"));
		for (int i = 0; i < products.size(); i += Math.max(1, products.size() / 60)) {
			productIds.add(products.get(i).get("id"));
		}
		List<String> browse = new ArrayList<>();
		List<String> queries = new ArrayList<>();
		int step = Math.max(1, companies.size() / 200);
		for (int i = 0; i < companies.size(); i += step) {
			CSVRecord c = companies.get(i);
			browse.add(c.get("id"));
			String[] aliases = c.get("aliases").split("\\|");
			String nameZh = c.get("name_zh");
			queries.add(switch (queries.size() % 5) {
				case 0 -> aliases[0]; // brand and trade: 晟精稀土功能材料
				case 1 -> aliases[1]; // the brand in pinyin: Shengjing
				case 2 -> nameZh.substring(0, 4); // place and brand: 包头鑫华
				case 3 -> nameZh; // the full registered name
				default -> nameZh.substring(0, 2) + " " + aliases[0].substring(aliases[0].length() - 2); // 包头 稀土
			});
		}
		Map<String, Workload> all = new LinkedHashMap<>();
		all.put("gaps", new Workload("gaps(chain)", CHAINS, """
				query ($p: ID) { gaps(chainId: $p) { product { id } segment { id } kind severity localCapacity
				  localDemand unit selfSufficiency companiesAffected explanation } }""", "p", Floors.GAPS));
		all.put("balance", new Workload("balance(chain)", CHAINS, """
				query ($p: ID!) { balance(chainId: $p) { product { id } localCapacity localDemand selfSufficiency
				  producerCount unit siteCount } }""", "p", Floors.BALANCE));
		all.put("candidates", new Workload("candidates(product)", productIds, """
				query ($p: ID!) { candidates(productId: $p) { company { id nameZh } score capacity relatedness
				  reasons } }""", "p", Floors.CANDIDATES));
		all.put("impact", new Workload("impact(company)", List.copyOf(local), """
				query ($p: ID!) { impact(companyId: $p) { affectedProducts { product { id } localCapacity
				  localDemand } affectedCompanies { id } explanation } }""", "p", Floors.IMPACT));
		all.put("search", new Workload("searchCompanies", queries, """
				query ($p: String!) { searchCompanies(text: $p) { id nameZh name aliases local } }""", "p",
				Floors.SEARCH));
		all.put("browse", new Workload("browse company>sites>products>chains", browse, """
				query ($p: ID!) { company(id: $p) { id nameZh name sites { id name region district
				  productions { capacity unit status product { id nameZh chains { id nameZh } } } } } }""", "p",
				Floors.BROWSE));
		// issue 17 item 4: the first candidates request after a chain lead's capacity edit of a
		// local line (the figure moved by a few tonnes each time), for another product of the
		// list and for the product written, whose ranking the edit changed
		List<String> edits = localEdits(Path.of("graph-seed"));
		List<String> afterEdit = new ArrayList<>();
		List<String> ofEdited = new ArrayList<>();
		for (int i = 0; i < productIds.size(); i++) {
			String edit = edits.get(i % edits.size());
			afterEdit.add(edit + "\n" + productIds.get(i));
			ofEdited.add(edit + "\n" + edit.replaceAll("(?s).*\"productId\": \"([^\"]+)\".*", "$1"));
		}
		// the same edits seen from 青山区, a district of 包头市 that does not hold the edited
		// sites: there the editing company is a candidate for the product, so its ranking did
		// change and is computed afresh
		List<String> ofEditedElsewhere = new ArrayList<>();
		for (String edit : edits) {
			if (!edit.contains("\"region\": \"baotou-qingshan\"")) {
				ofEditedElsewhere.add(edit + "\n" + edit.replaceAll("(?s).*\"productId\": \"([^\"]+)\".*", "$1"));
			}
		}
		String candidates = """
				query ($p: ID!) { candidates(productId: $p) { company { id nameZh } score capacity relatedness
				  reasons } }""";
		all.put("candidatesAfterWrite", new Workload("candidates(product) first after a capacity edit", afterEdit,
				candidates, "p", null, Expect.ANSWER, null, true));
		all.put("candidatesOfWrittenAfterWrite", new Workload(
				"candidates(product) of the edited product first after the edit", ofEdited, candidates, "p", null,
				Expect.ANSWER, null, true));
		all.put("candidatesOfWrittenElsewhereAfterWrite", new Workload(
				"candidates(product) in 青山区 of the edited product first after an edit outside the district",
				ofEditedElsewhere, """
						query ($p: ID!) { candidates(productId: $p, region: "baotou-qingshan") { company { id nameZh }
						  score capacity relatedness reasons } }""", "p", null, Expect.ANSWER, null, true));
		// the 招商 leads (issue 15 item 9), written by SeedLeads before the app starts
		// (bench/run); reading them needs a login: the INVESTMENT role's
		all.put("leads", new Workload("leads(chain) first 100", CHAINS, """
				query ($c: ID) { leads(chainId: $c, first: 100) { totalCount edges { node { id title stage investment
				  company { id nameZh } products { product { id } capacity } owner { nameZh } nextStep nextStepDue
				  overdue } } } }""", "c", null, Expect.ANSWER, INVESTMENT));
		all.put("gapsWithLeads", new Workload("gaps(chain) first 50 with pipeline", CHAINS, """
				query ($c: ID) { gaps(chainId: $c, first: 50) { kind severity product { id } pipeline { addedCapacity
				  closedShare leads { stage capacity lead { id } } } } }""", "c", null, Expect.ANSWER, INVESTMENT));
		all.put("pipelineTargets", new Workload("targets with pipelineProgress", List.of("-"), """
				{ targets { id pipelineProgress { count share } } }""", "p", null, Expect.ANSWER, INVESTMENT));
		// the limits (docs/security.md): the most expensive request they allow, as
		// QueryCostTest constructs it from the schema, and the attack, refused
		all.put("expensive", new Workload("most expensive allowed request", List.of("-"),
				Files.readString(Path.of("bench", "most-expensive.graphql")), "p", null, Expect.BOUNDED));
		all.put("refused", new Workload("refused request (30 aliases of a depth-10 list nesting)", List.of("-"),
				Files.readString(Path.of("src/test/resources/graphql-test/thirtyAliasAttack.graphql")), "p", null,
				Expect.REFUSAL));
		String only = System.getProperty("bench.only");
		if (only != null) {
			all.keySet().retainAll(List.of(only.split(",")));
		}
		return List.copyOf(all.values());
	}

	/**
	 * setCapacity bodies for the seed's pv lines of known capacity at sites in the focus
	 * city, each figure moved by 1 to 9 tonnes (or the product's unit) from the seed's, in
	 * turn: the edits a chain lead makes.
	 */
	static List<String> localEdits(Path seed) throws IOException {
		Map<String, CSVRecord> sites = new LinkedHashMap<>();
		for (CSVRecord site : read(seed.resolve("pv/sites.csv"))) {
			sites.put(site.get("id"), site);
		}
		List<String> edits = new ArrayList<>();
		int step = 0;
		for (CSVRecord line : read(seed.resolve("pv/capacities.csv"))) {
			CSVRecord site = sites.get(line.get("site_id"));
			if (site == null || line.get("capacity").isBlank() || !site.get("region_id").startsWith("baotou")) {
				continue;
			}
			double figure = Double.parseDouble(line.get("capacity")) + 1 + step++ % 9;
			edits.add("""
					{"query": "mutation ($c: CapacityInput!) { setCapacity(input: $c) { capacity } }", \
					"variables": {"c": {"companyId": "%s", "productId": "%s", "region": "%s", "siteId": "%s", \
					"capacity": %s, "unit": "%s", "status": "%s", "source": "estimate: bench/run, a chain lead's edit"}}}"""
				.formatted(site.get("company_id"), line.get("product_id"), site.get("region_id"), site.get("id"),
						String.format(Locale.ROOT, "%.1f", figure), line.get("unit"), line.get("status"))
				.replace("\n", " "));
		}
		return edits;
	}

	private static List<CSVRecord> read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	/**
	 * The floor: the shortest Cypher we could write that returns what the GraphQL request
	 * returns (bench/README.md says where it computes less).
	 */
	static final class Floors {

		/** The focus region's sites, walking down from the region. */
		static final String LOCAL_SITES = "(:Region {nameZh: $region})<-[:PART_OF*0..4]-(:Region)<-[:IN_REGION]-";

		// Cypher's sum() of no known figure is 0: counted first, so that operating lines
		// of unknown capacity stay unknown (null) and no operating line is a known 0, as
		// the app answers them
		static final String BALANCE = """
				MATCH %1$s(s:Site)-[m:MAKES]->(q:Product)
				WITH q, CASE WHEN count(CASE m.status WHEN 'OPERATING' THEN m.capacity END) > 0
				               THEN sum(CASE m.status WHEN 'OPERATING' THEN m.capacity END)
				             WHEN count(CASE m.status WHEN 'OPERATING' THEN m END) = 0 THEN 0.0 END AS capacity,
				     count(DISTINCT s) AS sites
				WITH collect({q: q, capacity: capacity, sites: sites}) AS local
				MATCH (:Chain {id: $p})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
				WITH DISTINCT local, p
				WITH p, head([x IN local WHERE x.q = p]) AS here,
				     [(p)-[f:FEEDS]->(o) WHERE coalesce(f.basis, 'FLOW') = 'FLOW'
				        | {perUnit: f.perUnit, consumer: head([y IN local WHERE y.q = o])}] AS feeds
				// the known part of the demand, as the app answers it: unknown (never 0) when
				// there are local consumers but none of known capacity and factor
				WITH p, here, [x IN feeds WHERE x.consumer IS NOT NULL] AS consumers
				WITH p, here, consumers,
				     [x IN consumers WHERE x.perUnit IS NOT NULL AND x.consumer.capacity IS NOT NULL] AS known
				WITH p, here, CASE WHEN size(consumers) > 0 AND size(known) = 0 THEN null
				                   ELSE reduce(d = 0.0, x IN known | d + x.perUnit * x.consumer.capacity) END AS demand
				RETURN p.id AS product, p.unit AS unit, here.capacity AS localCapacity, demand AS localDemand,
				       coalesce(here.sites, 0) AS siteCount,
				       CASE WHEN demand > 0 THEN coalesce(here.capacity, 0.0) / demand END AS selfSufficiency
				""".formatted(LOCAL_SITES);

		static final String GAPS = BALANCE.replace("RETURN p.id AS product",
				"WHERE here IS NULL OR coalesce(here.capacity, 0.0) < demand\nRETURN p.id AS product");

		static final String CANDIDATES = """
				MATCH (p:Product {id: $p})<-[m:MAKES]-(:Site)<-[:HAS_SITE]-(c:Company)
				WITH p, c, sum(m.capacity) AS capacity
				WHERE NOT EXISTS { MATCH (c)-[:HAS_SITE]->(s:Site)-[:MAKES]->(p) WHERE EXISTS { MATCH %1$s(s) } }
				RETURN c.id AS id, c.nameZh AS nameZh, capacity,
				       COUNT { MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p RETURN DISTINCT q } AS others
				ORDER BY capacity DESC, id LIMIT 10
				""".formatted(LOCAL_SITES);

		static final String IMPACT = """
				MATCH (c:Company {id: $p})-[:HAS_SITE]->(s:Site)-[m:MAKES]->(q:Product)
				WHERE EXISTS { MATCH %1$s(s) }
				OPTIONAL MATCH (q)-[f:FEEDS]->(o:Product)<-[m2:MAKES]-(s2:Site)<-[:HAS_SITE]-(d:Company)
				WHERE d <> c AND EXISTS { MATCH %1$s(s2) }
				RETURN q.id AS product, m.capacity AS capacity, m.status AS status,
				       collect(DISTINCT {company: d.id, product: o.id, capacity: m2.capacity}) AS affected
				""".formatted(LOCAL_SITES);

		static final String SEARCH = """
				CALL db.index.fulltext.queryNodes('company_names', '"' + replace($p, ' ', '" "') + '"', {limit: 100})
				YIELD node, score
				WITH node, score + CASE WHEN node.nameZh = $p OR toLower(node.name) = toLower($p)
				                        OR any(a IN node.aliases WHERE toLower(a) = toLower($p)) THEN 100 ELSE 0 END
				     + CASE WHEN node.nameZh STARTS WITH $p OR toLower(node.name) STARTS WITH toLower($p) THEN 10 ELSE 0 END AS rank
				ORDER BY rank DESC, node.id LIMIT 20
				RETURN node.id AS id, node.nameZh AS nameZh, node.name AS name, node.aliases AS aliases,
				       EXISTS { MATCH %1$s(:Site)<-[:HAS_SITE]-(node) } AS local
				""".formatted(LOCAL_SITES);

		static final String BROWSE = """
				MATCH (c:Company {id: $p})
				RETURN c.id AS id, c.nameZh AS nameZh, c.name AS name, COLLECT {
				  MATCH (c)-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(r:Region)
				  OPTIONAL MATCH (r)-[:PART_OF]->(city:Region)
				  RETURN {id: s.id, name: s.nameZh, region: CASE r.level WHEN 'DISTRICT' THEN city.nameZh ELSE r.nameZh END,
				          district: CASE r.level WHEN 'DISTRICT' THEN r.nameZh END, productions: COLLECT {
				    MATCH (s)-[m:MAKES]->(p:Product)
				    RETURN {capacity: m.capacity, unit: m.unit, status: m.status, id: p.id, nameZh: p.nameZh, chains: COLLECT {
				      MATCH (p)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(ch:Chain) RETURN DISTINCT {id: ch.id, nameZh: ch.nameZh}
				    }}
				  }}
				} AS sites
				""";

		private Floors() {
		}

	}

}
