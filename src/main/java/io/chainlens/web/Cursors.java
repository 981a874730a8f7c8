package io.chainlens.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque cursors of the connections: a keyset position (the sort key and id of an edge)
 * under the name of its list, so that a page after a cursor stays right while rows are
 * added or changed elsewhere in the order (where an offset would skip or repeat them),
 * and a cursor of one list given to another is refused rather than read as a position it
 * is not.
 */
public final class Cursors {

	private static final String VERSION = "c1";

	private static final String NOT_A_CURSOR = "is not a cursor of this list: take endCursor or an edge's cursor as given";

	private Cursors() {
	}

	public static String encode(String list, String... parts) {
		String raw = VERSION + "\n" + list + "\n" + String.join("\n", parts);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The parts of a cursor of {@code list}; refused naming the argument {@code after}
	 * when it is malformed or of another list.
	 */
	public static List<String> decode(String cursor, String list, int parts) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new BadArgument("after", NOT_A_CURSOR);
		}
		String[] all = raw.split("\n", -1);
		if (all.length < 2 || !all[0].equals(VERSION)) {
			throw new BadArgument("after", NOT_A_CURSOR);
		}
		if (!all[1].equals(list)) {
			throw new BadArgument("after", "is a cursor of " + all[1] + ", not of " + list
					+ ": a cursor is valid only in the list it was taken from");
		}
		if (all.length != parts + 2) {
			throw new BadArgument("after", NOT_A_CURSOR);
		}
		return List.of(all).subList(2, all.length);
	}

	/** A part that must be a number; refused as not a cursor otherwise. */
	public static double number(String part) {
		try {
			double value = Double.parseDouble(part);
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new BadArgument("after", NOT_A_CURSOR);
	}

}
