package io.chainlens.seed;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Units of measure: the canonical unit of each product, and the display units that
 * convert exactly to one of them ({@code 万t} to t, {@code MW} to GW, {@code 万kWh} to
 * GWh).
 */
public final class Units {

	/** The canonical units a product may have. */
	public static final Set<String> CANONICAL = Set.of("t", "GW", "GWh", "MW", "units", "Mm2", "亿元");

	/** Units a target may count in besides product units: shares and counts of things. */
	public static final Set<String> COUNTS = Set.of("%", "家", "项", "个", "件", "人", "座", "台", "辆", "次");

	private record Unit(String dimension, double inBase) {
	}

	// Base of each dimension: t, W, Wh, piece, m2, 亿元.
	private static final Map<String, Unit> UNITS = Map.ofEntries(Map.entry("g", new Unit("mass", 1e-6)),
			Map.entry("kg", new Unit("mass", 1e-3)), Map.entry("t", new Unit("mass", 1)),
			Map.entry("吨", new Unit("mass", 1)), Map.entry("kt", new Unit("mass", 1e3)),
			Map.entry("万t", new Unit("mass", 1e4)), Map.entry("万吨", new Unit("mass", 1e4)),
			Map.entry("Mt", new Unit("mass", 1e6)), Map.entry("W", new Unit("power", 1)),
			Map.entry("kW", new Unit("power", 1e3)), Map.entry("MW", new Unit("power", 1e6)),
			Map.entry("万kW", new Unit("power", 1e7)), Map.entry("万千瓦", new Unit("power", 1e7)),
			Map.entry("GW", new Unit("power", 1e9)), Map.entry("Wh", new Unit("energy", 1)),
			Map.entry("kWh", new Unit("energy", 1e3)), Map.entry("MWh", new Unit("energy", 1e6)),
			Map.entry("万kWh", new Unit("energy", 1e7)), Map.entry("万千瓦时", new Unit("energy", 1e7)),
			Map.entry("GWh", new Unit("energy", 1e9)), Map.entry("units", new Unit("count", 1)),
			Map.entry("台", new Unit("count", 1)), Map.entry("套", new Unit("count", 1)),
			Map.entry("座", new Unit("count", 1)), Map.entry("辆", new Unit("count", 1)),
			Map.entry("个", new Unit("count", 1)), Map.entry("m2", new Unit("area", 1e-6)),
			Map.entry("万m2", new Unit("area", 1e-2)), Map.entry("Mm2", new Unit("area", 1)),
			Map.entry("万元", new Unit("money", 1e-4)), Map.entry("亿元", new Unit("money", 1)));

	private Units() {
	}

	/**
	 * The largest figure one row may state, per canonical unit and count unit. Each is
	 * above any single plant, project or target of a country (China's crude steel is
	 * about 1e9 t a year, its electricity about 1e7 GWh, its GDP about 1.3e6 亿元), so a
	 * real figure never meets it, and far enough below {@link Double#MAX_VALUE} that sums
	 * over any number of rows the graph can hold stay finite. A figure is checked after
	 * it is converted to the unit stored.
	 */
	private static final Map<String, Double> UPPER_BOUNDS = Map.ofEntries(Map.entry("t", 1e10), Map.entry("GW", 1e5),
			Map.entry("MW", 1e8), Map.entry("GWh", 1e8), Map.entry("units", 1e10), Map.entry("Mm2", 1e6),
			Map.entry("亿元", 1e7), Map.entry("%", 1e4), Map.entry("家", 1e7), Map.entry("项", 1e7), Map.entry("个", 1e7),
			Map.entry("件", 1e9), Map.entry("人", 1e9), Map.entry("座", 1e7), Map.entry("台", 1e9), Map.entry("辆", 1e9),
			Map.entry("次", 1e9));

	/**
	 * The largest figure a row may state in {@code storedUnit} (a canonical or count
	 * unit); empty for a unit that is neither.
	 */
	public static Optional<Double> upperBound(String storedUnit) {
		return Optional.ofNullable(UPPER_BOUNDS.get(storedUnit));
	}

