package io.chainlens.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.chainlens.company.Company;

/**
 * Figures and names as the explanations write them: amounts of 1 and more with up to two
 * decimals, smaller ones (factors, shares) with four significant digits, never with an
 * exponent, so that a person can recompute them; Chinese names joined with 、.
 */
final class Words {

	private Words() {
	}

	static String num(double value) {
		if (value == 0) {
			return "0";
		}
		BigDecimal decimal = BigDecimal.valueOf(value);
		decimal = Math.abs(value) >= 1 ? decimal.setScale(2, RoundingMode.HALF_UP) : decimal.round(new MathContext(4));
		return decimal.stripTrailingZeros().toPlainString();
	}

	static String amount(double value, String unit) {
		return num(value) + " " + unit;
	}

	static String percent(double share) {
		return num(Math.round(share * 1000) / 10.0) + "%";
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
