package io.chainlens.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.chainlens.generate.Names.Word;
import io.chainlens.generate.SeedFacts.Region;
import io.chainlens.generate.SeedFacts.Segment;

/**
 * Writes a synthetic national graph as CSV files the bulk import reads
 * ({@code graph-seed/README.md}): cities below the seed's provinces, products added to
 * the seven chains' segments with FEEDS from earlier stages, and companies with sites and
 * capacities all over the country, the focus region (包头市 and its districts) getting the
 * share of one city. The same seed writes the same bytes. Companies, sites and capacities
 * are written as they are made, so memory does not grow with the size.
 */
public final class NationalGraph {

	/** The files are written into this folder below the one asked for. */
	public static final String FOLDER = "national";

	static final String FOCUS_CITY = "baotou";

	private static final String[] STATUSES = { "OPERATING", "UNDER_CONSTRUCTION", "PLANNED" };

	private final SeedFacts seed;

	private final GraphSize size;

	private final Random random;

	private final String source;

	/** Rows written per file. */
	public record Written(Map<String, Long> rows) {

		public long total() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private record GeneratedProduct(String id, String chainId, int position, String unit) {
	}

	private record Place(String id, String nameZh, String nameEn) {
	}

	private NationalGraph(SeedFacts seed, GraphSize size, long randomSeed) {
		this.seed = seed;
		this.size = size;
		this.random = new Random(randomSeed);
		this.source = "estimate: synthetic national graph for benchmarks (generator seed " + randomSeed + ")";
	}

