package io.chainlens.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.core.io.Resource;

import io.chainlens.seed.SeedInvalid.Problem;
import io.chainlens.seed.SeedSchema.Column;
import io.chainlens.seed.SeedSchema.FileType;
import io.chainlens.seed.SeedSchema.Kind;

/**
 * A seed data set read from CSV files and validated as a whole: every row typed, every id
 * defined once, every reference resolved, every quantity converted to its product's
 * canonical unit. Only a data set without problems can be built; the rows are then ready
 * to write.
 */
public final class SeedDataSet {

	static final int MAX_TEXT = Formats.MAX_TEXT;

	/**
	 * A row as read, with where it came from.
	 *
	 * @param invalid the columns whose cells were refused (each with its problem)
	 * @param broken whether the row as a whole could not be read (its problem added): it
	 * has no values
	 */
	record Row(FileType type, String file, long line, Map<String, Object> values, Set<String> invalid, boolean broken) {

		static Row broken(FileType type, String file, long line) {
			return new Row(type, file, line, Map.of(), Set.of(), true);
		}

		/** Whether its cells are all readable and valid, so it may be cross-checked. */
		boolean readable() {
			return !broken && invalid.isEmpty();
		}

		String text(String column) {
			return (String) values.get(column);
		}

		Double number(String column) {
			return (Double) values.get(column);
		}

		@SuppressWarnings("unchecked")
		List<String> list(String column) {
			Object value = values.get(column);
			return value == null ? List.of() : (List<String>) value;
		}

	}

	private final Map<FileType, List<Map<String, Object>>> rows;

	private final int rowCount;

	private SeedDataSet(Map<FileType, List<Map<String, Object>>> rows) {
		this.rows = rows;
		this.rowCount = rows.values().stream().mapToInt(List::size).sum();
	}

	/** The rows of each file type, in write order, as maps keyed by column name. */
	Map<FileType, List<Map<String, Object>>> rows() {
		return rows;
	}

	public int rowCount() {
		return rowCount;
	}

