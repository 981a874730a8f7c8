package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;
import io.chainlens.seed.ImportReport.Outcome;
import io.chainlens.seed.SeedDataSet.Row;
import io.chainlens.seed.SeedInvalid.Problem;
import io.chainlens.seed.SeedSchema.FileType;
import io.chainlens.seed.SeedSchema.Kind;

/**
 * Adds a folder of CSV files in the seed format to the graph, in two passes. The check
 * reads every row of every file (record by record, so a file of any size, with broken
 * lines, costs bounded memory), checks it against what the graph holds and the rows
 * accepted before it, and writes nothing. Only then are rows written: all of them when
 * every row was accepted; none when one was refused, unless
 * {@code chainlens.import.partial=true} asks for the accepted ones. The write reads the
 * files again and writes the accepted rows in batches (one transaction each, merging on
 * ids), so an import that stops while writing (a crash, a full disk) is finished by
 * running it again: what it wrote is merged, not duplicated. Every refused row is
 * reported with its file, line and reason; the audit trail records the import and every
 * existing thing it changed ({@link ImportAudit}).
 */
@Component
public class BulkImport {

	private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

	private final Driver driver;

	private final SeedCypher cypher;

	BulkImport(Driver driver, SeedCypher cypher) {
		this.driver = driver;
		this.cypher = cypher;
	}

	/** An all-or-nothing import in batches of {@code batchSize}. */
	public ImportReport run(Path dir, int batchSize) {
		return run(dir, ImportOptions.allOrNothing(batchSize));
	}

	/**
	 * Imports the folder.
	 * @throws ImportStopped when it stops before its end, with the report of what it
	 * wrote
	 * @throws IllegalArgumentException when {@code dir} is not a folder
	 */
	public ImportReport run(Path dir, ImportOptions options) {
		long started = System.nanoTime();
		List<Path> files = csvFiles(dir);
		Checked checked;
		try {
			checked = check(dir, files, options);
		}
		catch (RuntimeException ex) {
			ImportReport nothing = new ImportReport(Outcome.STOPPED, files.size(), 0, 0, 0, 0, 0, 0,
					List.of(stopped(ex)), millis(started), null);
			throw new ImportStopped("The import stopped while checking, before writing anything: " + ex.getMessage(),
					nothing, ex);
		}
		log.info("Checked {} rows in {} ms: {} accepted, {} refused", checked.read, millis(started), checked.accepted,
				checked.read - checked.accepted);
		boolean refused = !checked.problems.isEmpty();
		if (checked.accepted == 0 || (refused && !options.partial())) {
			return new ImportReport(refused ? Outcome.REFUSED : Outcome.WRITTEN, files.size(), checked.read,
					checked.accepted, 0, 0, 0, checked.read - checked.accepted, checked.problems, millis(started),
					null);
		}
		Written written = new Written(UUID.randomUUID().toString(), options.user());
		Map<String, Object> plan = plan(checked, options);
		try {
			try (Session session = driver.session()) {
				session.executeWriteWithoutResult(
						tx -> ImportAudit.recordImport(tx, written.importId, written.user, null, plan, source(dir)));
			}
			write(dir, checked, options, written);
		}
		catch (RuntimeException ex) {
			List<Problem> problems = new ArrayList<>(checked.problems);
			problems.add(stopped(ex));
			ImportReport report = report(Outcome.STOPPED, files, checked, written, problems, started);
			finish(written, plan, report, dir, ex);
			throw new ImportStopped("The import stopped while writing: " + ex.getMessage()
					+ "; the rows written before stay, and running it again finishes it", report, ex);
		}
		List<Problem> problems = new ArrayList<>(checked.problems);
		problems.addAll(written.refused);
		problems.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
		Outcome outcome = problems.isEmpty() ? Outcome.WRITTEN : Outcome.PARTIAL;
		ImportReport report = report(outcome, files, checked, written, problems, started);
		finish(written, plan, report, dir, null);
		return report;
	}

	private static ImportReport report(Outcome outcome, List<Path> files, Checked checked, Written written,
			List<Problem> problems, long started) {
		return new ImportReport(outcome, files.size(), checked.read, checked.accepted, written.created, written.updated,
				written.overwritten, checked.read - checked.accepted + written.refused.size(), problems,
				millis(started), written.importId);
	}

