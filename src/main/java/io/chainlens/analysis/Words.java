package io.chainlens.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.chainlens.company.Company;

/**
 * Figures and names as the explanations write them: amounts of 1 and more with up to two
 * decimals, smaller ones (factors, shares) with four significant digits, never with an
 * exponent, so that a person can recompute them; Chinese names joined with 、. Public for
 * the exports, whose summaries say figures as the explanations do.
 */
public final class Words {

	private Words() {
	}

	public static String num(double value) {
		if (value == 0) {
			return "0";
		}
		BigDecimal decimal = BigDecimal.valueOf(value);
		decimal = Math.abs(value) >= 1 ? decimal.setScale(2, RoundingMode.HALF_UP) : decimal.round(new MathContext(4));
		return decimal.stripTrailingZeros().toPlainString();
	}

	public static String amount(double value, String unit) {
		return num(value) + " " + unit;
	}

	// units as a Chinese reader says them; the others (GW, MW, GWh) are said as written
	private static final Map<String, String> UNITS_ZH = Map.of("t", "吨", "万t", "万吨", "units", "台（套）", "unit", "台（套）",
			"Mm2", "百万平方米");

	/** A product's unit in Chinese words: 吨, 台（套）, 百万平方米; GW as it is. */
	public static String unitZh(String unit) {
		return UNITS_ZH.getOrDefault(unit, unit);
	}

	/**
	 * An amount as it is said aloud, in Chinese units: ten thousand and more in 万 ("46
	 * 万吨" for 460000 t), else as written ("85 GW", "3300 吨").
	 */
	public static String spoken(double value, String unit) {
		String zh = unitZh(unit);
		if (Math.abs(value) >= 10_000 && !zh.startsWith("万") && !zh.startsWith("亿") && !zh.startsWith("百万")) {
			return num(value / 10_000) + " 万" + zh;
		}
		return num(value) + " " + zh;
	}

	/**
	 * A product's name without its closing gloss, as it is said: 多晶硅 for 多晶硅（太阳能级高纯晶硅）,
	 * 风电轴承 for 风电轴承（主轴、变桨、偏航轴承）.
	 */
	public static String spokenName(String nameZh) {
		String said = nameZh.replaceFirst("\\s*[（(][^（()）]*[)）]$", "");
		return said.isBlank() ? nameZh : said;
	}

	public static String percent(double share) {
		return num(Math.round(share * 1000) / 10.0) + "%";
	}

	/**
	 * A figure with its bound, never an unknown written as 0: "5 t", "≥ 5 t" (a lower
	 * bound), "≤ 50%" (an upper bound) or "未知".
	 */
	public static String bounded(Double value, Bound bound, String formatted) {
		if (value == null || bound == Bound.UNKNOWN) {
			return "未知";
		}
		return switch (bound) {
			case AT_LEAST -> "≥ " + formatted;
			case AT_MOST -> "≤ " + formatted;
			default -> formatted;
		};
	}

	/** An amount with its bound: "5 t", "≥ 5 t" or "未知". */
	public static String amount(Double value, Bound bound, String unit) {
		return bounded(value, bound, value == null ? "" : amount(value, unit));
	}

	/** A share with its bound: "50%", "≥ 50%", "≤ 50%" or "未知". */
	public static String percent(Double share, Bound bound) {
		return bounded(share, bound, share == null ? "" : percent(share));
	}

	/** A balance's local capacity: "未知", "≥ 5 t" or "5 t". */
	static String capacity(ProductBalance b) {
		return amount(b.localCapacity(), b.capacityBound(), b.unit());
	}

	/** A balance's local demand: "未知", "≥ 5 t" or "5 t". */
	static String demand(ProductBalance b) {
		return amount(b.localDemand(), b.demandBound(), b.unit());
	}

	/** How much of a known capacity is estimate: "，其中估算 2 t（40%）", or nothing. */
	static String estimatePart(ProductBalance b) {
		Double estimated = b.estimatedCapacity();
		if (estimated == null || estimated <= 0) {
			return "";
		}
		return "，其中估算 " + amount(estimated, b.unit()) + "（" + percent(b.estimateShare()) + "）";
	}

	/** Up to six names, then how many in all. */
	static String companies(Collection<Company> companies) {
		List<String> names = companies.stream().map(Company::nameZh).toList();
		if (names.size() > 6) {
			return String.join("、", names.subList(0, 6)) + " 等" + names.size() + "家";
		}
		return String.join("、", names);
	}

	static <T> String names(Collection<T> items, Function<T, String> name) {
		return String.join("、", items.stream().map(name).toList());
	}

}