	/**
	 * Writes the graph into {@code dir}/national, replacing the files there.
	 * @param seedLocation the seed data set the graph extends, e.g.
	 * {@code classpath:graph-seed}
	 */
	public static Written write(Path dir, GraphSize size, long randomSeed, String seedLocation) {
		NationalGraph graph = new NationalGraph(SeedFacts.read(seedLocation), size, randomSeed);
		try {
			Path folder = dir.resolve(FOLDER);
			Files.createDirectories(folder);
			return graph.writeAll(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the national graph into " + dir.toAbsolutePath(), ex);
		}
	}

	private Written writeAll(Path folder) throws IOException {
		Map<String, Long> written = new LinkedHashMap<>();
		List<List<Place>> cities = new ArrayList<>();
		written.put("regions.csv", writeRegions(folder.resolve("regions.csv"), cities));
		List<GeneratedProduct> products = new ArrayList<>();
		written.put("products.csv", writeProducts(folder.resolve("products.csv"), products));
		written.put("feeds.csv", writeFeeds(folder.resolve("feeds.csv"), products));
		writeCompanies(folder, cities, byChain(products), written);
		return new Written(written);
	}

	private static CSVPrinter csv(Path file, String... header) throws IOException {
		Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').get());
	}

	/**
	 * New cities below the seed's provinces. Each city, and the focus city with its
	 * districts, is a place where companies settle.
	 */
	private long writeRegions(Path file, List<List<Place>> cities) throws IOException {
		List<Region> provinces = seed.regions().stream().filter(r -> r.level().equals("PROVINCE")).toList();
		Set<String> names = new HashSet<>();
		seed.regions().forEach(r -> names.add(r.nameZh()));
		List<Place> focus = new ArrayList<>();
		for (Region region : seed.regions()) {
			if (region.id().equals(FOCUS_CITY)) {
				focus.add(0, place(region));
			}
			else if (FOCUS_CITY.equals(region.parentId())) {
				focus.add(place(region));
			}
		}
		if (focus.isEmpty() || !focus.get(0).id().equals(FOCUS_CITY)) {
			throw new IllegalStateException("The seed data set has no region " + FOCUS_CITY);
		}
		cities.add(focus);
		long rows = 0;
		try (CSVPrinter out = csv(file, "id", "name_zh", "name_en", "level", "parent_id", "source")) {
			for (int i = 0; i < size.regions(); i++) {
				Region province = provinces.get(random.nextInt(provinces.size()));
				Word name;
				do {
					name = Names.brand(random);
				}
				while (!names.add(name.zh() + "市"));
				String id = "%s-c%03d".formatted(province.id(), i + 1);
				out.printRecord(id, name.zh() + "市", name.en(), "CITY", province.id(), source);
				cities.add(List.of(new Place(id, name.zh() + "市", name.en())));
				rows++;
			}
		}
		return rows;
	}

	private static Place place(Region region) {
		return new Place(region.id(), region.nameZh(), region.nameEn().isEmpty() ? region.id() : region.nameEn());
	}

	/**
	 * Products spread over the chains' segments, each in the unit of its segment's
	 * products.
	 */
	private long writeProducts(Path file, List<GeneratedProduct> products) throws IOException {
		List<String> chains = chains();
		try (CSVPrinter out = csv(file, "id", "segment_id", "name_zh", "name_en", "unit", "source")) {
			for (int i = 0; i < size.products(); i++) {
				String chain = chains.get(i % chains.size());
				List<Segment> segments = seed.segments().stream().filter(s -> s.chainId().equals(chain)).toList();
				Segment segment = segments.get(random.nextInt(segments.size()));
				List<String> units = seed.products()
					.stream()
					.filter(p -> p.segmentId().equals(segment.id()))
					.map(SeedFacts.Product::unit)
					.toList();
				String unit = units.isEmpty() ? "t" : units.get(random.nextInt(units.size()));
				Word quality = Names.pick(Names.QUALITIES, random);
				Word trade = Names.industry(chain).get(0);
				Word form = Names.pick(Names.FORMS, random);
				String code = "G%04d".formatted(i + 1);
				String id = "%s-g%04d".formatted(chain, i + 1);
				out.printRecord(id, segment.id(), quality.zh() + trade.zh() + form.zh() + "（" + code + "）",
						quality.en() + " " + trade.en().toLowerCase(Locale.ROOT) + " " + form.en() + " (" + code + ")",
						unit, source);
				products.add(new GeneratedProduct(id, chain, segment.position(), unit));
			}
		}
		return products.size();
	}

	/**
	 * One or two inputs for most generated products, from earlier segments of the same
	 * chain (seed or generated). Generated products feed only generated products, so no
	 * cycle can form with the seed's own links.
	 */
	private long writeFeeds(Path file, List<GeneratedProduct> products) throws IOException {
		Map<String, Integer> positions = new LinkedHashMap<>();
		seed.segments().forEach(s -> positions.put(s.id(), s.position()));
		Map<String, String> chainOfSegment = new LinkedHashMap<>();
		seed.segments().forEach(s -> chainOfSegment.put(s.id(), s.chainId()));
		List<GeneratedProduct> all = new ArrayList<>();
		seed.products()
			.forEach(p -> all.add(new GeneratedProduct(p.id(), chainOfSegment.get(p.segmentId()),
					positions.get(p.segmentId()), p.unit())));
		all.addAll(products);
		long rows = 0;
		try (CSVPrinter out = csv(file, "input_id", "output_id", "per_unit", "unit", "basis", "source")) {
			for (GeneratedProduct output : products) {
				List<GeneratedProduct> inputs = all.stream()
					.filter(p -> p.chainId().equals(output.chainId()) && p.position() < output.position())
					.toList();
				if (inputs.isEmpty() || random.nextInt(7) == 0) {
					continue;
				}
				int count = Math.min(inputs.size(), 1 + random.nextInt(2));
				Set<String> chosen = new HashSet<>();
				while (chosen.size() < count) {
					GeneratedProduct input = inputs.get(random.nextInt(inputs.size()));
					if (chosen.add(input.id())) {
						double perUnit = (5 + random.nextInt(296)) / 100.0;
						out.printRecord(input.id(), output.id(), number(perUnit), input.unit() + "/" + output.unit(),
								"FLOW", source);
						rows++;
					}
				}
			}
		}
		return rows;
	}

	/**
	 * Every product of each chain, seed and generated, ordered by stage so neighbours are
	 * related.
	 */
	private Map<String, List<GeneratedProduct>> byChain(List<GeneratedProduct> generated) {
		Map<String, Integer> positions = new LinkedHashMap<>();
		Map<String, String> chainOfSegment = new LinkedHashMap<>();
		seed.segments().forEach(s -> {
			positions.put(s.id(), s.position());
			chainOfSegment.put(s.id(), s.chainId());
		});
		Map<String, List<GeneratedProduct>> result = new LinkedHashMap<>();
		chains().forEach(c -> result.put(c, new ArrayList<>()));
		seed.products()
			.forEach(p -> result.get(chainOfSegment.get(p.segmentId()))
				.add(new GeneratedProduct(p.id(), chainOfSegment.get(p.segmentId()), positions.get(p.segmentId()),
						p.unit())));
		generated.forEach(p -> result.get(p.chainId()).add(p));
		result.values()
			.forEach(list -> list
				.sort(Comparator.comparingInt(GeneratedProduct::position).thenComparing(GeneratedProduct::id)));
		return result;
	}

	private List<String> chains() {
		return seed.segments().stream().map(Segment::chainId).distinct().sorted().toList();
	}

	private void writeCompanies(Path folder, List<List<Place>> cities, Map<String, List<GeneratedProduct>> byChain,
			Map<String, Long> written) throws IOException {
		List<String> chains = chains();
		int sitesPerCompany = Math.max(1, Math.round((float) size.sites() / size.companies()));
		int capacitiesPerSite = Math.max(1, Math.round((float) size.capacities() / size.sites()));
		long companies = 0;
		long sites = 0;
		long capacities = 0;
		try (CSVPrinter companyOut = csv(folder.resolve("companies.csv"), "id", "name_zh", "name_en", "aliases",
				"hq_region_id", "source");
				CSVPrinter siteOut = csv(folder.resolve("sites.csv"), "id", "company_id", "name_zh", "region_id",
						"source");
				CSVPrinter capacityOut = csv(folder.resolve("capacities.csv"), "site_id", "product_id", "capacity",
						"unit", "status", "year", "source")) {
			for (int c = 0; c < size.companies(); c++) {
				List<Place> home = cities.get(random.nextInt(cities.size()));
				Place hq = home.get(0);
				String chain = chains.get(random.nextInt(chains.size()));
				Word trade = random.nextInt(5) == 0 ? Names.pick(Names.ANY_INDUSTRY, random)
						: Names.pick(Names.industry(chain), random);
				Word brand = Names.brand(random);
				Word form = Names.pick(Names.LEGAL_FORMS, random);
				String id = "co-%06d".formatted(c + 1);
				String prefix = Names.placePrefix(hq.nameZh());
				companyOut.printRecord(id, prefix + brand.zh() + trade.zh() + form.zh(),
						hq.nameEn().replaceAll(" .*", "") + " " + brand.en() + " " + trade.en() + " " + form.en(),
						brand.zh() + trade.zh() + "|" + brand.en(), hq.id(), source);
				companies++;
				int siteCount = 1 + random.nextInt(2 * sitesPerCompany - 1);
				for (int s = 1; s <= siteCount; s++) {
					List<Place> city = random.nextInt(10) < 7 ? home : cities.get(random.nextInt(cities.size()));
					Place region = city.get(random.nextInt(city.size()));
					String siteId = id + "-" + s;
					siteOut.printRecord(siteId, id,
							brand.zh() + Names.placePrefix(region.nameZh()) + Names.pick(Names.SITE_KINDS, random).zh(),
							region.id(), source);
					sites++;
					String siteChain = random.nextInt(4) == 0 ? chains.get(random.nextInt(chains.size())) : chain;
					capacities += writeCapacities(capacityOut, siteId, byChain.get(siteChain),
							1 + random.nextInt(2 * capacitiesPerSite - 1));
				}
			}
		}
		written.put("companies.csv", companies);
		written.put("sites.csv", sites);
		written.put("capacities.csv", capacities);
	}

	/** Products near each other in the chain, so a company's products are related. */
	private long writeCapacities(CSVPrinter out, String siteId, List<GeneratedProduct> products, int count)
			throws IOException {
		int anchor = random.nextInt(products.size());
		Set<String> chosen = new HashSet<>();
		int want = Math.min(count, products.size());
		long rows = 0;
		while (chosen.size() < want) {
			int index = Math.floorMod(anchor + random.nextInt(17) - 8, products.size());
			GeneratedProduct product = products.get(index);
			if (!chosen.add(product.id())) {
				continue;
			}
			int roll = random.nextInt(20);
			String status = roll < 14 ? STATUSES[0] : roll < 17 ? STATUSES[1] : STATUSES[2];
			boolean known = random.nextInt(20) < 17;
			String year = Integer
				.toString(status.equals("OPERATING") ? 2015 + random.nextInt(10) : 2025 + random.nextInt(3));
			out.printRecord(siteId, product.id(), known ? capacity(product.unit()) : "", known ? product.unit() : "",
					status, year, source);
			rows++;
		}
		return rows;
	}

	/** A plausible yearly capacity of one site in the product's unit. */
	private String capacity(String unit) {
		double value = switch (unit) {
			case "t" -> 500 + random.nextInt(200) * 500;
			case "GW", "GWh" -> (1 + random.nextInt(400)) / 10.0;
			case "MW" -> 10 + random.nextInt(100) * 10;
			case "units" -> 100 + random.nextInt(500) * 100;
			case "Mm2" -> (1 + random.nextInt(200)) / 2.0;
			default -> (1 + random.nextInt(100)) / 2.0;
		};
		return number(value);
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