	static Problem stopped(RuntimeException ex) {
		return new Problem("", 0, null, "the import stopped: " + ex.getMessage());
	}

	static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/**
	 * The folder's name, not its path: the audit trail is no place for the machine's
	 * paths.
	 */
	static String source(Path dir) {
		Path name = dir.toAbsolutePath().normalize().getFileName();
		return "bulk import of the folder " + (name == null ? "/" : name.toString());
	}

	private static Map<String, Object> plan(Checked checked, ImportOptions options) {
		Map<String, Object> plan = new TreeMap<>();
		plan.put("status", "writing");
		plan.put("files", checked.files.stream().map(f -> f.name).toList());
		plan.put("rowsRead", checked.read);
		plan.put("rowsToWrite", checked.accepted);
		plan.put("rowsRefused", checked.read - checked.accepted);
		plan.put("partial", options.partial());
		return plan;
	}

	/**
	 * Counts the makers again and records the end of the import: both also when it
	 * stopped, for the batches it committed.
	 */
	private void finish(Written written, Map<String, Object> plan, ImportReport report, Path dir,
			RuntimeException failure) {
		try {
			written.makers.recount();
			Map<String, Object> end = new TreeMap<>(plan);
			end.put("status", report.outcome().name());
			end.put("created", report.created());
			end.put("updated", report.updated());
			end.put("overwritten", report.overwritten());
			end.put("refusedWhileWriting", written.refused.size());
			if (failure != null) {
				end.put("stoppedBecause", String.valueOf(failure.getMessage()));
			}
			try (Session session = driver.session()) {
				session.executeWriteWithoutResult(tx -> {
					ImportAudit.recordImport(tx, written.importId, written.user, plan, end, source(dir));
					tx.run(GraphState.BUMP).consume();
				});
			}
		}
		catch (RuntimeException again) {
			if (failure == null) {
				throw again;
			}
			failure.addSuppressed(again);
		}
	}

