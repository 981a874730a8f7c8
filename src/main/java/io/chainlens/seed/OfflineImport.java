package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.importer.ImportCommand.Full;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.chainlens.database.GraphState;
import io.chainlens.database.SeedFiles;
import io.chainlens.seed.ImportReport.Outcome;
import io.chainlens.seed.SeedDataSet.Row;
import io.chainlens.seed.SeedInvalid.Problem;
import io.chainlens.seed.SeedSchema.FileType;
import picocli.CommandLine;

/**
 * The first national load into an empty store through Neo4j's offline importer
 * ({@code neo4j-admin database import full}), before the database starts. The rows are
 * read and checked by the online import's checks ({@link BulkImport#check}) against what
 * the store holds once the seed is loaded (read from the seed data set,
 * {@link SeedKnown}), with one check more: a row must add to the seed, not change it
 * (change the seed online, after the first load). A refused row is reported as online and
 * nothing is written; otherwise the rows, with the seed's entities they refer to by id
 * alone, become the importer's files and the importer makes the store. The app then
 * starts on it and {@link #finish} loads the seed on top (merging on ids, as into an
 * empty store), so the store ends as an online import into a fresh store leaves it: the
 * schema, the seed graph, {@code Product.makers}, the graph version and the import in the
 * audit trail.
 */
final class OfflineImport {

	private static final Logger log = LoggerFactory.getLogger(OfflineImport.class);

	/** The folder of the store's databases, which an empty store does not have yet. */
	static final String STORE = "data";

	/**
	 * What the offline import wrote before the start, for {@link #finish} once the
	 * database is up.
	 *
	 * @param started when the import started ({@link System#nanoTime()}): the finished
	 * import's time runs from there, the database's start and the schema included
	 */
	record Imported(Path dir, ImportReport report, String user, List<String> files, long started) {
	}

	private OfflineImport() {
	}

	/**
	 * Checks the folder and, when every row is accepted, makes the store at
	 * {@code dataDir} with the importer. The report is REFUSED (nothing written) when a
	 * row is refused, STOPPED when the importer failed (what it wrote removed), WRITTEN
	 * otherwise.
	 * @throws IllegalStateException when {@code dataDir} holds a store already
	 * @throws IllegalArgumentException when {@code dir} is not a folder
	 */
	static Imported run(Path dir, Path dataDir, String seedLocation, ImportOptions options) {
		long started = System.nanoTime();
		Path home = dataDir.toAbsolutePath().normalize();
		if (Files.exists(home.resolve(STORE))) {
			throw new IllegalStateException("The store at " + home
					+ " is not empty: the offline import (chainlens.import.mode=offline) makes a new store only. "
					+ "Give it an empty chainlens.neo4j.data-dir, or import into this store online "
					+ "(without chainlens.import.mode)");
		}
		if (options.partial()) {
			throw new IllegalArgumentException(
					"chainlens.import.partial is for the online import; the offline import writes all rows or none");
		}
		List<Path> all = BulkImport.csvFiles(dir);
		List<Path> files = all.stream().filter(f -> ImporterFiles.TYPES.contains(f.getFileName().toString())).toList();
		SeedKnown seed = new SeedKnown(SeedDataSet.read(SeedFiles.find(seedLocation)));
		Path work = home.resolve("offline-import");
		try {
			FileSystemUtils.deleteRecursively(work);
			Files.createDirectories(work);
			ImporterFiles out = new ImporterFiles(work, seed);
			BulkImport.Checked checked;
			List<Problem> problems;
			try (out) {
				checked = BulkImport.check(dir, files, options, seed, type -> {
				}, (row, rowProblems) -> {
					if (changesTheSeed(row, seed, rowProblems)) {
						return false;
					}
					out.write(row);
					return true;
				});
				problems = problems(dir, all, files, checked);
				if (problems.isEmpty()) {
					out.writeSeedIds();
				}
			}
			List<String> names = checked.files.stream().map(f -> f.name).toList();
			long rejected = checked.read - checked.accepted;
			if (!problems.isEmpty()) {
				return new Imported(dir, new ImportReport(Outcome.REFUSED, all.size(), checked.read, checked.accepted,
						0, 0, 0, rejected, problems, BulkImport.millis(started), null), options.user(), names, started);
			}
			log.info(
					"Checked {} rows in {} ms; the importer writes {} nodes (the seed's by id alone) and {} "
							+ "relationships",
					checked.read, BulkImport.millis(started), out.nodes(), out.relationships());
			try {
				importer(home, work, out.arguments());
			}
			catch (RuntimeException ex) {
				FileSystemUtils.deleteRecursively(home.resolve(STORE));
				Problem stopped = new Problem("", 0, null, "Neo4j's importer stopped: " + ex.getMessage()
						+ "; nothing was written (what it had written was removed)");
				return new Imported(
						dir, new ImportReport(Outcome.STOPPED, all.size(), checked.read, checked.accepted, 0, 0, 0,
								rejected, List.of(stopped), BulkImport.millis(started), null),
						options.user(), names, started);
			}
			String importId = UUID.randomUUID().toString();
			log.info("Imported {} rows offline in {} ms", checked.read, BulkImport.millis(started));
			return new Imported(dir, new ImportReport(Outcome.WRITTEN, all.size(), checked.read, checked.accepted,
					checked.accepted, 0, 0, 0, List.of(), BulkImport.millis(started), importId), options.user(), names,
					started);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			FileSystemUtils.deleteRecursively(work.toFile());
		}
	}

