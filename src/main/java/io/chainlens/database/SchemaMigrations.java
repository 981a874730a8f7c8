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

		/**
		 * The statements that make indexes, constraints and token names, without those
		 * that change data.
		 */
		List<String> schemaStatements() {
			return statements.stream().filter(s -> SCHEMA_STATEMENT.matcher(s).lookingAt()).toList();
		}

	}

	/**
	 * A statement that changes the schema or names a token, not the data: what a store
	 * the offline importer made needs of each file.
	 */
	static final Pattern SCHEMA_STATEMENT = Pattern
		.compile("(CREATE\\s+(CONSTRAINT|(RANGE\\s+|TEXT\\s+|POINT\\s+|FULLTEXT\\s+|VECTOR\\s+|LOOKUP\\s+)?INDEX)\\b"
				+ "|CALL\\s+db\\.create(Label|RelationshipType|Property)\\s*\\()", Pattern.CASE_INSENSITIVE);

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
			Map<Long, String> applied = applied(session);
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

	/**
	 * Applies the schema to a store Neo4j's offline importer has just made
	 * (io.chainlens.seed.OfflineImport): every file's indexes, constraints and token
	 * names, but not its data statements, and records every file as applied. A data
	 * statement brings data written before its file existed up to date; the importer's
	 * rows were checked and written by this version's rules (the bounds of V006 among the
	 * checks, no leads among the rows) and the seed load after it recounts every
	 * product's makers and moves the graph version on, so on such a store each would redo
	 * that work over the whole graph (V005 and V006 recount the makers, each a scan of
	 * every capacity line) and change nothing the online import would leave otherwise.
	 * The indexes are created in one transaction, so that Neo4j populates them in one
	 * scan of the store rather than one per file, and the uniqueness constraints, which
	 * Neo4j populates one by one as each is created, after them, while they populate.
	 * @throws IllegalStateException when the store has schema files applied already: it
	 * is not one the importer has just made
	 */
	public void applyToImportedStore() {
		long started = System.nanoTime();
		try (Session session = driver.session()) {
			if (!applied(session).isEmpty()) {
				throw new IllegalStateException(
						"The store has schema files applied already; it is not one the offline importer has just made");
			}
			List<String> statements = migrations.stream().flatMap(m -> m.schemaStatements().stream()).toList();
			Map<String, List<String>> byKind = statements.stream()
				.collect(java.util.stream.Collectors.groupingBy(SchemaMigrations::kind));
			// names are writes, which cannot share a transaction with schema statements
			for (String kind : List.of("index", "constraint", "name")) {
				List<String> some = byKind.getOrDefault(kind, List.of());
				session.executeWriteWithoutResult(tx -> some.forEach(s -> tx.run(s).consume()));
			}
			session.executeWriteWithoutResult(tx -> migrations.forEach(migration -> tx.run(
					"CREATE (:SchemaMigration {version: $version, name: $name, checksum: $checksum, appliedAt: datetime()})",
					Map.of("version", migration.version(), "name", migration.name(), "checksum",
							migration.checksum()))));
			session.run("CALL db.awaitIndexes(300)").consume();
		}
		log.info("Schema applied to the imported store ({} files, their data statements not needed) in {} ms",
				migrations.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private static String kind(String schemaStatement) {
		String words = schemaStatement.toUpperCase(java.util.Locale.ROOT);
		return words.startsWith("CALL") ? "name"
				: words.matches("(?s)CREATE\\s+CONSTRAINT\\b.*") ? "constraint" : "index";
	}

	private static Map<Long, String> applied(Session session) {
		return session
			.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c").list())
			.stream()
			.collect(java.util.stream.Collectors.toMap(r -> r.get("v").asLong(), r -> r.get("c").asString()));
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
