package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.chainlens.seed.SeedDataSet.Row;
import io.chainlens.seed.SeedSchema.Kind;

/**
 * The checked rows as the node and relationship files of Neo4j's offline importer: one
 * file per label or relationship type, each with a header of ids, typed properties and
 * references, written as {@code cypher/import/} and {@code cypher/seed/} would write the
 * same rows (the same property names, the same defaults, no property for an empty cell).
 * Each label is its own id space, as each label has its own unique id.
 *
 * <p>
 * The rows are written on a thread of their own, in batches, while the caller reads and
 * checks the next ones: the checks use one core and writing the files took a third of
 * their time at LARGE (bench/results/).
 */
final class ImporterFiles implements AutoCloseable {

	/** The file types the offline first load writes, in the order it checks them. */
	static final Set<String> TYPES = Set.of("regions.csv", "products.csv", "feeds.csv", "companies.csv", "sites.csv",
			"capacities.csv");

	/** Between the items of a list property (a file's own lists are split at '|'). */
	static final String ARRAY_DELIMITER = "|";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	/** A file of the importer: what it holds, its header, and its printer once opened. */
	private record Output(String file, boolean nodes, String name, List<String> header) {
	}

	private final Path dir;

	private final Map<String, CSVPrinter> printers = new LinkedHashMap<>();

	private final Map<String, Output> outputs = new LinkedHashMap<>();

	/** The unit of every product the rows may name (MAKES.unit is its product's). */
	private final Map<String, String> units = new HashMap<>();

	private final SeedKnown seed;

	private boolean multiline;

	private long nodes;

	private long relationships;

	/** Rows per batch handed to the writing thread. */
	private static final int BATCH = 2048;

	/** Batches written in turn; an empty one ends the rows. */
	private final BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(8);

	private List<Row> batch = new ArrayList<>(BATCH);

	private final Thread writing;

	/** Why writing stopped, when it failed. */
	private volatile RuntimeException failure;

	private boolean rowsEnded;

	private boolean failureReported;

	ImporterFiles(Path dir, SeedKnown seed) {
		this.dir = dir;
		this.seed = seed;
		this.writing = new Thread(this::writeBatches, "offline-import-files");
		this.writing.setDaemon(true);
		node("Region", "id:ID(Region)", "nameZh", "name", "level", "source");
		node("Product", "id:ID(Product)", "nameZh", "name", "unit", "source", "note");
		node("Company", "id:ID(Company)", "nameZh", "name", "aliases:string[]", "source", "note");
		node("Site", "id:ID(Site)", "nameZh", "source", "note");
		for (Kind kind : SeedKnown.REFERRED) {
			outputs.put("seed-" + kind.label,
					new Output("seed-" + kind.label + ".csv", true, kind.label, List.of("id:ID(" + kind.label + ")")));
		}
		relationship("PART_OF", "Region", "Region");
		relationship("HAS_PRODUCT", "Segment", "Product");
		relationship("FEEDS", "Product", "Product", "perUnit:double", "basis", "writtenAs", "source", "note");
		relationship("HEADQUARTERED_IN", "Company", "Region");
		relationship("HAS_SITE", "Company", "Site");
		relationship("IN_REGION", "Site", "Region");
		relationship("MAKES", "Site", "Product", "status", "capacity:double", "unit", "writtenAs", "conversion",
				"year:long", "projectId", "source", "note");
		this.writing.start();
	}

	private void node(String label, String... header) {
		outputs.put(label, new Output(label + ".csv", true, label, List.of(header)));
	}

	private void relationship(String type, String from, String to, String... properties) {
		List<String> header = new ArrayList<>(List.of(":START_ID(" + from + ")", ":END_ID(" + to + ")"));
		header.addAll(List.of(properties));
		outputs.put(type, new Output(type + ".csv", false, type, header));
	}

	/**
	 * Writes one row the checks accepted (on the writing thread, in the order given).
	 * @throws UncheckedIOException when writing failed
	 */
	void write(Row row) {
		if (rowsEnded) {
			throw new IllegalStateException("The rows have ended");
		}
		failedOrNot();
		batch.add(row);
		if (batch.size() == BATCH) {
			hand(batch);
			batch = new ArrayList<>(BATCH);
		}
	}

	private void hand(List<Row> rows) {
		try {
			while (!batches.offer(rows, 100, TimeUnit.MILLISECONDS)) {
				if (!writing.isAlive()) {
					failedOrNot();
					throw new IllegalStateException("The importer's files stopped being written");
				}
			}
		}
		catch (InterruptedException ex) {
			// no file is touched after this returns: close() may close them
			writing.interrupt();
			joinWriting();
			// the writing thread's own failure is this interrupt, which the caller is
			// told
			failureReported = true;
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the importer's files", ex);
		}
	}

