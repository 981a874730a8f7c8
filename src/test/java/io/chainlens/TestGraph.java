package io.chainlens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import io.chainlens.database.GraphState;
import io.chainlens.seed.SeedLoader;

/**
 * Puts a known graph in the shared test database: the shipped seed graph, or a small
 * fixture data set from {@code src/test/resources/fixtures/}. Loading is skipped when
 * that graph is already there, so read-only tests share one load; a test that writes
 * calls {@link #changed()}.
 */
public class TestGraph {

	private final Driver driver;

	private final SeedLoader loader;

	private String current = "seed";

	private String fingerprint;

	TestGraph(Driver driver, SeedLoader loader) {
		this.driver = driver;
		this.loader = loader;
	}

	/** The shipped seed graph (loaded at start). */
	public void seed() {
		use("seed", "classpath:graph-seed");
	}

	/**
	 * A fixture data set in the seed CSV format, by folder name below {@code fixtures/}.
	 */
	public void fixture(String name) {
		use(name, "classpath:fixtures/" + name);
	}

	/** The graph was written to; the next test reloads what it needs. */
	public void changed() {
		current = null;
	}

	public void clear() {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n"));
		}
		current = null;
	}

	/** Rows of a read query, as maps. */
	public List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params).list(r -> r.asMap()));
		}
	}

	/**
	 * An operating line of {@code $product} at a 包钢 site in 昆都仑区 with no figure, as the
	 * seed load or the bulk import writes a row that gives none; the API's own writes
	 * always carry one. The seed gives every locally made product a figure or an estimate
	 * (issue #13), so the tests of "unknown is never 0" make their own.
	 */
	public static final String UNSTATED_LINE = """
			MATCH (c:Company {id: 'baogang'}), (r:Region {id: 'baotou-kundulun'}), (p:Product {id: $product})
			MERGE (s:Site {id: 'baogang-test-unstated'}) SET s.nameZh = '产能未公布的厂址'
			MERGE (c)-[:HAS_SITE]->(s)
			MERGE (s)-[:IN_REGION]->(r)
			MERGE (s)-[m:MAKES {status: 'OPERATING'}]->(p)
			SET m.unit = p.unit, m.source = 'estimate: a test line, capacity not stated'
			SET p.makers = COUNT { MATCH (k:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT k }""";

	/** Writes {@link #UNSTATED_LINE} of a product. */
	public void unstatedLine(String productId) {
		write(UNSTATED_LINE, Map.of("product", productId));
	}

	/** Writes to the graph directly (a test's own set-up); the graph has then changed. */
	public void write(String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> {
				tx.run(cypher, params).consume();
				// a write path like any other: what is cached against the version is
				// stale
				tx.run(GraphState.BUMP).consume();
			});
		}
		changed();
	}

	/**
	 * Every node and relationship with its labels or type and properties, reduced to
	 * counts and a digest: equal before and after a request when it wrote nothing.
	 */
	public String fingerprint() {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> {
				List<String> nodes = tx.run("""
						MATCH (n) WHERE NOT n:SchemaMigration
						RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties""")
					.list(r -> r.get("id").asString() + r.get("labels").asList() + sorted(r.get("properties").asMap()));
				List<String> relationships = tx.run("""
						MATCH (a)-[r]->(b)
						RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b,
						       properties(r) AS properties""")
					.list(r -> r.get("id").asString() + r.get("type").asString() + r.get("a").asString()
							+ r.get("b").asString() + sorted(r.get("properties").asMap()));
				return "nodes=" + nodes.size() + " relationships=" + relationships.size() + " digest="
						+ digest(nodes, relationships);
			});
		}
	}

	private static String sorted(Map<String, Object> properties) {
		return new TreeMap<>(properties).toString();
	}

	private static String digest(List<String> nodes, List<String> relationships) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Stream.concat(nodes.stream().sorted(), relationships.stream().sorted())
				.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public long count(String cypher) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, Map.of()).single().get(0).asLong());
		}
	}

	private void use(String name, String location) {
		if (name.equals(current) && fingerprint().equals(fingerprint)) {
			return;
		}
		clear();
		loader.load(location);
		current = name;
		fingerprint = fingerprint();
	}

	/**
	 * Called after each test: a graph a test changed is loaded afresh by the next one
	 * that needs it.
	 */
	void checkUnchanged() {
		if (current != null && fingerprint != null && !fingerprint().equals(fingerprint)) {
			current = null;
		}
	}

}