	/**
	 * Why {@code amount}, already converted to {@code storedUnit}, cannot be stored: not
	 * a finite number, negative, or above the unit's {@link #upperBound bound}; empty
	 * when it can. The message names the figure as written so the writer can find it.
	 */
	public static Optional<String> outOfBounds(double amount, String storedUnit, String writtenAs) {
		if (!Double.isFinite(amount)) {
			return Optional.of(writtenAs + " is not a finite number in " + storedUnit);
		}
		if (amount < 0) {
			return Optional.of(writtenAs + " is negative");
		}
		Double bound = UPPER_BOUNDS.get(storedUnit);
		if (bound != null && amount > bound) {
			return Optional.of(writtenAs + " is " + amount + " " + storedUnit
					+ ", above the largest figure one row may state (" + writtenAs(bound, storedUnit) + ")");
		}
		return Optional.empty();
	}

	private static final Map<String, String> CANONICAL_OF_DIMENSION = Map.of("mass", "t", "power", "GW", "energy",
			"GWh", "count", "units", "area", "Mm2", "money", "亿元");

	/**
	 * The canonical unit that measures what {@code unit} measures: t for 万t, GW for MW.
	 */
	public static Optional<String> canonicalOf(String unit) {
		Unit u = UNITS.get(unit);
		return u == null ? Optional.empty() : Optional.of(CANONICAL_OF_DIMENSION.get(u.dimension()));
	}

	public static boolean isCanonical(String unit) {
		return CANONICAL.contains(unit);
	}

	/**
	 * How many {@code to} one {@code from} is, when the two measure the same thing.
	 * @return empty when {@code from} is unknown or measures something else
	 */
	public static Optional<Double> factor(String from, String to) {
		Unit a = UNITS.get(from);
		Unit b = UNITS.get(to);
		if (a == null || b == null || !a.dimension().equals(b.dimension())) {
			return Optional.empty();
		}
		return Optional.of(a.inBase() / b.inBase());
	}

	/**
	 * The display units that convert to {@code canonical}, the canonical one first: what
	 * an error message can offer instead of a unit that does not convert.
	 */
	public static List<String> convertibleTo(String canonical) {
		Unit base = UNITS.get(canonical);
		if (base == null) {
			return List.of(canonical);
		}
		return Stream
			.concat(Stream.of(canonical),
					UNITS.entrySet()
						.stream()
						.filter(e -> e.getValue().dimension().equals(base.dimension()) && !e.getKey().equals(canonical))
						.sorted(Comparator.comparingDouble((Map.Entry<String, Unit> e) -> e.getValue().inBase())
							.thenComparing(Map.Entry::getKey))
						.map(Map.Entry::getKey))
			.toList();
	}

	/**
	 * A quantity as a person wrote it, e.g. {@code 20 万t}: whole numbers without a
	 * decimal point.
	 */
	public static String writtenAs(double amount, String unit) {
		String number = amount == Math.rint(amount) && Math.abs(amount) < 1e15 ? String.valueOf((long) amount)
				: String.valueOf(amount);
		return number + " " + unit;
	}

	/**
	 * The factor that turns a ratio written as {@code "<input unit>/<output unit>"} into
	 * input canonical units per output canonical unit: {@code g/W} between t and GW is
	 * 1000.
	 */
	public static Optional<Double> ratioFactor(String ratio, String inputUnit, String outputUnit) {
		int slash = ratio.indexOf('/');
		if (slash <= 0 || slash != ratio.lastIndexOf('/')) {
			return Optional.empty();
		}
		Optional<Double> top = factor(ratio.substring(0, slash).strip(), inputUnit);
		Optional<Double> bottom = factor(ratio.substring(slash + 1).strip(), outputUnit);
		if (top.isEmpty() || bottom.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(top.get() / bottom.get());
	}

}