	/**
	 * Reads and validates the given files.
	 * @param files CSV files, each with a display name (its path below the data set's
	 * root)
	 * @throws SeedInvalid listing every problem found, with file, line and column
	 */
	public static SeedDataSet read(Map<String, Resource> files) {
		List<Problem> problems = new ArrayList<>();
		List<Row> all = new ArrayList<>();
		files.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> parse(e.getKey(), e.getValue(), problems, row -> {
				// a row that cannot be read has its problem already; cross-checks of its
				// missing values would only repeat it
				if (!row.broken()) {
					all.add(row);
				}
			}));
		new Validation(problems, Known.NOTHING).run(all);
		if (!problems.isEmpty()) {
			throw new SeedInvalid(problems);
		}
		Map<FileType, List<Map<String, Object>>> byType = new LinkedHashMap<>();
		SeedSchema.FILES.forEach(t -> byType.put(t, new ArrayList<>()));
		all.forEach(r -> byType.get(r.type()).add(r.values()));
		return new SeedDataSet(byType);
	}

	/**
	 * The longest record (line) a CSV file may hold, in characters, unless configured
	 * otherwise: far above a row of the seed format at its bounds (16 cells of at most
	 * {@link Formats#MAX_TEXT} characters), far below what would strain the heap.
	 */
	static final int MAX_LINE = 100_000;

	/**
	 * Parses one file, handing each row (typed, not yet cross-checked) to {@code each}.
	 */
	static void parse(String file, Resource resource, List<Problem> problems, Consumer<Row> each) {
		parse(file, resource, MAX_LINE, problems, each);
	}

	/**
	 * Parses one file record by record, handing each row (typed, not yet cross-checked)
	 * to {@code each}. A row that cannot be read as a whole (not UTF-8, longer than
	 * {@code maxLine} characters, a cell count other than the header's) is handed on
	 * {@link Row#broken() broken}, with its problem added.
	 * @throws UncheckedIOException when the file cannot be read at all
	 */
	static void parse(String file, Resource resource, int maxLine, List<Problem> problems, Consumer<Row> each) {
		String name = file.substring(file.lastIndexOf('/') + 1);
		FileType type = SeedSchema.BY_NAME.get(name);
		if (type == null) {
			problems.add(new Problem(file, 0, null,
					"unknown file type; expected one of " + SeedSchema.FILES.stream().map(FileType::name).toList()));
			return;
		}
		try (InputStream in = resource.getInputStream()) {
			CsvRecords records = new CsvRecords(in, maxLine);
			List<String> header = header(file, type, records, problems);
			if (header == null) {
				return;
			}
			CsvRecords.Record record;
			while ((record = records.next()) != null) {
				long line = record.line();
				if (record.cells() == null) {
					problems.add(new Problem(file, line, null, record.unreadable()));
					each.accept(Row.broken(type, file, line));
					continue;
				}
				List<String> cells = record.cells();
				if (cells.size() != header.size()) {
					problems.add(new Problem(file, line, null,
							"has " + cells.size() + " cells but the header has " + header.size()));
					each.accept(Row.broken(type, file, line));
					continue;
				}
				Map<String, Object> values = new HashMap<>();
				Set<String> invalid = new HashSet<>();
				for (int i = 0; i < header.size(); i++) {
					Column c = type.column(header.get(i));
					if (c == null) {
						continue;
					}
					int before = problems.size();
					Object value = convert(c, cells.get(i), file, line, problems);
					if (value != null) {
						values.put(c.name(), value);
					}
					if (problems.size() > before) {
						invalid.add(c.name());
					}
				}
				each.accept(new Row(type, file, line, values, invalid, false));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * The header's column names, with a problem for each unknown or missing one; null
	 * when the file has no readable header (its problem added).
	 */
	private static List<String> header(String file, FileType type, CsvRecords records, List<Problem> problems)
			throws IOException {
		CsvRecords.Record first = records.next();
		if (first == null) {
			problems.add(new Problem(file, 0, null, "is empty: a CSV file starts with its header line"));
			return null;
		}
		if (first.cells() == null) {
			problems.add(new Problem(file, first.line(), null, "header " + first.unreadable()));
			return null;
		}
		List<String> header = first.cells();
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (!seen.add(column)) {
				problems.add(new Problem(file, first.line(), column, "appears twice in the header"));
				return null;
			}
			if (type.column(column) == null) {
				problems.add(new Problem(file, first.line(), column,
						"unknown column; " + type.name() + " has " + type.columns().keySet()));
			}
		}
		for (Column column : type.columns().values()) {
			if (column.required() && !header.contains(column.name())) {
				problems.add(new Problem(file, first.line(), column.name(), "required column is missing"));
			}
		}
		return header;
	}

	private static Object convert(Column column, String raw, String file, long line, List<Problem> problems) {
		String text = raw.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (column.list()) {
			List<String> items = new ArrayList<>();
			for (String part : text.split("\\|")) {
				Object item = convertOne(column, part.strip(), file, line, problems);
				if (item != null) {
					items.add((String) item);
				}
			}
			return items.isEmpty() ? null : List.copyOf(items);
		}
		return convertOne(column, text, file, line, problems);
	}

	private static Object convertOne(Column column, String text, String file, long line, List<Problem> problems) {
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_TEXT) {
			problems.add(new Problem(file, line, column.name(), "longer than " + MAX_TEXT + " characters"));
			return null;
		}
		switch (column.type()) {
			case ID -> {
				if (!Formats.isId(text)) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' is not an id (lowercase letters, digits and single dashes)"));
					return null;
				}
				return text;
			}
			case INT -> {
				try {
					long value = Long.parseLong(text);
					return column.refs().contains(Kind.ITEM) ? itemId(value) : value;
				}
				catch (NumberFormatException ex) {
					problems.add(new Problem(file, line, column.name(), "'" + text + "' is not a whole number"));
					return null;
				}
			}
			case NUMBER -> {
				try {
					double value = Double.parseDouble(text);
					if (!Double.isFinite(value) || value < 0) {
						problems
							.add(new Problem(file, line, column.name(), "'" + text + "' must be a finite number ≥ 0"));
						return null;
					}
					return value;
				}
				catch (NumberFormatException ex) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' is not a plain number (no thousands separators or 万)"));
					return null;
				}
			}
			case ENUM -> {
				if (!column.values().contains(text)) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' is not one of " + column.values().stream().sorted().toList()));
					return null;
				}
				return text;
			}
			case DATE -> {
				LocalDate date;
				try {
					date = LocalDate.parse(text);
				}
				catch (DateTimeParseException ex) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' is not an ISO-8601 date such as 2024-01-01"));
					return null;
				}
				if (date.getYear() < 1949 || date.isAfter(LocalDate.now())) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' must be a date from 1949 to today, not one still to come"));
					return null;
				}
				return date.toString();
			}
			case SOURCE -> {
				if (!Formats.isSource(text)) {
					problems.add(new Problem(file, line, column.name(),
							"'" + text + "' does not start with 'seed §N', 'public:' or 'estimate:'"));
					return null;
				}
				return text;
			}
			default -> {
				return text;
			}
		}
	}

	static String itemId(long number) {
		return "seed-" + number;
	}

	/**
	 * What exists outside the rows being checked, e.g. in the database a bulk import adds
	 * to.
	 */
	interface Known {

		Known NOTHING = new Known() {
			@Override
			public boolean exists(Kind kind, String id) {
				return false;
			}

			@Override
			public Optional<String> unit(String productId) {
				return Optional.empty();
			}
		};

		boolean exists(Kind kind, String id);

		/** The canonical unit of an existing product. */
		Optional<String> unit(String productId);

		/** What a lead needs to know of an existing project. */
		default Optional<ProjectFacts> project(String projectId) {
			return Optional.empty();
		}

		/**
		 * The conversions of an existing product, by the unit they convert from.
		 */
		default Map<String, Conversion> conversions(String productId) {
			return Map.of();
		}

	}

	/**
	 * A per-product conversion: 1 {@code fromUnit} of the product = {@code factor}
	 * {@code toUnit}.
	 */
	public record Conversion(String productId, String fromUnit, String toUnit, double factor, String source) {

		/** How the stored figure was reached, e.g. "1 t/d = 330 t（public: …）". */
		public String words() {
			return "1 " + fromUnit + " = " + Units.writtenAs(factor, toUnit) + "（" + source + "）";
		}

	}

	/**
	 * What a lead made from a project needs of it: its status, its leading developer
	 * (null when it names none), its region (null when not given), the product its
	 * capacity is of (the first named; null when not known) and whether it has capacity
	 * lines of its own.
	 */
	public record ProjectFacts(String status, String developerId, String regionId, String firstProductId,
			boolean hasLines) {
	}

	/** Where an id was defined; a product's unit; a project's facts. */
	private record Definition(String file, long line, String unit, ProjectFacts project) {
	}

	/** The checks across rows and files. */
	static final class Validation {

		private final List<Problem> problems;

		private final Known known;

		/**
		 * Where each id was defined, and a product's unit: a national import defines
		 * hundreds of thousands of ids, so not the whole rows.
		 */
		private final Map<Kind, Map<String, Definition>> defined = new EnumMap<>(Kind.class);

		private final Set<String> capacityKeys = new HashSet<>();

		private final Set<String> linkKeys = new HashSet<>();

		/** The projects of the data set that capacity lines name. */
		private final Set<String> projectsWithLines = new HashSet<>();

		private final Map<String, Map<String, Conversion>> conversions = new HashMap<>();

		/**
		 * The keys the row being checked claims, taken only once the row is accepted: a
		 * refused row must not make a later valid row with the same key a duplicate.
		 */
		private final List<Map.Entry<Set<String>, String>> claims = new ArrayList<>();

		Validation(List<Problem> problems, Known known) {
			this.problems = problems;
			this.known = known;
			for (Kind kind : Kind.values()) {
				defined.put(kind, new HashMap<>());
			}
		}

		/**
		 * A whole data set: every id it defines may be referred to from anywhere in it.
		 */
		void run(List<Row> rows) {
			rows.sort(Comparator.comparingInt((Row r) -> SeedSchema.FILES.indexOf(r.type()))
				.thenComparing(Row::file)
				.thenComparingLong(Row::line));
			for (Row row : rows) {
				addItemId(row);
				requireColumns(row);
				define(row);
			}
			for (Row row : rows) {
				check(row);
				// the data set is taken or refused as a whole: every row claims its keys
				claim();
			}
		}

		/**
		 * One row of a stream: it may refer to what is known or was accepted before it.
		 * Returns whether it is accepted; its problems are added otherwise.
		 */
		boolean accept(Row row) {
			int before = problems.size();
			addItemId(row);
			requireColumns(row);
			check(row);
			if (problems.size() > before) {
				claims.clear();
				return false;
			}
			define(row);
			if (problems.size() > before) {
				claims.clear();
				return false;
			}
			claim();
			return true;
		}

		private void claim() {
			claims.forEach(c -> c.getKey().add(c.getValue()));
			claims.clear();
		}

		private static void addItemId(Row row) {
			if (row.type().name().equals("items.csv") && row.values().get("number") != null) {
				row.values().put("id", itemId((Long) row.values().get("number")));
			}
		}

		private void check(Row row) {
			checkReferences(row);
			switch (row.type().name()) {
				case "feeds.csv" -> feed(row);
				case "yields.csv" -> coProduct(row);
				case "capacities.csv" -> capacity(row);
				case "conversions.csv" -> conversion(row);
				case "not_attractable.csv" -> unique(row, linkKeys, "not attractable", "company_id", "product_id");
				case "projects.csv" -> quantity(row, row.list("product_ids").stream().findFirst().orElse(null), false);
				case "leads.csv" -> lead(row);
				case "targets.csv" -> quantity(row, row.text("product_id"), true);
				case "regions.csv" -> region(row);
				case "supply_links.csv" ->
					unique(row, linkKeys, "supplies", "supplier_id", "customer_id", "product_id");
				default -> {
				}
			}
		}

		private void requireColumns(Row row) {
			for (Column column : row.type().columns().values()) {
				if (column.required() && row.values().get(column.name()) == null
						&& !row.invalid().contains(column.name())) {
					problems.add(new Problem(row.file(), row.line(), column.name(), "is required"));
				}
			}
		}

		private void define(Row row) {
			Kind kind = row.type().defines();
			if (kind == null) {
				return;
			}
			Object idValue = row.values().get(kind == Kind.ITEM ? "id" : row.type().key());
			if (idValue == null) {
				return;
			}
			String id = idValue.toString();
			ProjectFacts project = kind == Kind.PROJECT
					? new ProjectFacts(row.text("status"), row.list("company_id").stream().findFirst().orElse(null),
							row.text("region_id"), row.list("product_ids").stream().findFirst().orElse(null), false)
					: null;
			Definition earlier = defined.get(kind)
				.putIfAbsent(id, new Definition(row.file(), row.line(), kind == Kind.PRODUCT ? row.text("unit") : null,
						project));
			if (earlier != null) {
				problems.add(new Problem(row.file(), row.line(), row.type().key(),
						"duplicate id '" + id + "', first defined at " + earlier.file() + ":" + earlier.line()));
			}
		}

		private void checkReferences(Row row) {
			for (Column column : row.type().columns().values()) {
				if (!column.isRef()) {
					continue;
				}
				Object value = row.values().get(column.name());
				List<?> ids = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
				for (Object id : ids) {
					if (column.refs()
						.stream()
						.noneMatch(k -> defined.get(k).containsKey(id.toString()) || known.exists(k, id.toString()))) {
						problems.add(new Problem(row.file(), row.line(), column.name(),
								"'" + id + "' is not a defined " + describe(column.refs())));
					}
				}
			}
		}

		private static String describe(Set<Kind> kinds) {
			return kinds.stream()
				.map(k -> k.name().toLowerCase().replace('_', ' '))
				.sorted()
				.reduce((a, b) -> a + " or " + b)
				.orElse("");
		}

		private Optional<String> unitOf(String productId) {
			if (productId == null) {
				return Optional.empty();
			}
			Definition product = defined.get(Kind.PRODUCT).get(productId);
			return product != null ? Optional.ofNullable(product.unit()) : known.unit(productId);
		}

		private void feed(Row row) {
			unique(row, linkKeys, "feeds", "input_id", "output_id");
			Optional<String> in = unitOf(row.text("input_id"));
			Optional<String> out = unitOf(row.text("output_id"));
			String unit = row.text("unit");
			Double perUnit = row.number("per_unit");
			if (in.isEmpty() || out.isEmpty() || unit == null || perUnit == null) {
				return;
			}
			Optional<Double> factor = Units.ratioFactor(unit, in.get(), out.get());
			if (factor.isEmpty()) {
				problems.add(new Problem(row.file(), row.line(), "unit", "'" + unit + "' cannot be reconciled with "
						+ in.get() + " of input per " + out.get() + " of output"));
				return;
			}
			if (row.text("input_id").equals(row.text("output_id"))) {
				problems.add(new Problem(row.file(), row.line(), "output_id", "a product cannot feed itself"));
			}
			String writtenAs = Units.writtenAs(perUnit, unit);
			double converted = perUnit * factor.get();
			Optional<String> outOfBounds = Units.outOfBounds(converted, in.get() + "/" + out.get(), writtenAs);
			if (outOfBounds.isPresent()) {
				problems.add(new Problem(row.file(), row.line(), "per_unit", outOfBounds.get()));
				return;
			}
			row.values().put("written_as", writtenAs);
			row.values().put("per_unit", converted);
		}

		private void coProduct(Row row) {
			unique(row, linkKeys, "yields", "process_id", "product_id");
			Double share = row.number("share");
			if (share != null && (share <= 0 || share > 1)) {
				problems.add(new Problem(row.file(), row.line(), "share", "must be in (0, 1], not " + share));
			}
			Optional<String> process = unitOf(row.text("process_id"));
			Optional<String> product = unitOf(row.text("product_id"));
			if (process.isPresent() && product.isPresent() && !process.equals(product)) {
				problems.add(new Problem(row.file(), row.line(), "product_id",
						"a co-product must have its process product's unit (" + process.get() + "), not "
								+ product.get()));
			}
		}

		private void capacity(Row row) {
			unique(row, capacityKeys, "capacity", "site_id", "product_id", "status");
			if (row.text("project_id") != null) {
				projectsWithLines.add(row.text("project_id"));
			}
			if (row.number("capacity") == null && row.text("unit") != null && !row.invalid().contains("capacity")) {
				problems.add(new Problem(row.file(), row.line(), "unit", "a unit without a capacity"));
			}
			quantity(row, row.text("product_id"), false);
		}

		/**
		 * Converts {@code capacity} or {@code value} with {@code unit} to the product's
		 * unit.
		 */
		private void quantity(Row row, String productId, boolean target) {
			String amountColumn = target ? "value" : "capacity";
			Double amount = row.number(amountColumn);
			String unit = row.text("unit");
			if (amount == null) {
				return;
			}
			if (unit == null) {
				problems.add(new Problem(row.file(), row.line(), "unit", "a " + amountColumn + " needs a unit"));
				return;
			}
			Optional<String> canonical = unitOf(productId);
			// A product's target may be a share (%), a count or money (output value)
			// rather than a quantity
			boolean notAQuantity = target && (Units.COUNTS.contains(unit) || Units.factor(unit, "亿元").isPresent());
			if (canonical.isPresent() && !notAQuantity) {
				Optional<Double> factor = Units.factor(unit, canonical.get());
				Conversion conversion = factor.isEmpty() ? conversionsOf(productId).get(unit) : null;
				if (conversion != null) {
					// the product's own conversion, then an exact one to its unit
					double converted = amount * conversion.factor()
							* Units.factor(conversion.toUnit(), canonical.get()).orElseThrow();
					Optional<String> wrong = Units.outOfBounds(converted, canonical.get(),
							Units.writtenAs(amount, unit));
					if (wrong.isPresent()) {
						problems.add(new Problem(row.file(), row.line(), amountColumn, wrong.get()));
						return;
					}
					row.values().put("written_as", Units.writtenAs(amount, unit));
					row.values().put("conversion", conversion.words());
					row.values().put(amountColumn, converted);
					row.values().put("unit", canonical.get());
					return;
				}
				if (factor.isEmpty()) {
					problems.add(new Problem(row.file(), row.line(), "unit",
							"'" + unit + "' does not convert to " + canonical.get() + ", the unit of " + productId
									+ "; accepted: " + accepted(productId, canonical.get())));
					return;
				}
				store(row, amountColumn, amount, unit, amount * factor.get(), canonical.get());
			}
			else if (target && Units.COUNTS.contains(unit)) {
				// a count of firms, projects or people (家, 项, 人) keeps its own word
				Optional<String> outOfBounds = Units.outOfBounds(amount, unit, Units.writtenAs(amount, unit));
				outOfBounds.ifPresent(why -> problems.add(new Problem(row.file(), row.line(), amountColumn, why)));
			}
			else if (Units.canonicalOf(unit).isPresent()) {
				String to = Units.canonicalOf(unit).get();
				store(row, amountColumn, amount, unit, amount * Units.factor(unit, to).get(), to);
			}
			else {
				problems.add(new Problem(row.file(), row.line(), "unit", "'" + unit + "' is not a known unit"));
			}
		}

		/**
		 * The units a figure of the product may be written in: those converting exactly
		 * to its unit, then its own conversions.
		 */
		private String accepted(String productId, String canonical) {
			List<String> units = new ArrayList<>(Units.convertibleTo(canonical));
			conversionsOf(productId).keySet().stream().sorted().forEach(units::add);
			return String.join(", ", units);
		}

		private Map<String, Conversion> conversionsOf(String productId) {
			Map<String, Conversion> own = conversions.get(productId);
			Map<String, Conversion> stored = productId == null ? Map.of() : known.conversions(productId);
			if (own == null) {
				return stored;
			}
			Map<String, Conversion> all = new HashMap<>(stored);
			all.putAll(own);
			return all;
		}

		/**
		 * A per-product conversion: its target unit converts exactly to the product's,
		 * its source unit does not already (an exact conversion needs none), and its
		 * factor is a positive finite number.
		 */
		private void conversion(Row row) {
			unique(row, linkKeys, "conversion", "product_id", "from_unit");
			String productId = row.text("product_id");
			String from = row.text("from_unit");
			String to = row.text("to_unit");
			Double factor = row.number("factor");
			Optional<String> canonical = unitOf(productId);
			if (canonical.isEmpty() || from == null || to == null || factor == null) {
				return;
			}
			int before = problems.size();
			if (!(factor > 0) || !Double.isFinite(factor)) {
				problems.add(new Problem(row.file(), row.line(), "factor", "must be a positive number, not " + factor));
			}
			if (Units.factor(to, canonical.get()).isEmpty()) {
				problems.add(new Problem(row.file(), row.line(), "to_unit",
						"'" + to + "' does not convert to " + canonical.get() + ", the unit of " + productId
								+ "; use one of " + Units.convertibleTo(canonical.get())));
			}
			if (Units.factor(from, canonical.get()).isPresent()) {
				problems.add(new Problem(row.file(), row.line(), "from_unit",
						"'" + from + "' already converts exactly to " + canonical.get() + ": no conversion is needed"));
			}
			if (problems.size() == before) {
				conversions.computeIfAbsent(productId, k -> new HashMap<>())
					.put(from, new Conversion(productId, from, to, factor, row.text("source")));
			}
		}

		/**
		 * Puts a figure converted to the unit stored into the row, if it is within that
		 * unit's bounds: checked after the conversion, which can make a finite figure
		 * infinite ({@code 1e308 万t}) or a small one large.
		 */
		private void store(Row row, String amountColumn, double amount, String unit, double converted,
				String storedUnit) {
			String writtenAs = Units.writtenAs(amount, unit);
			Optional<String> outOfBounds = Units.outOfBounds(converted, storedUnit, writtenAs);
			if (outOfBounds.isPresent()) {
				problems.add(new Problem(row.file(), row.line(), amountColumn, outOfBounds.get()));
				return;
			}
			row.values().put("written_as", writtenAs);
			row.values().put(amountColumn, converted);
			row.values().put("unit", storedUnit);
		}

		/**
		 * A lead made from a project: the project names a developer to attract and a
		 * region, and its status agrees with the lead's stage (SIGNED ↔ PLANNED,
		 * CONSTRUCTION ↔ UNDER_CONSTRUCTION, PRODUCTION ↔ OPERATING; RESERVE and
		 * PRELIMINARY are of a PLANNED project not yet signed). A project in talks
		 * (PRELIMINARY) may have no capacity lines of its own: the PIPELINE scenario
		 * would count its capacity twice, as the lines and as the lead.
		 */
		private void lead(Row row) {
			unique(row, linkKeys, "lead", "project_id");
			String projectId = row.text("project_id");
			String stage = row.text("stage");
			if (projectId == null) {
				return;
			}
			Definition definition = defined.get(Kind.PROJECT).get(projectId);
			Optional<ProjectFacts> found = definition != null ? Optional.ofNullable(definition.project())
					: known.project(projectId);
			if (found.isEmpty()) {
				return;
			}
			ProjectFacts project = found.get();
			// the product the project's capacity is of, which the lead proposes it for
			row.values().put("first_product_id", project.firstProductId());
			if (project.developerId() == null) {
				problems.add(new Problem(row.file(), row.line(), "project_id", "project '" + projectId
						+ "' names no developer (company_id): a lead is a company to attract, so it has none"));
			}
			if (project.regionId() == null) {
				problems.add(new Problem(row.file(), row.line(), "project_id",
						"project '" + projectId + "' has no region_id: a lead is for a place in the region"));
			}
			if (stage == null) {
				return;
			}
			String status = statusOf(stage);
			if (!status.equals(project.status())) {
				problems.add(new Problem(row.file(), row.line(), "stage",
						"'" + stage + "' disagrees with project '" + projectId + "', which is " + project.status()
								+ ": a lead at " + stage + " is a project " + status
								+ " (SIGNED ↔ PLANNED, CONSTRUCTION ↔ UNDER_CONSTRUCTION, PRODUCTION ↔ OPERATING; "
								+ "RESERVE and PRELIMINARY are of a PLANNED project not yet signed)"));
			}
			else if ("PRELIMINARY".equals(stage)
					&& (projectsWithLines.contains(projectId) || (definition == null && project.hasLines()))) {
				problems.add(new Problem(row.file(), row.line(), "stage", "project '" + projectId
						+ "' has capacity lines: in talks (PRELIMINARY) the PIPELINE scenario would count its capacity "
						+ "twice, as its PLANNED lines and as the lead; record the lead as SIGNED if it is, or RESERVE"));
			}
		}

		/** The status of a project whose lead is at this stage. */
		static String statusOf(String stage) {
			return switch (stage) {
				case "CONSTRUCTION" -> "UNDER_CONSTRUCTION";
				case "PRODUCTION" -> "OPERATING";
				default -> "PLANNED";
			};
		}

		private void region(Row row) {
			String parent = row.text("parent_id");
			if (parent != null && parent.equals(row.text("id"))) {
				problems.add(new Problem(row.file(), row.line(), "parent_id", "a region cannot contain itself"));
			}
		}

		private void unique(Row row, Set<String> keys, String what, String... columns) {
			StringBuilder key = new StringBuilder(what);
			for (String column : columns) {
				key.append('|').append(row.values().get(column));
			}
			if (keys.contains(key.toString())) {
				problems.add(new Problem(row.file(), row.line(), null,
						"a second " + what + " row for the same " + String.join(", ", columns)));
			}
			else {
				claims.add(Map.entry(keys, key.toString()));
			}
		}

	}

}
