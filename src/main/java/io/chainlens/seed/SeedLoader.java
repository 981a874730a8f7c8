package io.chainlens.seed;

import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;
import io.chainlens.database.SeedFiles;

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

	/**
	 * Loads the data set at {@code location} when the database holds no graph yet.
	 * @return whether it did
	 */
	boolean loadIfEmpty(String location) {
		if (isEmpty()) {
			Loaded loaded = load(location);
			log.info("Loaded the seed graph from {}: {} files, {} rows in {} ms ({} ms reading and checking)", location,
					loaded.files(), loaded.rows(), loaded.millis(), loaded.validateMillis());
			return true;
		}
		log.info("The database already holds a graph; the seed data set was not loaded again");
		return false;
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
		Map<String, Resource> files = SeedFiles.find(location);
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

}
