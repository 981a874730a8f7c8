package io.chainlens.editing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.chainlens.seed.Formats;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;

/**
 * Checks of a write's input that need no database: presence, length, shape, range. Each
 * refusal says what to fix and never repeats the offending text, which may be long.
 */
final class Check {

	static final int ID = 100;

	static final int NAME = 200;

	static final int UNIT = 20;

	static final int TEXT = Formats.MAX_TEXT;

	static final int LIST = 50;

	private Check() {
	}

	static String id(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new BadArgument(field, "is required");
		}
		return shapeOfId(field, clean(field, value, false));
	}

	static String optionalId(String field, String value) {
		return value == null || value.isBlank() ? null : shapeOfId(field, clean(field, value, false));
	}

	private static String shapeOfId(String field, String id) {
		length(field, id, ID);
		if (!Formats.isId(id)) {
			throw new BadArgument(field,
					"must be an id: lowercase letters, digits and single dashes, e.g. rare-earth-ndfeb-magnet");
		}
		return id;
	}

	static List<String> ids(String field, List<String> values, boolean required) {
		if (values == null || values.isEmpty()) {
			if (required) {
				throw new BadArgument(field, "needs at least one id");
			}
			return values == null ? null : List.of();
		}
		if (values.size() > LIST) {
			throw new BadArgument(field, "has " + values.size() + " ids; at most " + LIST);
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			ids.add(id(field + "[" + i + "]", values.get(i)));
		}
		return List.copyOf(ids);
	}

	static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new BadArgument(field, "is required");
		}
		return length(field, clean(field, value, false), max);
	}

	/** Null or blank is no value (for an update: keep what is there). */
	static String optionalText(String field, String value, int max) {
		return value == null || value.isBlank() ? null : length(field, clean(field, value, false), max);
	}

	/**
	 * A note: free text that may run over several lines, otherwise held to the rule of
	 * {@link #clean}.
	 */
	static String optionalNote(String value) {
		return value == null || value.isBlank() ? null : length("note", clean("note", value, true), TEXT);
	}

	/**
	 * Text in NFC, stripped, with nothing a reader cannot see: no control character (a
	 * line feed only where {@code lines}), no format character (bidi overrides and marks,
	 * zero-width spaces and joiners, the BOM), no line or paragraph separator and no lone
	 * surrogate, which the store would keep as '?'. Otherwise 通, U+200B, 威 would be a
	 * second 通威 that looks the same, and an override could show a name backwards.
	 */
	static String clean(String field, String value, boolean lines) {
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			int c = value.codePointAt(i);
			if (Character.isSurrogate((char) c) && c <= Character.MAX_VALUE) {
				throw new BadArgument(field,
						"has a lone surrogate (U+%04X) at character %d: the text is not valid Unicode".formatted(c,
								i + 1));
			}
			if (c == '\n' && lines) {
				continue;
			}
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				throw new BadArgument(field,
						("has an invisible or control character (U+%04X) at character %d; "
								+ "remove it (no control, bidi, zero-width or format characters%s)")
							.formatted(c, i + 1, lines ? "; line feeds are allowed" : ""));
			}
		}
		return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
	}

	private static String length(String field, String value, int max) {
		if (value.length() > max) {
			throw new BadArgument(field, "is " + value.length() + " characters long; at most " + max);
		}
		return value;
	}

	static String source(String value) {
		String source = text("source", value, TEXT);
		if (!Formats.isSource(source)) {
			throw new BadArgument("source", Formats.SOURCE_RULE);
		}
		return source;
	}

	static double amount(String field, Double value) {
		if (value == null) {
			throw new BadArgument(field, "is required");
		}
		return checkAmount(field, value);
	}

	static Double optionalAmount(String field, Double value) {
		return value == null ? null : checkAmount(field, value);
	}

	private static double checkAmount(String field, double value) {
		if (!Double.isFinite(value)) {
			throw new BadArgument(field, "must be a finite number, not " + value);
		}
		if (value < 0) {
			throw new BadArgument(field, "must be 0 or more, not " + value);
		}
		// -0.0 passes the test above; it is stored as 0, which it equals
		return value == 0 ? 0.0 : value;
	}

	/**
	 * A figure converted to the unit it is stored in, checked against that unit's bound:
	 * the check comes after the conversion, which can overflow (1e308 万t is infinite in
	 * t), and keeps every stored figure small enough that any sum of them is finite.
	 */
	static double stored(String field, double converted, String storedUnit, String writtenAs) {
		Units.outOfBounds(converted, storedUnit, writtenAs).ifPresent(problem -> {
			throw new BadArgument(field, "cannot be stored: " + problem);
		});
		return converted == 0 ? 0.0 : converted;
	}

	static Integer year(String field, Integer value, boolean required) {
		if (value == null) {
			if (required) {
				throw new BadArgument(field, "is required");
			}
			return null;
		}
		if (value < 1949 || value > 2100) {
			throw new BadArgument(field, "must be a year between 1949 and 2100, not " + value);
		}
		return value;
	}

	static Integer item(Integer value) {
		if (value != null && (value < 1 || value > 999)) {
			throw new BadArgument("item", "must be a policy item number such as 5, not " + value);
		}
		return value;
	}

	static List<String> aliases(List<String> values) {
		if (values == null) {
			return null;
		}
		if (values.size() > LIST) {
			throw new BadArgument("aliases", "has " + values.size() + " entries; at most " + LIST);
		}
		Set<String> aliases = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			aliases.add(text("aliases[" + i + "]", values.get(i), NAME));
		}
		return new ArrayList<>(aliases);
	}

	/**
	 * An id made from an English name, e.g. {@code Baotou Laboratory} →
	 * {@code baotou-laboratory}; null when the name has no Latin letters or digits.
	 */
	static String slug(String name) {
		if (name == null) {
			return null;
		}
		String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 60) {
			slug = slug.substring(0, 60).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? null : slug;
	}

}
