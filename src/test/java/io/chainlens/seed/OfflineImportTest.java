package io.chainlens.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.util.FileSystemUtils;

import io.chainlens.ChainlensApplication;
import io.chainlens.generate.GraphSize;
import io.chainlens.generate.NationalGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The first national load through Neo4j's offline importer (issue 17, item 3) against the
 * online import into a fresh store, on a small generated graph: the same store (every
 * node and relationship with its properties, the schema, {@code Product.makers}, the
 * import in the audit trail) and the same answers; and a refused row refused the same
 * way, with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineImportTest {

	private static final GraphSize SIZE = new GraphSize(5, 200, 400, 60, 1200);

	@TempDir
	static Path dir;

	private Path generated;

	private ConfigurableApplicationContext online;

	@BeforeAll
	void importOnline() {
		generated = dir.resolve("generated");
		NationalGraph.write(generated, SIZE, 42, "classpath:graph-seed");
		online = start(dir.resolve("online"), "--chainlens.import.dir=" + generated,
				"--chainlens.import.report=" + dir.resolve("online-report.csv"));
	}

	@AfterAll
	void stop() {
		if (online != null) {
			online.close();
		}
	}

	@Test
	void anOfflineFirstLoadLeavesTheStoreAndAnswersAnOnlineImportLeaves() throws IOException {
		Store before = store(online);
		assertThat(Files.readString(dir.resolve("online-report.csv"))).startsWith("# WRITTEN");
		Path offlineReport = dir.resolve("offline-report.csv");

		try (ConfigurableApplicationContext offline = start(dir.resolve("offline"), "--chainlens.import.mode=offline",
				"--chainlens.import.dir=" + generated, "--chainlens.import.report=" + offlineReport)) {
			Store after = store(offline);

			assertThat(Files.readString(offlineReport)).startsWith("# WRITTEN (exit code 0)")
				.contains("rows read, ")
				.contains("audit trail: operation 'import'");
			assertThat(after.counts()).isEqualTo(before.counts()).containsKeys("Site", "MAKES", "HAS_SITE");
			assertThat(after.nodes()).hasSameSizeAs(before.nodes()).containsExactlyElementsOf(before.nodes());
			assertThat(after.relationships()).containsExactlyElementsOf(before.relationships());
			assertThat(after.schema()).isNotEmpty().isEqualTo(before.schema());
			assertThat(after.makers()).containsPattern("=[1-9]").isEqualTo(before.makers());
			assertThat(after.audit()).hasSize(2).isEqualTo(before.audit());
			assertThat(after.version()).isGreaterThan(1);
			assertThat(after.answers()).isEqualTo(before.answers());
		}
	}

	@Test
	void aFileWithOneBadRowWritesNothingOfflineAndIsReportedAsOnline() throws IOException {
		Path bad = dir.resolve("bad");
		FileSystemUtils.copyRecursively(generated, bad);
		Path capacities = bad.resolve(NationalGraph.FOLDER).resolve("capacities.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(capacities, StandardCharsets.UTF_8));
		lines.set(7, lines.get(7).replaceFirst("^[^,]+,", "no-such-site,"));
		Files.write(capacities, lines, StandardCharsets.UTF_8);
		ImportReport onlineReport = online.getBean(BulkImport.class).run(bad, ImportOptions.allOrNothing(500));
		Path store = dir.resolve("refused");

		OfflineImportStart.Ended ended = catchThrowableOfType(OfflineImportStart.Ended.class,
				() -> start(store, "--chainlens.import.mode=offline", "--chainlens.import.dir=" + bad,
						"--chainlens.import.report=" + dir.resolve("refused-report.csv")));

		assertThat(onlineReport.outcome()).isEqualTo(ImportReport.Outcome.REFUSED);
		assertThat(onlineReport.rejections()).singleElement()
			.satisfies(p -> assertThat(p.line()).isEqualTo(8))
			.satisfies(p -> assertThat(p.message()).contains("no-such-site"));
		assertThat(ended.getExitCode()).isEqualTo(1);
		assertThat(ended.report().rejections()).isEqualTo(onlineReport.rejections());
		assertThat(ended.report().read()).isEqualTo(onlineReport.read());
		assertThat(Files.readString(dir.resolve("refused-report.csv"))).startsWith("# REFUSED (exit code 1)")
			.contains("capacities.csv,8,site_id,");
		assertThat(store.resolve(OfflineImport.STORE)).doesNotExist();
		assertThat(store.resolve("offline-import")).doesNotExist();
	}

	@Test
	void aRowThatWouldChangeTheSeedAndAFileTypeItDoesNotWriteAreRefusedOffline() throws IOException {
		Path dir = OfflineImportTest.dir.resolve("changes-the-seed");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-new-co,新材料,New Materials,,jiangsu,estimate: test fixture
				tongwei,通威股份,Tongwei,,,estimate: test fixture
				""");
		Files.writeString(dir.resolve("supply_links.csv"), """
				supplier_id,customer_id,product_id,source
				test-new-co,tongwei,pv-polysilicon,estimate: test fixture
				""");
		Path store = OfflineImportTest.dir.resolve("changes-the-seed-store");

		OfflineImportStart.Ended ended = catchThrowableOfType(OfflineImportStart.Ended.class,
				() -> start(store, "--chainlens.import.mode=offline", "--chainlens.import.dir=" + dir,
						"--chainlens.import.report=" + OfflineImportTest.dir.resolve("changes-the-seed.csv")));

		assertThat(ended.getExitCode()).isEqualTo(1);
		assertThat(ended.report().rejections()).extracting(p -> p.file() + ":" + p.line() + " " + p.message())
			.containsExactly(
					"companies.csv:3 the seed graph holds this id already: the offline import only adds "
							+ "to the seed; change it online after the first load",
					"supply_links.csv:0 the offline import takes [capacities.csv, companies.csv, feeds.csv, "
							+ "products.csv, regions.csv, sites.csv]; import this file online after the first load");
		assertThat(store.resolve(OfflineImport.STORE)).doesNotExist();
	}

	@Test
	void aStoreThatIsNotEmptyIsRefusedOffline() {
		Path store = online.getBean(io.chainlens.database.EmbeddedNeo4j.class).dataDir();

		OfflineImportStart.Ended ended = catchThrowableOfType(OfflineImportStart.Ended.class,
				() -> start(store, "--chainlens.import.mode=offline", "--chainlens.import.dir=" + generated,
						"--chainlens.import.report=" + dir.resolve("not-empty-report.csv")));

		assertThat(ended.getExitCode()).isEqualTo(3);
		assertThat(ended.report().rejections()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("is not empty").contains("online"));
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... args) {
		List<String> all = new ArrayList<>(List.of("--chainlens.neo4j.data-dir=" + dataDir,
				"--chainlens.neo4j.bolt-port=0", "--chainlens.neo4j.page-cache=32m", "--chainlens.warm-up=false"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(ChainlensApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	/** What a store holds and answers, without what differs by nature (times, ids). */
	private record Store(Map<String, Long> counts, List<String> nodes, List<String> relationships, List<String> schema,
			String makers, List<String> audit, long version, List<String> answers) {
	}

	private static Store store(ConfigurableApplicationContext app) {
		try (Session session = app.getBean(Driver.class).session()) {
			Map<String, Long> counts = new TreeMap<>();
			session.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
				.forEachRemaining(r -> counts.put(r.get("label").asString(), r.get("n").asLong()));
			session.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
				.forEachRemaining(r -> counts.put(r.get("type").asString(), r.get("n").asLong()));
			List<String> nodes = session.run("""
					MATCH (n) WHERE NOT n:Change AND NOT n:GraphState AND NOT n:SchemaMigration
					RETURN labels(n) AS labels, properties(n) AS properties""")
				.list(r -> r.get("labels").asList() + " " + new TreeMap<>(r.get("properties").asMap()))
				.stream()
				.sorted()
				.toList();
			List<String> relationships = session.run("""
					MATCH (a)-[r]->(b) WHERE NOT a:Change AND NOT b:Change
					RETURN type(r) AS type, properties(a) AS a, properties(b) AS b, properties(r) AS properties""")
				.list(r -> r.get("type").asString() + " " + key(r.get("a").asMap()) + "->" + key(r.get("b").asMap())
						+ " " + new TreeMap<>(r.get("properties").asMap()))
				.stream()
				.sorted()
				.toList();
			List<String> schema = session
				.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN * ORDER BY name")
				.list(r -> r.asMap().toString());
			List<String> migrations = session
				.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c ORDER BY v")
				.list(r -> r.get("v") + ":" + r.get("c").asString());
			String makers = session.run("MATCH (p:Product) RETURN p.id AS id, p.makers AS makers ORDER BY id")
				.list(r -> r.get("id").asString() + "=" + r.get("makers"))
				.toString();
			List<String> audit = session
				.run("""
						MATCH (c:Change {entity: 'Import'})
						RETURN c.user AS user, c.operation AS operation, c.before AS before, c.after AS after, c.source AS source
						ORDER BY before IS NULL DESC""")
				// the offline import says so in its record; the rest is the same
				.list(r -> r.asMap().toString().replace("\"mode\":\"offline\",", ""));
			long version = session.run("MATCH (g:GraphState) RETURN g.version AS v").single().get("v").asLong();
			List<String> allSchema = new ArrayList<>(schema);
			allSchema.addAll(migrations);
			return new Store(counts, nodes, relationships, allSchema, makers, audit, version, answers(app, session));
		}
	}

	private static String key(Map<String, Object> properties) {
		Object id = properties.get("id");
		return id != null ? id.toString() : new TreeMap<>(properties).toString();
	}

	/**
	 * Chains, every chain's gaps and balance, and the candidates of the products with the
	 * most makers and of some with none, through the GraphQL API.
	 */
	private static List<String> answers(ConfigurableApplicationContext app, Session session) {
		ExecutionGraphQlService graphql = app.getBean(ExecutionGraphQlService.class);
		List<String> answers = new ArrayList<>();
		answers.add(query(graphql, "chains", Map.of()));
		for (String chain : session.run("MATCH (c:Chain) RETURN c.id AS id ORDER BY id")
			.list(r -> r.get(0).asString())) {
			answers.add(query(graphql, "gaps", Map.of("chainId", chain, "first", 100)));
			answers.add(query(graphql, "balance", Map.of("chainId", chain)));
		}
		List<String> products = session.run("""
				MATCH (p:Product) WITH p ORDER BY p.makers DESC, p.id LIMIT 3 RETURN p.id AS id
				UNION
				MATCH (p:Product) WHERE p.makers = 0 WITH p ORDER BY p.id LIMIT 2 RETURN p.id AS id""")
			.list(r -> r.get(0).asString());
		for (String product : products) {
			answers.add(query(graphql, "candidates", Map.of("productId", product, "first", 20)));
		}
		return answers;
	}

	private static String query(ExecutionGraphQlService graphql, String document, Map<String, Object> variables) {
		try {
			String text = new ClassPathResource("graphql-test/" + document + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
			Map<String, Object> answer = graphql
				.execute(new DefaultExecutionGraphQlRequest(text, null, variables, null, UUID.randomUUID().toString(),
						null))
				.block()
				.toMap();
			assertThat(answer).as(document).doesNotContainKey("errors");
			return document + variables + " " + answer;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
