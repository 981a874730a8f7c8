package io.chainlens.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/V<n>__<name>.cypher} in version order, each once. Kept
 * small on purpose: neo4j-migrations has no Spring Boot 4 starter yet, and the schema is
 * constraints and indexes that Neo4j creates idempotently anyway.
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.cypher");

	private final Driver driver;

	private final List<Migration> migrations;

	SchemaMigrations(Driver driver, ConnectionVerified connection) {
		this.driver = driver;
		this.migrations = load("classpath*:cypher/schema/*.cypher");
	}

	record Migration(int version, String name, String checksum, List<String> statements) {
	}

	static List<Migration> load(String pattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
			List<Migration> result = new ArrayList<>();
			for (Resource resource : resources) {
				Matcher m = FILE_NAME.matcher(resource.getFilename());
				if (!m.matches()) {
					throw new IllegalStateException("Schema file " + resource.getFilename()
							+ " does not follow the pattern V<number>__<name>.cypher");
				}
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				result.add(new Migration(Integer.parseInt(m.group(1)), resource.getFilename(), sha256(text),
						CypherScript.of(resource.getFilename(), text).statements()));
			}
			result.sort(Comparator.comparingInt(Migration::version));
			for (int i = 1; i < result.size(); i++) {
				if (result.get(i).version() == result.get(i - 1).version()) {
					throw new IllegalStateException("Two schema files have version " + result.get(i).version());
				}
			}
			return List.copyOf(result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Applies the files not applied yet; called once at start, before anything reads or
	 * writes the graph (io.chainlens.seed.StartupLoad).
	 */
	public void apply() {
		long started = System.nanoTime();
		try (Session session = driver.session()) {
			Map<Long, String> applied = session
				.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c").list())
				.stream()
				.collect(java.util.stream.Collectors.toMap(r -> r.get("v").asLong(), r -> r.get("c").asString()));
			for (Migration migration : migrations) {
				String checksum = applied.get((long) migration.version());
				if (checksum != null) {
					if (!checksum.equals(migration.checksum())) {
						throw new IllegalStateException("Schema file " + migration.name()
								+ " changed after it was applied to this database; add a new file instead");
					}
					continue;
				}
				// Schema statements cannot share a transaction with data writes, so a
				// file's statements commit together and its bookkeeping after them; all
				// are IF NOT EXISTS, so a start interrupted in between runs them again.
				session.executeWriteWithoutResult(tx -> migration.statements().forEach(tx::run));
				session.executeWriteWithoutResult(tx -> tx.run(
						"CREATE (:SchemaMigration {version: $version, name: $name, checksum: $checksum, appliedAt: datetime()})",
						Map.of("version", migration.version(), "name", migration.name(), "checksum",
								migration.checksum())));
				log.info("Applied schema {}", migration.name());
			}
			session.run("CALL db.awaitIndexes(300)").consume();
		}
		log.info("Schema checked in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
