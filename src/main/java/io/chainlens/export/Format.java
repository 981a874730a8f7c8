package io.chainlens.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a column's figures are rounded and shown. The rounding is done once, on the value,
 * so that the XLSX and the CSV hold the same numbers and a sum in the spreadsheet adds
 * what the reader sees.
 */
enum Format {

	/** Text; no number. */
	TEXT(null),

	/** Counts and ranks: whole numbers with thousands separators. */
	INTEGER("#,##0"),

	/**
	 * Capacities and demands in the product's unit: two decimals from 1 up, three
	 * significant digits below (0.035 GW); whole amounts without a decimal point.
	 */
	AMOUNT("#,##0.0#####"),

	/** Shares, as a percent with one decimal: 0.423 is 42.3%. */
	SHARE("0.0%"),

	/** The gap's severity, two decimals. */
	SEVERITY("0.00"),

	/** A candidate's score in 0..1, three decimals. */
	SCORE("0.000");

	/** The format of a whole amount, so that 5 shows as 5 and not as 5. */
	static final String WHOLE_AMOUNT = "#,##0";

	private final String excel;

	Format(String excel) {
		this.excel = excel;
	}

	/** The Excel number format; null for text. */
	String excel() {
		return excel;
	}

	/** The Excel format of this value: a whole amount gets no decimal point. */
	String excel(double value) {
		return this == AMOUNT && value == Math.rint(value) ? WHOLE_AMOUNT : excel;
	}

	/** The value as the files hold it; null stays null (unknown, never 0). */
	Double round(Double value) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return value;
		}
		BigDecimal decimal = BigDecimal.valueOf(value);
		BigDecimal rounded = switch (this) {
			case TEXT -> decimal;
			case INTEGER -> decimal.setScale(0, RoundingMode.HALF_UP);
			case AMOUNT -> Math.abs(value) >= 1 || value == 0 ? decimal.setScale(2, RoundingMode.HALF_UP)
					: decimal.round(new MathContext(3, RoundingMode.HALF_UP));
			case SHARE -> decimal.setScale(3, RoundingMode.HALF_UP);
			case SEVERITY -> decimal.setScale(2, RoundingMode.HALF_UP);
			case SCORE -> decimal.setScale(3, RoundingMode.HALF_UP);
		};
		return rounded.doubleValue();
	}

}