	private void writeBatches() {
		try {
			while (true) {
				List<Row> rows = batches.take();
				if (rows.isEmpty()) {
					return;
				}
				if (failure == null) {
					try {
						rows.forEach(this::writeNow);
					}
					catch (RuntimeException | Error ex) {
						// the caller sees it at its next row or at the end; the batches
						// still handed are taken so that it never waits on a full queue
						failure = (ex instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException("Writing the importer's files failed", ex);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			if (failure == null) {
				failure = new IllegalStateException("Writing the importer's files was interrupted", ex);
			}
		}
	}

	/** Waits until every row handed has been written, or writing stopped. */
	private void endRows() {
		if (rowsEnded) {
			return;
		}
		rowsEnded = true;
		try {
			if (!batch.isEmpty()) {
				hand(batch);
			}
			hand(List.of());
		}
		finally {
			joinWriting();
		}
		failedOrNot();
	}

	/** Waits for the writing thread to end, keeping an interrupt for the caller. */
	private void joinWriting() {
		boolean interrupted = false;
		while (writing.isAlive()) {
			try {
				writing.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Throws why writing failed, once: close() after a failed write adds nothing. */
	private void failedOrNot() {
		RuntimeException failed = failure;
		if (failed != null && !failureReported) {
			failureReported = true;
			throw failed;
		}
	}

	private void writeNow(Row row) {
		Map<String, Object> v = row.values();
		switch (row.type().name()) {
			case "regions.csv" -> {
				print("Region", v.get("id"), v.get("name_zh"), or(v.get("name_en"), v.get("name_zh")), v.get("level"),
						v.get("source"));
				if (v.get("parent_id") != null) {
					print("PART_OF", v.get("id"), v.get("parent_id"));
				}
			}
			case "products.csv" -> {
				units.put((String) v.get("id"), (String) v.get("unit"));
				print("Product", v.get("id"), v.get("name_zh"), v.get("name_en"), v.get("unit"), v.get("source"),
						v.get("note"));
				print("HAS_PRODUCT", v.get("segment_id"), v.get("id"));
			}
			case "feeds.csv" -> print("FEEDS", v.get("input_id"), v.get("output_id"), v.get("per_unit"),
					or(v.get("basis"), "FLOW"), v.get("written_as"), v.get("source"), v.get("note"));
			case "companies.csv" -> {
				print("Company", v.get("id"), v.get("name_zh"), v.get("name_en"), aliases(row.list("aliases")),
						v.get("source"), v.get("note"));
				if (v.get("hq_region_id") != null) {
					print("HEADQUARTERED_IN", v.get("id"), v.get("hq_region_id"));
				}
			}
			case "sites.csv" -> {
				print("Site", v.get("id"), v.get("name_zh"), v.get("source"), v.get("note"));
				print("HAS_SITE", v.get("company_id"), v.get("id"));
				print("IN_REGION", v.get("id"), v.get("region_id"));
			}
			case "capacities.csv" -> print("MAKES", v.get("site_id"), v.get("product_id"), v.get("status"),
					v.get("capacity"), unitOf((String) v.get("product_id")), v.get("written_as"), v.get("conversion"),
					v.get("year"), v.get("project_id"), v.get("source"), v.get("note"));
			default -> throw new IllegalArgumentException(row.type().name() + " is not written offline");
		}
	}

	/**
	 * The seed's entities of the kinds the rows refer to, by id alone: the importer links
	 * to them, and the seed load after the import (which merges on ids) gives them their
	 * properties and links.
	 */
	void writeSeedIds() {
		endRows();
		for (Kind kind : SeedKnown.REFERRED) {
			for (String id : seed.ids(kind)) {
				print("seed-" + kind.label, id);
			}
		}
	}

	private String unitOf(String productId) {
		String unit = units.get(productId);
		return unit != null ? unit : seed.unit(productId).orElseThrow();
	}

	private static Object or(Object value, Object otherwise) {
		return value != null ? value : otherwise;
	}

	/**
	 * A company's aliases; none is an empty list in the graph, which the importer cannot
	 * write (an empty cell is no property), so {@link OfflineImport} sets it after.
	 */
	private static String aliases(List<String> aliases) {
		return aliases.isEmpty() ? null : String.join(ARRAY_DELIMITER, aliases);
	}

	private void print(String output, Object... values) {
		try {
			CSVPrinter printer = printers.get(output);
			if (printer == null) {
				Output file = outputs.get(output);
				Writer writer = Files.newBufferedWriter(dir.resolve(file.file()), StandardCharsets.UTF_8);
				printer = new CSVPrinter(writer, FORMAT);
				printer.printRecord(file.header());
				printers.put(output, printer);
			}
			for (Object value : values) {
				if (value instanceof String text && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
					multiline = true;
				}
			}
			printer.printRecord(values);
			if (outputs.get(output).nodes()) {
				nodes++;
			}
			else {
				relationships++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the importer's files in " + dir, ex);
		}
	}

	/**
	 * The importer's arguments for the files written: {@code --nodes=Label=file} and
	 * {@code --relationships=TYPE=file} for each.
	 */
	List<String> arguments() {
		endRows();
		List<String> arguments = new ArrayList<>();
		for (String name : printers.keySet()) {
			Output file = outputs.get(name);
			arguments
				.add((file.nodes() ? "--nodes=" : "--relationships=") + file.name() + "=" + dir.resolve(file.file()));
		}
		arguments.add("--array-delimiter=" + ARRAY_DELIMITER);
		// a cell that spans lines stops the importer from reading a file in parallel, so
		// it is asked for only when one does
		arguments.add("--multiline-fields=" + multiline);
		return arguments;
	}

	long nodes() {
		endRows();
		return nodes;
	}

	long relationships() {
		endRows();
		return relationships;
	}

	@Override
	public void close() {
		RuntimeException unwritten = null;
		try {
			endRows();
		}
		catch (RuntimeException ex) {
			unwritten = ex;
		}
		IOException failed = null;
		for (CSVPrinter printer : printers.values()) {
			try {
				printer.close();
			}
			catch (IOException ex) {
				failed = ex;
			}
		}
		if (unwritten != null) {
			throw unwritten;
		}
		if (failed != null) {
			throw new UncheckedIOException("Cannot write the importer's files in " + dir, failed);
		}
	}

}
