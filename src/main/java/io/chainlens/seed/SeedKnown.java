package io.chainlens.seed;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.chainlens.seed.SeedSchema.FileType;
import io.chainlens.seed.SeedSchema.Kind;

/**
 * What the graph holds once the seed data set is loaded, read from the data set itself:
 * the offline first load checks its rows against it before any store exists, and so
 * against what the online import, run after the app's seed load, checks them against.
 */
final class SeedKnown implements SeedDataSet.Known {

	private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);

	private final Map<String, String> units = new HashMap<>();

	private final Map<String, Map<String, SeedDataSet.Conversion>> conversions = new HashMap<>();

	private final Set<String> feeds = new HashSet<>();

	private final Set<String> capacities = new HashSet<>();

	SeedKnown(SeedDataSet seed) {
		for (Kind kind : Kind.values()) {
			ids.put(kind, new HashSet<>());
		}
		seed.rows().forEach((type, rows) -> rows.forEach(row -> note(type, row)));
	}

	private void note(FileType type, Map<String, Object> row) {
		if (type.defines() != null) {
			Object id = row.get(type.defines() == Kind.ITEM ? "id" : type.key());
			if (id != null) {
				ids.get(type.defines()).add(id.toString());
			}
		}
		switch (type.name()) {
			case "products.csv" -> units.put((String) row.get("id"), (String) row.get("unit"));
			case "conversions.csv" -> {
				String productId = (String) row.get("product_id");
				conversions.computeIfAbsent(productId, k -> new HashMap<>())
					.put((String) row.get("from_unit"),
							new SeedDataSet.Conversion(productId, (String) row.get("from_unit"),
									(String) row.get("to_unit"), (Double) row.get("factor"),
									(String) row.get("source")));
			}
			case "feeds.csv" -> feeds.add(feedKey(row));
			case "capacities.csv" -> capacities.add(capacityKey(row));
			default -> {
			}
		}
	}

	static String feedKey(Map<String, Object> row) {
		return row.get("input_id") + "|" + row.get("output_id");
	}

	static String capacityKey(Map<String, Object> row) {
		return row.get("site_id") + "|" + row.get("product_id") + "|" + row.get("status");
	}

	@Override
	public boolean exists(Kind kind, String id) {
		return ids.get(kind).contains(id);
	}

	@Override
	public Optional<String> unit(String productId) {
		return Optional.ofNullable(units.get(productId));
	}

	@Override
	public Map<String, SeedDataSet.Conversion> conversions(String productId) {
		return conversions.getOrDefault(productId, Map.of());
	}

	/** Whether the seed holds this feed (input and output). */
	boolean hasFeed(Map<String, Object> row) {
		return feeds.contains(feedKey(row));
	}

	/** Whether the seed holds this capacity line (site, product and status). */
	boolean hasCapacity(Map<String, Object> row) {
		return capacities.contains(capacityKey(row));
	}

	/** The seed's ids of a kind. */
	Set<String> ids(Kind kind) {
		return ids.get(kind);
	}

	/** The kinds the offline first load's rows may refer to. */
	static final List<Kind> REFERRED = List.of(Kind.REGION, Kind.SEGMENT, Kind.PRODUCT, Kind.COMPANY, Kind.SITE);

}
