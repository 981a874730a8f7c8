package io.chainlens.generate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The parts of the seed data set a generated graph builds on: its chains' segments and
 * products (generated products join them) and its regions (generated cities lie in its
 * provinces, and the focus region's districts get their share of sites).
 */
record SeedFacts(List<Segment> segments, List<Product> products, List<Region> regions) {

	record Segment(String id, String chainId, String stage, int position) {
	}

	record Product(String id, String segmentId, String unit) {
	}

	record Region(String id, String nameZh, String nameEn, String level, String parentId) {
	}

	static SeedFacts read(String location) {
		List<Segment> segments = new ArrayList<>();
		List<Product> products = new ArrayList<>();
		List<Region> regions = new ArrayList<>();
		for (Map<String, String> row : rows(location, "segments.csv")) {
			segments.add(new Segment(row.get("id"), row.get("chain_id"), row.get("stage"),
					Integer.parseInt(row.get("position"))));
		}
		for (Map<String, String> row : rows(location, "products.csv")) {
			products.add(new Product(row.get("id"), row.get("segment_id"), row.get("unit")));
		}
		for (Map<String, String> row : rows(location, "regions.csv")) {
			regions.add(new Region(row.get("id"), row.get("name_zh"), row.get("name_en"), row.get("level"),
					row.get("parent_id")));
		}
		// file order differs between a folder and a jar; ids do not
		segments.sort(Comparator.comparing(Segment::id));
		products.sort(Comparator.comparing(Product::id));
		regions.sort(Comparator.comparing(Region::id));
		return new SeedFacts(List.copyOf(segments), List.copyOf(products), List.copyOf(regions));
	}

	private static List<Map<String, String>> rows(String location, String fileName) {
		String root = location.endsWith("/") ? location : location + "/";
		List<Map<String, String>> rows = new ArrayList<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(root + "**/" + fileName);
			Arrays.sort(files, Comparator.comparing(Resource::getDescription));
			for (Resource file : files) {
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
						CSVParser csv = CSVFormat.RFC4180.builder()
							.setHeader()
							.setSkipHeaderRecord(true)
							.setCommentMarker('#')
							.setIgnoreEmptyLines(true)
							.get()
							.parse(reader)) {
					for (CSVRecord record : csv) {
						rows.add(record.toMap());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + fileName + " of the seed data set " + location, ex);
		}
		if (rows.isEmpty()) {
			throw new IllegalStateException("The seed data set " + location + " has no " + fileName);
		}
		return rows;
	}

}
