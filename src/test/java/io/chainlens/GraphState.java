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

/**
 * The whole state of the test database in a few characters, to prove that a refused
 * request wrote nothing; and direct writes for a test's own set-up.
 */
public final class GraphState {

	private GraphState() {
	}

	/**
	 * Every node and relationship with its labels or type and properties, reduced to
	 * counts and a digest: equal before and after a request when it wrote nothing.
	 */
	public static String digest(Driver driver) {
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
						+ sha256(nodes, relationships);
			});
		}
	}

	/**
	 * Writes to the graph directly, for a test's own set-up; the graph has then changed.
	 */
	public static void write(Driver driver, TestGraph graph, String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
		}
		graph.changed();
	}

	private static String sorted(Map<String, Object> properties) {
		return new TreeMap<>(properties).toString();
	}

	private static String sha256(List<String> nodes, List<String> relationships) {
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

}
