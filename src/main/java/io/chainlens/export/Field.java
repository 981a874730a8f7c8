package io.chainlens.export;

import java.util.function.Function;

/**
 * A column of an export's sheet or CSV: the Chinese header, what it holds (for the 说明
 * sheet), a width in Chinese characters (two Latin ones each), how its figures are
 * rounded and shown, and its value for a row: a Number (rounded by the format), a String,
 * {@link Sources} or null for an empty cell.
 */
record Field<T>(String header, String meaning, int width, Format format, Function<T, Object> value) {

	static <T> Field<T> text(String header, String meaning, int width, Function<T, Object> value) {
		return new Field<>(header, meaning, width, Format.TEXT, value);
	}

	Object valueOf(T row) {
		Object value = this.value.apply(row);
		if (value instanceof Number number && format != Format.TEXT) {
			return format == Format.INTEGER ? (Object) format.round(number.doubleValue()).longValue()
					: format.round(number.doubleValue());
		}
		return value;
	}

	/** The same column read from another kind of row, empty where that has none. */
	<R> Field<R> from(Function<R, T> part) {
		return new Field<>(header, meaning, width, format, row -> {
			T of = part.apply(row);
			return of == null ? null : value.apply(of);
		});
	}

}
