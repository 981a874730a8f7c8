package io.chainlens;

import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

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
	public java.util.List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, params).list(r -> r.asMap()));
		}
	}

	public long count(String cypher) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(cypher, Map.of()).single().get(0).asLong());
		}
	}

	private void use(String name, String location) {
		if (name.equals(current)) {
			return;
		}
		clear();
		loader.load(location);
		current = name;
	}

}
