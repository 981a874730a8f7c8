package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;

/**
 * Loads the seed data set into an empty database (at start, see {@link StartupLoad}):
 * validated whole first, then written in one transaction, so a bad file leaves the
 * database as it was.
 */
@Component
public class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final Driver driver;

	private final SeedCypher cypher;

	/**
	 * Result of a load.
	 *
	 * @param files the CSV files read
	 * @param rows their rows
	 * @param millis the whole load
	 * @param validateMillis of which reading and checking the files
	 */
	public record Loaded(int files, int rows, long millis, long validateMillis) {
	}

	SeedLoader(Driver driver, SeedCypher cypher) {
		this.driver = driver;
		this.cypher = cypher;
	}

	/** Loads the data set at {@code location} when the database holds no graph yet. */
	void loadIfEmpty(String location) {
		if (isEmpty()) {
			Loaded loaded = load(location);
			log.info("Loaded the seed graph from {}: {} files, {} rows in {} ms ({} ms reading and checking)", location,
					loaded.files(), loaded.rows(), loaded.millis(), loaded.validateMillis());
		}
		else {
			log.info("The database already holds a graph; the seed data set was not loaded again");
		}
	}

	/**
	 * True when the database holds nothing but schema bookkeeping and the graph version.
	 */
	public boolean isEmpty() {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx
				.run("MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:GraphState RETURN count(n) = 0 AS empty")
				.single()
				.get("empty")
				.asBoolean());
		}
	}

	/**
	 * Reads, validates and writes the data set at {@code location}. Writing merges on
	 * ids, so loading the same data set twice changes nothing.
	 * @throws SeedInvalid when any file has a problem; nothing is written then
	 */
	public Loaded load(String location) {
		long started = System.nanoTime();
		Map<String, Resource> files = find(location);
		SeedDataSet data = SeedDataSet.read(files);
		long validated = System.nanoTime();
		try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
			data.rows().forEach((type, rows) -> {
				if (!rows.isEmpty()) {
					long t0 = System.nanoTime();
					cypher.write(tx, type, rows);
					log.debug("Wrote {} rows of {} in {} ms", rows.size(), type.name(),
							(System.nanoTime() - t0) / 1_000_000);
				}
			});
			// in the load's transaction: the figures and the version commit with the
			// graph
			tx.run(GraphState.RECOUNT_ALL_MAKERS).consume();
			tx.run(GraphState.BUMP).consume();
			tx.commit();
		}
		return new Loaded(files.size(), data.rowCount(), (System.nanoTime() - started) / 1_000_000,
				(validated - started) / 1_000_000);
	}

	static Map<String, Resource> find(String location) {
		String root = location.endsWith("/") ? location : location + "/";
		if (root.startsWith("file:")) {
			// relative file locations would not prefix the absolute URLs of the files
			// found below them
			root = java.nio.file.Path.of(root.substring("file:".length()))
				.toAbsolutePath()
				.normalize()
				.toUri()
				.toString();
		}
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			Resource rootResource = resolver.getResource(root);
			if (!rootResource.exists()) {
				throw new IllegalStateException("The seed data set " + location + " does not exist");
			}
			String rootUrl = rootResource.getURL().toString();
			Map<String, Resource> files = new LinkedHashMap<>();
			for (Resource resource : resolver.getResources(root + "**/*.csv")) {
				String url = resource.getURL().toString();
				files.put(url.startsWith(rootUrl) ? url.substring(rootUrl.length()) : resource.getFilename(), resource);
			}
			if (files.isEmpty()) {
				throw new IllegalStateException("The seed data set " + location + " holds no CSV files");
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the seed data set " + location, ex);
		}
	}

}
