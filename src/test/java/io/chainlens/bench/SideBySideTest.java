package io.chainlens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.chainlens.ChainlensApplication;
import io.chainlens.bench.SideBySide.Check;
import io.chainlens.bench.SideBySide.Question;
import io.chainlens.bench.SideBySide.Servers;
import io.chainlens.database.EmbeddedNeo4j;
import io.chainlens.generate.GraphSize;
import io.chainlens.generate.NationalGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The side-by-side harness's check of answers (bench/peer, issue 17 item 5) in CI, on a
 * generated graph a third of SMALL: chainlens, the hand-written Cypher floor and, where
 * Node.js can run it, {@code @neo4j/graphql} answer every question of the harness with
 * the same lines, compared by the harness's own {@link SideBySide#check}. chainlens runs
 * in this JVM on an embedded Neo4j, which serves the floor and the peer over Bolt as the
 * harness's server does; the graph is imported as bench/peer imports it (the bulk import
 * command). To keep CI short each question is asked about {@value #PARAMETERS} of its
 * parameters, spread over its list (the harness asks all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideBySideTest {

	private static final String PRODUCERS = "a product's producers with their companies";

	/**
	 * A third of SMALL (GraphSize.SMALL), with enough companies for the explorer's page
	 * after row 1,000 and the nine after it.
	 */
	private static final GraphSize SIZE = new GraphSize(10, 1_700, 3_400, 100, 10_000);

	private static final int PARAMETERS = 25;

	/** A check running longer prints the stacks of Neo4j's and chainlens's threads. */
	private static final int SLOW_SECONDS = 8;

	@TempDir
	static Path dir;

	private Path generated;

	private ConfigurableApplicationContext app;

	private HttpClient http;

	private URI chainlens;

	private Driver driver;

	@BeforeAll
	void importTheSmallGraphAndStartChainlens() throws IOException {
		generated = dir.resolve("generated");
		NationalGraph.write(generated, SIZE, 42, "classpath:graph-seed");
		Path report = dir.resolve("import-report.csv");
		// as bench/peer runs chainlens: producers are asked whole of every path. The time
		// budget is chainlens's own (20 s): in the full suite's JVM a region's page of a
		// chain's companies took 15 to 100 s now and then (stacksIfSlow showed Neo4j
		// hash-joining the chain's test for every company, a plan CompanyPages no longer
		// leaves it), and a page that slow is a defect this check must fail on
		app = new SpringApplicationBuilder(ChainlensApplication.class).web(WebApplicationType.SERVLET)
			.run("--chainlens.neo4j.data-dir=" + dir.resolve("store"), "--chainlens.neo4j.bolt-port=0",
					"--chainlens.neo4j.page-cache=64m", "--chainlens.warm-up=false", "--server.port=0",
					"--chainlens.graphql.max-page-size=1000", "--chainlens.import.dir=" + generated,
					"--chainlens.import.report=" + report);
		assertThat(Files.readString(report)).startsWith("# WRITTEN");
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		chainlens = URI.create("http://127.0.0.1:" + port + "/graphql");
		driver = app.getBean(Driver.class);
	}

	@AfterAll
	void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void chainlensAndTheFloorAnswerEveryQuestionOfTheHarnessAlike() throws IOException {
		Servers servers = new Servers(http, chainlens, null, driver);

		List<Question> questions = SideBySide.questions(generated, "SMALL", servers);

		assertThat(questions).extracting(Question::name)
			.contains("browse company>sites>products>chains", "company search", PRODUCERS,
					"a chain's products with producer counts");
		everyAnswerEqual(questions, servers, List.of("chainlens", "floor"));
	}

	@Test
	void thePeerAnswersEveryQuestionOfTheHarnessAsTheFloorDoes() throws IOException {
		Path logs = Path.of("target", "side-by-side", Long.toString(System.nanoTime())).toAbsolutePath();
		String unavailable = PeerServer.unavailable(System.getenv("PATH"), logs.resolve("npm-ci.log"));
		assumeThat(unavailable).as(unavailable).isNull();
		// a user of its own: the embedded database's neo4j password never leaves the app
		String password = UUID.randomUUID().toString();
		try (Session system = driver.session(SessionConfig.forDatabase("system"))) {
			system
				.run("CREATE OR REPLACE USER peer SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password))
				.consume();
		}
		URI bolt = app.getBean(EmbeddedNeo4j.class).boltUri();
		PeerServer stopped;
		try (PeerServer peer = PeerServer.start(bolt, "peer", password, logs.resolve("peer.log"))) {
			stopped = peer;
			Servers servers = new Servers(http, chainlens, peer.uri(), driver);

			// chainlens and the floor agree (the test above); the peer is compared with
			// the floor, which answers in milliseconds where chainlens's explorer pages
			// take a second at this size
			everyAnswerEqual(SideBySide.questions(generated, "SMALL", servers), servers, List.of("peer", "floor"));
		}
		assertThat(stopped.isAlive()).as("the peer has stopped").isFalse();
	}

	@Test
	void withoutNodeThePeerIsSkippedSayingWhy() {
		assertThat(PeerServer.unavailable("", dir.resolve("npm-ci.log")))
			.isEqualTo("node is not on the PATH: the peer (@neo4j/graphql, bench/peer-server) cannot run here");
	}

	@Test
	void anAlteredAnswerIsReportedWithTheLinesThatDiffer() throws IOException {
		Servers servers = new Servers(http, chainlens, null, driver);
		Question producers = question(servers, PRODUCERS);
		List<String> products = producers.parameters().subList(0, 3);
		Map<String, Function<String, List<String>>> answers = new LinkedHashMap<>(servers.answers(producers));
		Function<String, List<String>> floor = answers.get("floor");
		List<String> right = floor.apply(products.get(1));
		String wrong = right.get(0).replaceFirst("^\\S+", "no-such-site");
		answers.put("floor", p -> {
			if (!p.equals(products.get(1))) {
				return floor.apply(p);
			}
			List<String> altered = new ArrayList<>(right.subList(1, right.size()));
			altered.add(wrong);
			return altered.stream().sorted().toList();
		});

		Check check = SideBySide.check(producers.name(), products, answers);

		assertThat(check.allEqual()).isFalse();
		assertThat(check.equal()).isEqualTo(2);
		assertThat(check.differences()).containsExactly(products.get(1) + ": chainlens, not floor: " + right.get(0),
				products.get(1) + ": floor, not chainlens: " + wrong);
		assertThat(check.summary()).startsWith("2 of 3 answers equal; 2 lines differ, first ").contains("no-such-site");
	}

	@Test
	void aPathWithoutAnAnswerIsReportedAndNotAskedAgain() throws IOException {
		Servers servers = new Servers(http, chainlens, null, driver);
		Question producers = question(servers, PRODUCERS);
		Map<String, Function<String, List<String>>> answers = new LinkedHashMap<>(servers.answers(producers));
		AtomicInteger asked = new AtomicInteger();
		answers.put("peer", p -> {
			asked.incrementAndGet();
			throw new IllegalStateException("not an answer: HTTP 502");
		});

		Check check = SideBySide.check(producers.name(), producers.parameters().subList(0, 3), answers);

		assertThat(asked).hasValue(1);
		assertThat(check.equal()).isZero();
		assertThat(check.noAnswer()).containsOnlyKeys("peer");
		assertThat(check.differences())
			.contains(producers.parameters().get(0) + ": peer, not chainlens: no answer: not an answer: HTTP 502");
		assertThat(check.summary())
			.startsWith("0 of 3 answers equal (not asked again after peer's no answer: not an answer: HTTP 502); ");
	}

	@Test
	void theSameLinesInAnotherOrderAndADuplicatedLineDiffer() {
		assertThat(SideBySide.differences(answers(List.of("a", "b"), List.of("b", "a"))))
			.containsExactly("floor and chainlens: the same lines in another order");
		assertThat(SideBySide.differences(answers(List.of("a", "a"), List.of("a"))))
			.containsExactly("chainlens, not floor: a");
		assertThat(SideBySide.differences(answers(List.of("a", "b"), List.of("a", "b")))).isEmpty();
	}

	private static Map<String, List<String>> answers(List<String> chainlens, List<String> floor) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		answers.put("chainlens", chainlens);
		answers.put("floor", floor);
		return answers;
	}

	/**
	 * Checks every question with the paths named, the peer left out where it differs by
	 * design (its question says why).
	 */
	private void everyAnswerEqual(List<Question> questions, Servers servers, List<String> paths) {
		SoftAssertions softly = new SoftAssertions();
		for (Question q : questions) {
			Map<String, Function<String, List<String>>> answers = new LinkedHashMap<>(servers.answers(q));
			answers.keySet().retainAll(paths);
			if (q.peerDiffers() != null && answers.remove("peer") != null) {
				System.out.println(q.name() + ": the peer is not compared, it differs by design: " + q.peerDiffers());
				if (answers.size() < 2) {
					continue;
				}
			}
			long started = System.nanoTime();
			Thread dump = stacksIfSlow(q.name(), started);
			Check check;
			try {
				check = SideBySide.check(q.name(), spread(q.parameters()), answers);
			}
			finally {
				dump.interrupt();
			}
			String checked = q.name() + " (" + String.join(", ", answers.keySet()) + "): " + check.summary() + " in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms";
			System.out.println(checked);
			softly.assertThat(check.allEqual()).as(checked).isTrue();
			// equal answers of nothing would check nothing
			softly.assertThat(check.lines()).as(q.name() + ": lines compared").isGreaterThan(check.asked());
		}
		softly.assertAll();
	}

	/**
	 * A daemon that prints the stacks of the threads in Neo4j's or chainlens's code every
	 * {@value #SLOW_SECONDS} s while a question's check runs: a check takes a few
	 * seconds, and the region-filtered pages' slow runs (see the start) never happened
	 * with a profiler attached. Interrupted when the check ends.
	 */
	private static Thread stacksIfSlow(String question, long started) {
		Thread dump = new Thread(() -> {
			try {
				while (true) {
					Thread.sleep(SLOW_SECONDS * 1000L);
					StringBuilder stacks = new StringBuilder("Slow check of " + question + ", at "
							+ (System.nanoTime() - started) / 1_000_000 + " ms; threads in Neo4j or chainlens:\n");
					Thread.getAllStackTraces().forEach((thread, frames) -> {
						String stack = Arrays.stream(frames)
							.limit(40)
							.map(f -> "    at " + f)
							.collect(Collectors.joining("\n"));
						if ((stack.contains("org.neo4j.cypher") || stack.contains("io.chainlens"))
								&& !stack.contains("SideBySideTest")) {
							stacks.append("  ").append(thread.getName()).append(' ').append(thread.getState());
							stacks.append('\n').append(stack).append('\n');
						}
					});
					System.out.println(stacks);
				}
			}
			catch (InterruptedException ended) {
				// the check ended
			}
		}, "side-by-side-slow-check");
		dump.setDaemon(true);
		dump.start();
		return dump;
	}

	/**
	 * About {@link #PARAMETERS} of the parameters, spread over the list in runs of five:
	 * the search's five kinds of text take turns in its list, and a run has each.
	 */
	private static List<String> spread(List<String> parameters) {
		int stride = (parameters.size() + PARAMETERS - 1) / PARAMETERS;
		List<String> spread = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			if ((i / 5) % stride == 0) {
				spread.add(parameters.get(i));
			}
		}
		return spread;
	}

	private Question question(Servers servers, String name) throws IOException {
		return SideBySide.questions(generated, "SMALL", servers)
			.stream()
			.filter(q -> q.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
