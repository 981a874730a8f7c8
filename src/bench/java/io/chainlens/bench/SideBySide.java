package io.chainlens.bench;

import java.io.IOException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chainlens and {@code @neo4j/graphql} side by side on one Neo4j server (bench/README.md,
 * "Side by side"): the same questions with the same parameters, each answer of both servers
 * and of the hand-written Cypher floor checked equal first, then each question timed on the
 * three paths in turn, round after round, at a fixed concurrency. Per path it writes p50,
 * p99, requests/s, the mean latency (Little's law: concurrency ≈ requests/s × mean) and the
 * CPU seconds per 1,000 requests of the serving process and of the Neo4j process, read from
 * /proc before and after.
 *
 * <pre>
 * SideBySide &lt;chainlens url&gt; &lt;peer url&gt; &lt;bolt uri&gt; &lt;generated dir&gt; &lt;warm-up s&gt; &lt;duration s&gt;
 *            &lt;concurrency&gt; &lt;rounds&gt; &lt;label&gt; &lt;out.csv&gt; &lt;chainlens pid&gt; &lt;peer pid&gt; &lt;neo4j pid&gt;
 * </pre>
 * The Neo4j password is read from NEO4J_PASSWORD.
 */
public final class SideBySide {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The name prefixes of the questions to ask (bench.only, comma-separated), or null for
	 * all; read before the load driver's workloads are built, which read bench.only as
	 * theirs.
	 */
	private static final String ONLY = System.clearProperty("bench.only");

	/** Ticks of /proc/<pid>/stat's utime and stime per second (USER_HZ, 100 on Linux). */
	private static final double TICKS = 100.0;

	/**
	 * A question: its parameters; per path what is sent for a parameter; and per path how
	 * the answer is reduced to a sorted list of lines, so that equal answers compare equal
	 * whatever the shape of each API. A server's request is a function of the parameter
	 * and of the server itself: a question it can answer only in two steps asks the first
	 * one there, inside the timed request. Where the peer cannot give chainlens's answer by
	 * its design, {@code peerDiffers} says why (bench/README.md), else it is null.
	 */
	record Question(String name, List<String> parameters,
			BiFunction<String, Function<Request, JsonNode>, Request> chainlens,
			BiFunction<String, Function<Request, JsonNode>, Request> peer, Function<String, Request> floor,
			Function<JsonNode, List<String>> chainlensLines, Function<JsonNode, List<String>> peerLines,
			Function<List<Record>, List<String>> floorLines, String peerDiffers) {

		Question(String name, List<String> parameters, BiFunction<String, Function<Request, JsonNode>, Request> chainlens,
				BiFunction<String, Function<Request, JsonNode>, Request> peer, Function<String, Request> floor,
				Function<JsonNode, List<String>> chainlensLines, Function<JsonNode, List<String>> peerLines,
				Function<List<Record>, List<String>> floorLines) {
			this(name, parameters, chainlens, peer, floor, chainlensLines, peerLines, floorLines, null);
		}

		/** The same question, of which the peer's answers differ by design for the reason given. */
		Question peerDiffers(String why) {
			return new Question(name, parameters, chainlens, peer, floor, chainlensLines, peerLines, floorLines, why);
		}

		/**
		 * A question of one parameter {@code $p}, the same document for each parameter; the
		 * peer is sent {@code peerParameter} of it.
		 */
		static Question of(String name, List<String> parameters, String chainlens, String peer, String cypher,
				Function<JsonNode, List<String>> chainlensLines, Function<JsonNode, List<String>> peerLines,
				Function<List<Record>, List<String>> floorLines, Function<String, String> peerParameter) {
			return new Question(name, parameters, (p, ask) -> new Request(chainlens, Map.of("p", p)),
					(p, ask) -> new Request(peer, Map.of("p", peerParameter.apply(p))),
					p -> new Request(cypher, Map.of("p", p)), chainlensLines, peerLines, floorLines);
		}

	}

	/** A GraphQL document and its variables, or a Cypher statement and its parameters. */
	record Request(String text, Map<String, Object> variables) {
	}

	/** What chainlens's search sends to the full-text index for a text: each word as a phrase. */
	static String lucenePhrase(String text) {
		return '"' + text.replace(" ", "\" \"") + '"';
	}

	private SideBySide() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 13) {
			System.err.println("usage: SideBySide <chainlens url> <peer url> <bolt uri> <generated dir> <warm-up s> "
					+ "<duration s> <concurrency> <rounds> <label> <out.csv> <chainlens pid> <peer pid> <neo4j pid>");
			System.exit(2);
		}
		URI chainlens = URI.create(args[0]);
		URI peer = URI.create(args[1]);
		int warmUp = Integer.parseInt(args[4]);
		int duration = Integer.parseInt(args[5]);
		int concurrency = Integer.parseInt(args[6]);
		int rounds = Integer.parseInt(args[7]);
		String label = args[8];
		Path out = Path.of(args[9]);
		Map<String, Long> pids = Map.of("chainlens", Long.parseLong(args[10]), "peer", Long.parseLong(args[11]),
				"floor", 0L);
		long neo4jPid = Long.parseLong(args[12]);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		try (Driver driver = GraphDatabase.driver(args[2], AuthTokens.basic("neo4j", System.getenv("NEO4J_PASSWORD")))) {
			Servers servers = new Servers(http, chainlens, peer, driver);
			List<Question> questions = new ArrayList<>(questions(Path.of(args[3]), label, servers));
			questions.removeIf(q -> !selected(q, ONLY));
			for (Question q : questions) {
				Map<String, Function<String, String>> paths = servers.requests(q);
				String checked = check(q.name(), q.parameters(), servers.answers(q)).summary()
						+ (q.peerDiffers() == null ? "" : "; the peer differs by design: " + q.peerDiffers());
				System.err.println(q.name() + ": " + checked);
				settle(driver, q.name() + " (the check)");
				for (var path : paths.entrySet()) {
					load(q, warmUp, concurrency, path.getValue(), null);
					settle(driver, q.name() + " " + path.getKey() + " (warm-up)");
				}
				for (int round = 1; round <= rounds; round++) {
					for (var path : paths.entrySet()) {
						long pid = pids.get(path.getKey());
						double cpu0 = cpu(pid);
						double neo0 = cpu(neo4jPid);
						AtomicLong errors = new AtomicLong();
						List<long[]> latencies = new ArrayList<>();
						long t0 = System.nanoTime();
						long n = load(q, duration, concurrency, path.getValue(), new LoadDriver.Recording(latencies, errors));
						double seconds = (System.nanoTime() - t0) / 1e9;
						double cpu = cpu(pid) - cpu0;
						double neo = cpu(neo4jPid) - neo0;
						int leftOver = settle(driver, q.name() + " " + path.getKey());
						long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
						double mean = Arrays.stream(all).average().orElse(Double.NaN) / 1e6;
						double rate = n / seconds;
						// the floor runs inside this process: its own CPU is the driver's, not a server's
						String line = String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.1f,%d,%d,%.2f,%.2f,%.1f,%.2f,%.2f,%s,%.3f,\"%s\"%n",
								label, q.name(), path.getKey(), round, concurrency, seconds, n, errors.get(),
								LoadDriver.percentile(all, 0.50), LoadDriver.percentile(all, 0.99), rate, mean, rate * mean / 1000.0,
								pid == 0 ? "" : String.format(Locale.ROOT, "%.3f", n == 0 ? Double.NaN : cpu * 1000 / n),
								n == 0 ? Double.NaN : neo * 1000 / n,
								(checked + (leftOver == 0 ? ""
										: "; " + leftOver + " queries left running in Neo4j by requests given up on were stopped after it"))
									.replace('"', '\''));
						System.out.print(line);
						Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
								StandardOpenOption.APPEND);
					}
				}
			}
		}
	}

	/**
	 * Stops the queries still running in Neo4j once a path's requests have all returned:
	 * those of requests the load generator gave up on (its timeout) or a server stopped
	 * waiting for. The peer does not cancel its query when its client goes, so without
	 * this its runaway queries would take the cores from the next path and question (they
	 * did: chainlens's region browse ran out of its time budget behind them).
	 * @return how many were stopped
	 */
	static int settle(Driver driver, String after) {
		try (Session session = driver.session()) {
			List<String> ids = session.run("""
					SHOW TRANSACTIONS YIELD transactionId, currentQuery
					WHERE currentQuery IS NOT NULL AND NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
					RETURN transactionId""").list(r -> r.get("transactionId").asString());
			if (!ids.isEmpty()) {
				session.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", ids)).consume();
				System.err.println("stopped " + ids.size() + " queries left running in Neo4j after " + after);
			}
			return ids.size();
		}
	}

	/**
	 * Where the questions are asked: chainlens and the peer over HTTP, the floor through
	 * the driver. The peer is null where it is not asked (SideBySideTest without Node.js):
	 * then only chainlens and the floor answer.
	 */
	record Servers(HttpClient http, URI chainlens, URI peer, Driver driver) {

		JsonNode askChainlens(Request request) {
			return data(post(http, chainlens, request));
		}

		JsonNode askPeer(Request request) {
			if (peer == null) {
				throw new IllegalStateException("the peer is not asked here");
			}
			return data(post(http, peer, request));
		}

		List<Record> askFloor(Request request) {
			return floor(driver, request);
		}

		/**
		 * Per path, chainlens's first, the lines of its answer to a parameter of the
		 * question: what {@link #check} compares before timing.
		 */
		Map<String, Function<String, List<String>>> answers(Question q) {
			Map<String, Function<String, List<String>>> answers = new LinkedHashMap<>();
			answers.put("chainlens", p -> q.chainlensLines().apply(askChainlens(q.chainlens().apply(p, this::askChainlens))));
			if (peer != null) {
				answers.put("peer", p -> q.peerLines().apply(askPeer(q.peer().apply(p, this::askPeer))));
			}
			answers.put("floor", p -> q.floorLines().apply(askFloor(q.floor().apply(p))));
			return answers;
		}

		/**
		 * Per path the timed request of a parameter: null when it was answered, else what
		 * came instead.
		 */
		Map<String, Function<String, String>> requests(Question q) {
			Map<String, Function<String, String>> requests = new LinkedHashMap<>();
			requests.put("chainlens", p -> failure(post(http, chainlens, q.chainlens().apply(p, this::askChainlens))));
			if (peer != null) {
				requests.put("peer", p -> failure(post(http, peer, q.peer().apply(p, this::askPeer))));
			}
			requests.put("floor", p -> askFloor(q.floor().apply(p)) == null ? "no answer" : null);
			return requests;
		}

	}

	/**
	 * The comparison of each path's answers to every parameter of a question.
	 *
	 * @param asked the parameters asked
	 * @param equal how many of them every path answered with the same lines
	 * @param lines how many lines the first path's answers had in all: equal answers of no lines
	 * check nothing
	 * @param noAnswer per path that could not answer a parameter (and was not asked the
	 * others), why
	 * @param differences per unequal parameter, each line one path has and another lacks
	 */
	record Check(String question, int asked, int equal, int lines, Map<String, String> noAnswer,
			List<String> differences) {

		boolean allEqual() {
			return asked > 0 && equal == asked;
		}

		/**
		 * One line for the results: the counts, why a path did not answer, and the first
		 * few lines that differ.
		 */
		String summary() {
			return equal + " of " + asked + " answers equal"
					+ (noAnswer.isEmpty() ? ""
							: " (not asked again after " + String.join("; ", noAnswer.entrySet()
								.stream()
								.map(e -> e.getKey() + "'s " + e.getValue())
								.toList()) + ")")
					+ (differences.isEmpty() ? ""
							: "; " + differences.size() + " lines differ, first "
									+ String.join(" | ", differences.subList(0, Math.min(3, differences.size()))));
		}

	}

	/**
	 * Asks every parameter of the question of each path and compares the lines of their
	 * answers. A question whose answers differ is still timed, and the results say so.
	 */
	static Check check(String question, List<String> parameters, Map<String, Function<String, List<String>>> answers) {
		int equal = 0;
		int lines = 0;
		List<String> differences = new ArrayList<>();
		// a path that could not answer is not asked the other parameters: a failure may take
		// its driver's whole retry time (30 s in the peer's) each time
		Map<String, String> noAnswer = new LinkedHashMap<>();
		for (String p : parameters) {
			Map<String, List<String>> answer = new LinkedHashMap<>();
			answers.forEach((path, ask) -> answer.put(path,
					noAnswer.containsKey(path) ? List.of(noAnswer.get(path)) : lines(() -> ask.apply(p))));
			answer.forEach((path, l) -> {
				if (l.size() == 1 && l.get(0).startsWith(NO_ANSWER)) {
					noAnswer.putIfAbsent(path, l.get(0));
				}
			});
			List<String> found = differences(answer);
			if (found.isEmpty()) {
				equal++;
			}
			found.forEach(d -> differences.add(p + ": " + d));
			lines += answer.values().iterator().next().size();
		}
		return new Check(question, parameters.size(), equal, lines, noAnswer, differences);
	}

	/**
	 * The lines each path's answer has and the first path's lacks, and the other way
	 * round, each named by the two paths ("floor, not chainlens: ..."); none when all are
	 * the same lines in the same order.
	 */
	static List<String> differences(Map<String, List<String>> answers) {
		List<String> differences = new ArrayList<>();
		Map.Entry<String, List<String>> first = answers.entrySet().iterator().next();
		for (var other : answers.entrySet()) {
			if (other.getKey().equals(first.getKey()) || other.getValue().equals(first.getValue())) {
				continue;
			}
			List<String> missing = new ArrayList<>(first.getValue());
			List<String> extra = new ArrayList<>();
			for (String line : other.getValue()) {
				if (!missing.remove(line)) {
					extra.add(line);
				}
			}
			missing.forEach(l -> differences.add(first.getKey() + ", not " + other.getKey() + ": " + l));
			extra.forEach(l -> differences.add(other.getKey() + ", not " + first.getKey() + ": " + l));
			if (missing.isEmpty() && extra.isEmpty()) {
				differences.add(other.getKey() + " and " + first.getKey() + ": the same lines in another order");
			}
		}
		return differences;
	}

	/**
	 * The lines of an answer, or one line saying why there is none: a path that cannot
	 * answer is counted unequal and named in the results, not the end of the run.
	 */
	private static final String NO_ANSWER = "no answer: ";

	private static List<String> lines(Supplier<List<String>> answer) {
		try {
			return answer.get();
		}
		catch (RuntimeException ex) {
			String message = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ");
			return List.of(NO_ANSWER + message.substring(0, Math.min(200, message.length())));
		}
	}

	static boolean selected(Question q, String only) {
		return only == null || Arrays.stream(only.split(",")).anyMatch(n -> q.name().startsWith(n.strip()));
	}

	private static List<Record> floor(Driver driver, Request cypher) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher.text(), cypher.variables()).list());
		}
	}

	private static String post(HttpClient http, URI uri, Request request) {
		String body = JSON.writeValueAsString(Map.of("query", request.text(), "variables", request.variables()));
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return "failed: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "failed: " + ex;
		}
	}

	private static String failure(String body) {
		return body.startsWith("{\"data\"") && !body.contains("\"errors\"") ? null : body;
	}

	private static JsonNode data(String body) {
		if (failure(body) != null) {
			throw new IllegalStateException("not an answer: " + body.substring(0, Math.min(500, body.length())));
		}
		return JSON.readTree(body).get("data");
	}

	private static long load(Question q, int seconds, int concurrency, Function<String, String> request,
			LoadDriver.Recording recording) throws InterruptedException {
		LoadDriver.Workload workload = new LoadDriver.Workload(q.name(), q.parameters(), null, null, null);
		return LoadDriver.load(workload, seconds, concurrency, new AtomicInteger(), p -> {
			try {
				return request.apply(p);
			}
			catch (RuntimeException ex) {
				return ex.toString();
			}
		}, null, recording);
	}

	/** CPU seconds (user + system) the process has used so far; 0 for no process. */
	static double cpu(long pid) throws IOException {
		if (pid == 0) {
			return 0;
		}
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		// the fields after the command name, which is in parentheses and may hold spaces
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
	}

	/**
	 * Every question of the harness: its own four and the explorer's; the servers answer
	 * the first requests of a question asked in two steps.
	 */
	static List<Question> questions(Path data, String label, Servers servers) throws IOException {
		List<Question> all = new ArrayList<>(questions(data));
		all.addAll(new ExplorerQuestions(data, label, servers::askChainlens, servers::askPeer, servers::askFloor)
			.questions());
		return all;
	}

	private static List<Question> questions(Path data) throws IOException {
		List<Question> all = new ArrayList<>();
		// the load driver's parameters of the same generated graph (bench/README.md)
		// (all of them: bench.only names this harness's questions, not the load driver's)
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (LoadDriver.Workload w : LoadDriver.workloads(data)) {
			parameters.put(w.name(), w.parameters());
		}
		all.add(Question.of("browse company>sites>products>chains", parameters.get("browse company>sites>products>chains"), """
				query ($p: ID!) { company(id: $p) { id nameZh sites { id
				  productions { capacity status product { id nameZh chains { id } } } } } }""", """
				query ($p: ID!) { companies(where: {id: {eq: $p}}) { id nameZh sites { id
				  makesConnection { edges { properties { capacity status } node { id nameZh chains { id } } } } } } }""",
				"""
						MATCH (c:Company {id: $p})
						RETURN c.id AS id, c.nameZh AS nameZh, COLLECT {
						  MATCH (c)-[:HAS_SITE]->(s:Site)
						  RETURN {id: s.id, productions: COLLECT {
						    MATCH (s)-[m:MAKES]->(q:Product)
						    RETURN {capacity: m.capacity, status: m.status, id: q.id, nameZh: q.nameZh, chains: COLLECT {
						      MATCH (q)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(ch:Chain) RETURN DISTINCT ch.id
						    }}
						  }}
						} AS sites""",
				d -> browseLines(d.get("company"), "productions", x -> x, x -> x.get("product")),
				d -> browseLines(d.get("companies").get(0), "makesConnection",
						x -> x.get("edges"), x -> x.get("node"), x -> x.get("properties")),
				rows -> {
					List<String> lines = new ArrayList<>();
					for (Record r : rows) {
						for (Value site : r.get("sites").values()) {
							lines.add("site " + site.get("id").asString());
							for (Value m : site.get("productions").values()) {
								lines.add(line(site.get("id").asString(), m.get("id").asString(), m.get("status").asString(),
										m.get("capacity").isNull() ? null : m.get("capacity").asDouble(),
										m.get("chains").asList(Value::asString)));
							}
						}
					}
					return sorted(lines);
				}, Function.identity()));
		all.add(Question.of("company search", parameters.get("searchCompanies"), """
				query ($p: String!) { searchCompanies(text: $p, first: 20) { id nameZh name aliases } }""", """
				query ($p: String!) { companySearch(phrase: $p, first: 20, sort: [{score: DESC}]) {
				  edges { node { id nameZh name aliases } } } }""", LoadDriver.Floors.SEARCH.replace("$region", "'包头市'"),
				d -> ids(d.get("searchCompanies"), x -> x),
				d -> ids(d.get("companySearch").get("edges"), x -> x.get("node")),
				rows -> sorted(rows.stream().map(r -> r.get("id").asString()).toList()), SideBySide::lucenePhrase)
			.peerDiffers("it ranks by the index's score alone, chainlens and the floor an exact name or alias and a "
					+ "name prefix first"));
		all.add(Question.of("a product's producers with their companies", parameters.get("candidates(product)"), """
				query ($p: ID!) { product(id: $p) { producers(first: 1000) { capacity status site { id }
				  company { id nameZh } } } }""", """
				query ($p: ID!) { products(where: {id: {eq: $p}}) { makersConnection { edges {
				  properties { capacity status } node { id company { id nameZh } } } } } }""", """
				MATCH (:Product {id: $p})<-[m:MAKES]-(s:Site)<-[:HAS_SITE]-(c:Company)
				RETURN s.id AS site, c.id AS company, c.nameZh AS nameZh, m.status AS status, m.capacity AS capacity""",
				d -> {
					List<String> lines = new ArrayList<>();
					for (JsonNode x : d.get("product").get("producers")) {
						lines.add(line(x.get("site").get("id").asString(), x.get("company").get("id").asString(),
								x.get("status").asString(), number(x.get("capacity")), List.of()));
					}
					return sorted(lines);
				}, d -> {
					List<String> lines = new ArrayList<>();
					for (JsonNode e : d.get("products").get(0).get("makersConnection").get("edges")) {
						lines.add(line(e.get("node").get("id").asString(),
								e.get("node").get("company").get(0).get("id").asString(),
								e.get("properties").get("status").asString(), number(e.get("properties").get("capacity")),
								List.of()));
					}
					return sorted(lines);
				}, rows -> sorted(rows.stream()
					.map(r -> line(r.get("site").asString(), r.get("company").asString(), r.get("status").asString(),
							r.get("capacity").isNull() ? null : r.get("capacity").asDouble(), List.of()))
					.toList()), Function.identity()));
		all.add(Question.of("a chain's products with producer counts", LoadDriver.CHAINS, """
				query ($p: ID!) { chain(id: $p) { segments { id products { id nameZh producerCount } } } }""", """
				query ($p: ID!) { chains(where: {id: {eq: $p}}) { segments { id products { id nameZh producerCount } } } }""",
				"""
						MATCH (:Chain {id: $p})-[:HAS_SEGMENT]->(s:Segment)
						RETURN s.id AS segment, COLLECT {
						  MATCH (s)-[:HAS_PRODUCT]->(q:Product) RETURN {id: q.id, nameZh: q.nameZh, producerCount: q.makers}
						} AS products""",
				d -> productCounts(d.get("chain").get("segments")),
				d -> productCounts(d.get("chains").get(0).get("segments")), rows -> {
					List<String> lines = new ArrayList<>();
					for (Record r : rows) {
						for (Value q : r.get("products").values()) {
							lines.add(r.get("segment").asString() + " " + q.get("id").asString() + " "
									+ (q.get("producerCount").isNull() ? 0 : q.get("producerCount").asInt()));
						}
					}
					return sorted(lines);
				}, Function.identity()));
		return all;
	}

	@SafeVarargs
	private static List<String> browseLines(JsonNode company, String productions, Function<JsonNode, JsonNode> list,
			Function<JsonNode, JsonNode> product, Function<JsonNode, JsonNode>... line) {
		List<String> lines = new ArrayList<>();
		for (JsonNode site : company.get("sites")) {
			String siteId = site.get("id").asString();
			lines.add("site " + siteId);
			for (JsonNode m : list.apply(site.get(productions))) {
				JsonNode p = product.apply(m);
				JsonNode figures = line.length == 0 ? m : line[0].apply(m);
				List<String> chains = new ArrayList<>();
				p.get("chains").forEach(c -> chains.add(c.get("id").asString()));
				lines.add(line(siteId, p.get("id").asString(), figures.get("status").asString(),
						number(figures.get("capacity")), chains));
			}
		}
		return sorted(lines);
	}

	private static List<String> ids(JsonNode list, Function<JsonNode, JsonNode> node) {
		List<String> ids = new ArrayList<>();
		list.forEach(x -> ids.add(node.apply(x).get("id").asString()));
		return sorted(ids);
	}

	private static List<String> productCounts(JsonNode segments) {
		List<String> lines = new ArrayList<>();
		for (JsonNode s : segments) {
			for (JsonNode q : s.get("products")) {
				lines.add(s.get("id").asString() + " " + q.get("id").asString() + " " + q.get("producerCount").asInt());
			}
		}
		return sorted(lines);
	}

	private static Double number(JsonNode value) {
		return value == null || value.isNull() ? null : value.asDouble();
	}

	private static String line(String a, String b, String status, Double capacity, List<String> chains) {
		return a + " " + b + " " + status + " " + capacity + " " + chains.stream().sorted().toList();
	}

	private static List<String> sorted(List<String> lines) {
		return lines.stream().sorted().toList();
	}

}