	static List<Path> csvFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new IllegalArgumentException("Not a folder: " + dir.toAbsolutePath());
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.toString().endsWith(".csv"))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path dir, Path file) {
		return dir.relativize(file).toString().replace('\\', '/');
	}

	/** A file as the check found it, to read again for the write. */
	static final class CheckedFile {

		final Path path;

		final String name;

		final FileType type;

		final long size;

		final FileTime modified;

		/** The lines of the rows the check refused. */
		final Set<Long> refused = new HashSet<>();

		CheckedFile(Path dir, Path path, FileType type) {
			this.path = path;
			this.name = name(dir, path);
			this.type = type;
			try {
				this.size = Files.size(path);
				this.modified = Files.getLastModifiedTime(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + name, ex);
			}
		}

		boolean unchanged() {
			try {
				return Files.size(path) == size && Files.getLastModifiedTime(path).equals(modified);
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

	/** What the check found. */
	static final class Checked {

		final List<CheckedFile> files = new ArrayList<>();

		final List<Problem> problems = new ArrayList<>();

		final SeedDataSet.Known known;

		long read;

		long accepted;

		Checked(SeedDataSet.Known known) {
			this.known = known;
		}

	}

	/**
	 * Reads and checks every row of every file in dependency order, writing nothing. The
	 * ids the graph holds are read before (and so stay what the graph held before the
	 * import): the write pass uses them to tell new rows from existing ones.
	 */
	private Checked check(Path dir, List<Path> files, ImportOptions options) {
		GraphKnown known = new GraphKnown();
		return check(dir, files, options, known, type -> {
			if (cypher.creates(type)) {
				known.exists(newness(type), "");
			}
		}, (row, problems) -> true);
	}

	/**
	 * What a row the checks accepted is handed to: it may refuse it still, adding its
	 * problem, or take it (the offline first load writes it out).
	 */
	@FunctionalInterface
	interface Accepted {

		boolean take(Row row, List<Problem> problems);

	}

	/**
	 * The check of every row of every file in dependency order against {@code known} and
	 * the rows accepted before it, writing nothing to the graph; each file's type is
	 * announced to {@code starting} before its rows, and each accepted row is handed to
	 * {@code accepted}. Shared by the online import and the offline first load
	 * ({@link OfflineImport}), so both accept and refuse the same rows for the same
	 * reasons.
	 */
	static Checked check(Path dir, List<Path> files, ImportOptions options, SeedDataSet.Known known,
			Consumer<FileType> starting, Accepted accepted) {
		Checked checked = new Checked(known);
		List<Problem> rowProblems = new ArrayList<>();
		SeedDataSet.Validation validation = new SeedDataSet.Validation(rowProblems, checked.known);
		for (FileType type : SeedSchema.FILES) {
			for (Path path : files) {
				if (!path.getFileName().toString().equals(type.name())) {
					continue;
				}
				CheckedFile file = new CheckedFile(dir, path, type);
				checked.files.add(file);
				starting.accept(type);
				long started = System.nanoTime();
				long[] read = { 0 };
				SeedDataSet.parse(file.name, new FileSystemResource(path), options.maxLineLength(), checked.problems,
						row -> {
							read[0]++;
							// a row with a bad cell was reported by the parser already
							if (row.readable() && validation.accept(row) && accepted.take(row, rowProblems)) {
								checked.accepted++;
							}
							else {
								file.refused.add(row.line());
							}
							checked.problems.addAll(rowProblems);
							rowProblems.clear();
						});
				checked.read += read[0];
				log.info("{}: {} rows checked in {} ms", file.name, read[0], millis(started));
			}
		}
		files.stream()
			.filter(f -> !SeedSchema.BY_NAME.containsKey(f.getFileName().toString()))
			.forEach(f -> checked.problems.add(new Problem(name(dir, f), 0, null,
					"unknown file type; expected one of " + SeedSchema.FILES.stream().map(FileType::name).toList())));
		checked.problems.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
		return checked;
	}

	/** What the write pass did so far. */
	private final class Written {

		final String importId;

		final String user;

		final MakersToRecount makers = new MakersToRecount();

		final List<Problem> refused = new ArrayList<>();

		long created;

		long updated;

		long overwritten;

		Written(String importId, String user) {
			this.importId = importId;
			this.user = user;
		}

	}

	/**
	 * Reads the files again and writes the rows the check accepted. The rows are checked
	 * again, by the same checks against the same ids, so that each gets the values the
	 * check gave it (units converted, references resolved); a row whose verdict differs
	 * means the file changed since it was checked, and the import stops.
	 */
	private void write(Path dir, Checked checked, ImportOptions options, Written written) {
		for (CheckedFile file : checked.files) {
			if (!file.unchanged()) {
				throw new IllegalStateException(file.name + " changed after it was checked");
			}
		}
		List<Problem> ignored = new ArrayList<>();
		SeedDataSet.Validation validation = new SeedDataSet.Validation(ignored, checked.known);
		try (BatchWriter writer = new BatchWriter(written)) {
			for (CheckedFile file : checked.files) {
				writeFile(file, options, validation, checked.known, ignored, writer, written);
			}
		}
	}

	private void writeFile(CheckedFile file, ImportOptions options, SeedDataSet.Validation validation,
			SeedDataSet.Known known, List<Problem> ignored, BatchWriter writer, Written written) {
		FileType type = file.type;
		String name = file.name;
		long started = System.nanoTime();
		Kind newness = cypher.creates(type) ? newness(type) : null;
		int batchSize = options.batchSize();
		List<Row> batch = new ArrayList<>(batchSize);
		List<Row> fresh = new ArrayList<>(batchSize);
		long[] read = { 0 };
		SeedDataSet.parse(name, new FileSystemResource(file.path), options.maxLineLength(), ignored, row -> {
			read[0]++;
			boolean accepted = row.readable() && validation.accept(row);
			ignored.clear();
			if (accepted == file.refused.contains(row.line())) {
				throw new IllegalStateException(name + " changed after it was checked (line " + row.line() + ")");
			}
			if (!accepted) {
				return;
			}
			boolean isNew = newness != null && !known.exists(newness, row.text(newnessKey(type)));
			List<Row> rows = isNew ? fresh : batch;
			rows.add(row);
			written.makers.note(row);
			if (rows.size() == batchSize) {
				writer.submit(type, List.copyOf(rows), isNew);
				rows.clear();
				log.info("{}: {} rows read ({} rows/s)", name, read[0], rate(read[0], started));
			}
		});
		if (!batch.isEmpty()) {
			writer.submit(type, List.copyOf(batch), false);
		}
		if (!fresh.isEmpty()) {
			writer.submit(type, List.copyOf(fresh), true);
		}
		writer.await();
		log.info("{}: {} rows read and written in {} ms", name, read[0], millis(started));
	}

	/**
	 * The kind whose ids, when the graph did not hold them before the import, make a row
	 * of this type new: its entity, or for a capacity line its site (a site new to the
	 * graph has no capacity lines yet, and the import refuses the same line twice).
	 */
	private static Kind newness(FileType type) {
		return type.defines() != null ? type.defines() : Kind.SITE;
	}

	private static String newnessKey(FileType type) {
		return type.defines() != null ? type.key() : "site_id";
	}

	private static long rate(long rows, long started) {
		long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
		return rows * 1000 / millis;
	}

	/**
	 * Writes batches on a thread of its own, in the order they are given, while the next
	 * batch is read and checked: on two cores, reading and writing overlap. One batch is
	 * written while at most one more waits, so memory stays bounded; a batch is written
	 * only after the ones before it are committed, so rows may refer to rows of earlier
	 * batches and files.
	 */
	private final class BatchWriter implements AutoCloseable {

		private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "chainlens-import-writer");
			t.setDaemon(true);
			return t;
		});

		private final Written written;

		private Future<?> pending;

		BatchWriter(Written written) {
			this.written = written;
		}

		void submit(FileType type, List<Row> batch, boolean isNew) {
			await();
			pending = thread.submit(() -> BulkImport.this.write(type, batch, isNew, written));
		}

		/** Waits for the batches given so far. */
		void await() {
			if (pending == null) {
				return;
			}
			try {
				pending.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("The import was interrupted", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
			finally {
				pending = null;
			}
		}

		@Override
		public void close() {
			thread.shutdownNow();
		}

	}

	/**
	 * One transaction per batch; a batch the database refuses is retried row by row to
	 * find the culprit. Rows known to be new are created rather than merged; retried one
	 * by one they are merged, so a row that exists after all (written by someone else
	 * during the import) is updated rather than refused. Rows merged into what exists are
	 * read before and after, in the same transaction, and each thing whose values changed
	 * is recorded in the audit trail with that transaction.
	 */
	private void write(FileType type, List<Row> batch, boolean isNew, Written written) {
		List<Map<String, Object>> values = batch.stream().map(Row::values).toList();
		try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
			long created;
			List<ImportAudit.Overwritten> overwritten = List.of();
			if (isNew) {
				created = cypher.create(tx, type, values);
			}
			else {
				ImportAudit.State before = ImportAudit.snapshot(tx, type, values);
				created = cypher.write(tx, type, values);
				ImportAudit.State after = before.values().isEmpty() ? ImportAudit.State.NONE
						: ImportAudit.snapshot(tx, type, values);
				overwritten = ImportAudit.overwritten(type, before, after);
				ImportAudit.record(tx, written.importId, written.user, overwritten);
			}
			// each committed batch is a change the analysis must not serve from its cache
			tx.run(GraphState.BUMP).consume();
			tx.commit();
			written.created += created;
			written.updated += batch.size() - created;
			written.overwritten += overwritten.size();
		}
		catch (Neo4jException ex) {
			if (batch.size() == 1 && !isNew) {
				Row row = batch.get(0);
				written.refused
					.add(new Problem(row.file(), row.line(), null, "the database refused it: " + ex.getMessage()));
				return;
			}
			batch.forEach(row -> write(type, List.of(row), false, written));
		}
	}

	/**
	 * Products whose number of makers ({@code Product.makers}) the import may have
	 * changed: those of the capacity lines it wrote and those made at the sites it wrote
	 * (a site row may link a site to a company). Counted once, at the end, in one
	 * statement: counting per batch would count the same products again for every batch.
	 */
	private final class MakersToRecount {

		private final Set<String> productIds = new HashSet<>();

		private final Set<String> siteIds = new HashSet<>();

		void note(Row row) {
			switch (row.type().name()) {
				case "capacities.csv" -> productIds.add((String) row.values().get("product_id"));
				case "sites.csv" -> siteIds.add((String) row.values().get("id"));
				default -> {
				}
			}
		}

		void recount() {
			if (productIds.isEmpty() && siteIds.isEmpty()) {
				return;
			}
			long started = System.nanoTime();
			try (Session session = driver.session()) {
				long products = session.executeWrite(tx -> {
					long counted = tx
						.run(GraphState.RECOUNT_MAKERS,
								Map.of("productIds", List.copyOf(productIds), "siteIds", List.copyOf(siteIds)))
						.single()
						.get("products")
						.asLong();
					tx.run(GraphState.BUMP).consume();
					return counted;
				});
				log.info("Recounted the makers of {} products in {} ms", products,
						(System.nanoTime() - started) / 1_000_000);
			}
		}

	}

	/** Ids already in the graph, read once per kind when first needed. */
	private final class GraphKnown implements SeedDataSet.Known {

		private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);

		private Map<String, String> units;

		@Override
		public boolean exists(Kind kind, String id) {
			return ids.computeIfAbsent(kind, this::load).contains(id);
		}

		@Override
		public Optional<String> unit(String productId) {
			if (units == null) {
				units = new HashMap<>();
				try (Session session = driver.session()) {
					session.executeRead(tx -> tx.run("MATCH (p:Product) RETURN p.id AS id, p.unit AS unit").list())
						.forEach(r -> units.put(r.get("id").asString(), r.get("unit").asString()));
				}
			}
			return Optional.ofNullable(units.get(productId));
		}

		/**
		 * A project of the graph; which of its products its capacity is of is not stored,
		 * so a lead made from it proposes its products of unknown capacity.
		 */
		@Override
		public Optional<SeedDataSet.ProjectFacts> project(String projectId) {
			try (Session session = driver.session()) {
				return session
					.executeRead(
							tx -> tx
								.run("""
										MATCH (pr:Project {id: $id})
										RETURN pr.status AS status,
										       COLLECT { MATCH (pr)-[:BY {position: 0}]->(c) RETURN c.id }[0] AS developerId,
										       COLLECT { MATCH (pr)-[:IN_REGION]->(r) RETURN r.id }[0] AS regionId,
										       EXISTS { MATCH ()-[:MAKES {projectId: pr.id}]->() } AS hasLines""",
										Map.of("id", projectId))
								.list())
					.stream()
					.findFirst()
					.map(r -> new SeedDataSet.ProjectFacts(r.get("status").asString(null),
							r.get("developerId").asString(null), r.get("regionId").asString(null), null,
							r.get("hasLines").asBoolean()));
			}
		}

		private Map<String, Map<String, SeedDataSet.Conversion>> conversions;

		@Override
		public Map<String, SeedDataSet.Conversion> conversions(String productId) {
			if (conversions == null) {
				conversions = new HashMap<>();
				try (Session session = driver.session()) {
					session.executeRead(tx -> tx.run("""
							MATCH (c:Conversion) RETURN c.productId AS productId, c.fromUnit AS fromUnit,
							       c.toUnit AS toUnit, c.factor AS factor, c.source AS source""").list())
						.forEach(r -> conversions.computeIfAbsent(r.get("productId").asString(), k -> new HashMap<>())
							.put(r.get("fromUnit").asString(),
									new SeedDataSet.Conversion(r.get("productId").asString(),
											r.get("fromUnit").asString(), r.get("toUnit").asString(),
											r.get("factor").asDouble(), r.get("source").asString())));
				}
			}
			return conversions.getOrDefault(productId, Map.of());
		}

		private Set<String> load(Kind kind) {
			Set<String> result = new HashSet<>();
			try (Session session = driver.session()) {
				session.executeRead(tx -> tx.run("MATCH (n:%s) RETURN n.id AS id".formatted(kind.label)).list())
					.forEach(r -> result.add(r.get("id").asString()));
			}
			return result;
		}

	}

}