	/**
	 * The rows' problems, and those of the files of types the offline import does not
	 * write.
	 */
	private static List<Problem> problems(Path dir, List<Path> all, List<Path> files, BulkImport.Checked checked) {
		List<Problem> problems = new ArrayList<>(checked.problems);
		all.stream()
			.filter(f -> !files.contains(f) && SeedSchema.BY_NAME.containsKey(f.getFileName().toString()))
			.forEach(f -> problems.add(new Problem(dir.relativize(f).toString().replace('\\', '/'), 0, null,
					"the offline import takes " + ImporterFiles.TYPES.stream().sorted().toList()
							+ "; import this file online after the first load")));
		problems.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
		return problems;
	}

	/**
	 * The check the online import does not need: a row that would change what the seed
	 * holds (its entity, feed or capacity line) is refused, as the seed, loaded after the
	 * importer, would overwrite it.
	 */
	private static boolean changesTheSeed(Row row, SeedKnown seed, List<Problem> problems) {
		FileType type = row.type();
		boolean held = type.defines() != null ? seed.exists(type.defines(), row.text(type.key()))
				: type.name().equals("feeds.csv") ? seed.hasFeed(row.values()) : seed.hasCapacity(row.values());
		if (held) {
			problems.add(new Problem(row.file(), row.line(), type.defines() != null ? type
				.key() : null, "the seed graph holds this " + (type.defines() != null ? "id" : "link")
						+ " already: the offline import only adds to the seed; change it online after the first load"));
		}
		return held;
	}

	/**
	 * Runs {@code neo4j-admin database import full} in this JVM on the store at
	 * {@code home} (the embedded database's home: its databases are in {@code data/}).
	 */
	private static void importer(Path home, Path work, List<String> arguments) {
		List<String> args = new ArrayList<>(arguments);
		args.add("--report-file=" + work.resolve("importer-report.txt"));
		args.add("neo4j");
		log.info("Running the offline importer: neo4j-admin database import full {}", String.join(" ", args));
		try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
			ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), System.out, System.err, fs);
			CommandLine command = new CommandLine(new Full(context));
			Exception[] failure = { null };
			command.setExecutionExceptionHandler((ex, line, parsed) -> {
				failure[0] = ex;
				return 1;
			});
			int exit = command.execute(args.toArray(String[]::new));
			if (exit != 0) {
				throw new IllegalStateException("Neo4j's importer failed (exit code " + exit + ")"
						+ (failure[0] == null ? "" : ": " + failure[0].getMessage()), failure[0]);
			}
		}
	}

	/**
	 * After the app started on the store the importer made: loads the seed on top (which
	 * recounts every product's makers and moves the graph version on), gives companies
	 * without aliases the empty list the seed format stores, and records the import in
	 * the audit trail, as the online import does.
	 */
	static ImportReport finish(Imported imported, Driver driver, SeedLoader seed, String seedLocation) {
		long started = System.nanoTime();
		SeedLoader.Loaded loaded = seed.load(seedLocation);
		log.info("Loaded the seed on the imported graph: {} rows in {} ms", loaded.rows(), loaded.millis());
		ImportReport report = imported.report();
		Map<String, Object> plan = new TreeMap<>();
		plan.put("status", "writing");
		plan.put("mode", "offline");
		plan.put("files", imported.files());
		plan.put("rowsRead", report.read());
		plan.put("rowsToWrite", report.accepted());
		plan.put("rowsRefused", 0L);
		plan.put("partial", false);
		Map<String, Object> end = new TreeMap<>(plan);
		end.put("status", Outcome.WRITTEN.name());
		end.put("created", report.created());
		end.put("updated", 0L);
		end.put("overwritten", 0L);
		end.put("refusedWhileWriting", 0);
		try (Session session = driver.session()) {
			session.run("""
					MATCH (c:Company) WHERE c.aliases IS NULL
					CALL (c) { SET c.aliases = [] } IN TRANSACTIONS OF 10000 ROWS""").consume();
			session.executeWriteWithoutResult(tx -> {
				String source = BulkImport.source(imported.dir());
				ImportAudit.recordImport(tx, report.importId(), imported.user(), null, plan, source);
				ImportAudit.recordImport(tx, report.importId(), imported.user(), plan, end, source);
				tx.run(GraphState.BUMP).consume();
			});
		}
		log.info("Finished the imported graph (the seed on top, empty aliases, the audit) in {} ms",
				BulkImport.millis(started));
		return new ImportReport(Outcome.WRITTEN, report.files(), report.read(), report.accepted(), report.created(), 0,
				0, 0, List.of(), BulkImport.millis(imported.started()), report.importId());
	}

}
