package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import io.chainlens.seed.SeedDataSet.Row;
import io.chainlens.seed.SeedInvalid.Problem;
import io.chainlens.seed.SeedSchema.FileType;
import io.chainlens.seed.SeedSchema.Kind;

/**
 * Adds a folder of CSV files in the seed format to the graph, row by row: each row is
 * checked against what the graph and the rows before it hold, accepted rows are written
 * in batches (one transaction each, merging on ids, so importing twice creates nothing
 * new), and a refused row is reported with its file, line and reason without stopping the
 * import. Unlike the seed, a bulk import is not all-or-nothing: a register of 200,000
 * companies should not fail for one bad line.
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

	public ImportReport run(Path dir, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
		}
		long started = System.nanoTime();
		List<Path> files = csvFiles(dir);
		List<Problem> rejections = new ArrayList<>();
		Counts counts = new Counts();
		List<Problem> rowProblems = new ArrayList<>();
		GraphKnown known = new GraphKnown();
		SeedDataSet.Validation validation = new SeedDataSet.Validation(rowProblems, known);
		MakersToRecount makers = new MakersToRecount();
		try (BatchWriter writer = new BatchWriter()) {
			for (FileType type : SeedSchema.FILES) {
				for (Path file : files) {
					if (file.getFileName().toString().equals(type.name())) {
						importFile(dir, file, type, batchSize, validation, known, rowProblems, rejections, counts,
								writer, makers);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// the batches committed before the failure stay, and so must their counts
			try {
				makers.recount();
			}
			catch (RuntimeException again) {
				ex.addSuppressed(again);
			}
			throw ex;
		}
		makers.recount();
		files.stream()
			.filter(f -> !SeedSchema.BY_NAME.containsKey(f.getFileName().toString()))
			.forEach(f -> rejections.add(new Problem(name(dir, f), 0, null,
					"unknown file type; expected one of " + SeedSchema.FILES.stream().map(FileType::name).toList())));
		return new ImportReport(files.size(), counts.read, counts.created, counts.updated, counts.rejected,
				List.copyOf(rejections), (System.nanoTime() - started) / 1_000_000);
	}

	private static List<Path> csvFiles(Path dir) {
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

	private static final class Counts {

		long read;

		long created;

		long updated;

		long rejected;

	}

	private void importFile(Path dir, Path file, FileType type, int batchSize, SeedDataSet.Validation validation,
			GraphKnown known, List<Problem> rowProblems, List<Problem> rejections, Counts counts, BatchWriter writer,
			MakersToRecount makers) {
		String name = name(dir, file);
		long started = System.nanoTime();
		Kind newness = cypher.creates(type) ? newness(type) : null;
		if (newness != null) {
			// read before the first row of this kind is written, so that it says what the
			// graph held before the import
			known.exists(newness, "");
		}
		List<Row> batch = new ArrayList<>(batchSize);
		List<Row> fresh = new ArrayList<>(batchSize);
		long[] read = { 0 };
		List<Problem> problems = new ArrayList<>();
		SeedDataSet.parse(name, new FileSystemResource(file), problems, row -> {
			read[0]++;
			// a row with a bad cell was reported by the parser already
			boolean accepted = row.invalid().isEmpty() && validation.accept(row);
			rejections.addAll(rowProblems);
			rowProblems.clear();
			if (!accepted) {
				counts.rejected++;
				return;
			}
			boolean isNew = newness != null && !known.exists(newness, row.text(newnessKey(type)));
			List<Row> rows = isNew ? fresh : batch;
			rows.add(row);
			makers.note(row);
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
		writer.finish(rejections, counts);
		// problems of the file as a whole (header, unknown columns) and of single cells
		rejections.addAll(problems);
		rejections.sort(Comparator.comparing(Problem::file).thenComparingLong(Problem::line));
		counts.read += read[0];
		log.info("{}: {} rows read in {} ms", name, read[0], (System.nanoTime() - started) / 1_000_000);
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

		private final List<Problem> rejections = new ArrayList<>();

		private final Counts counts = new Counts();

		private Future<?> pending;

		void submit(FileType type, List<Row> batch, boolean isNew) {
			await();
			pending = thread.submit(() -> write(type, batch, isNew, rejections, counts));
		}

		/**
		 * Waits for the batches given so far and adds what they did to the import's
		 * totals.
		 */
		void finish(List<Problem> allRejections, Counts allCounts) {
			await();
			allRejections.addAll(rejections);
			rejections.clear();
			allCounts.created += counts.created;
			allCounts.updated += counts.updated;
			allCounts.rejected += counts.rejected;
			counts.created = 0;
			counts.updated = 0;
			counts.rejected = 0;
		}

		private void await() {
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
	 * during the import) is updated rather than refused.
	 */
	private void write(FileType type, List<Row> batch, boolean isNew, List<Problem> rejections, Counts counts) {
		List<Map<String, Object>> values = batch.stream().map(Row::values).toList();
		try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
			long created = isNew ? cypher.create(tx, type, values) : cypher.write(tx, type, values);
			// each committed batch is a change the analysis must not serve from its cache
			tx.run(GraphState.BUMP).consume();
			tx.commit();
			counts.created += created;
			counts.updated += batch.size() - created;
		}
		catch (Neo4jException ex) {
			if (batch.size() == 1 && !isNew) {
				Row row = batch.get(0);
				rejections
					.add(new Problem(row.file(), row.line(), null, "the database refused it: " + ex.getMessage()));
				counts.rejected++;
				return;
			}
			batch.forEach(row -> write(type, List.of(row), false, rejections, counts));
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
