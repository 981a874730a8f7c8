package io.chainlens.seed;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a fact must follow wherever it comes from, a seed file or a write through the
 * API: id shape, provenance, text length, platform kinds.
 */
public final class Formats {

	/** Longest free text (names, sources, notes) a fact may carry. */
	public static final int MAX_TEXT = 2000;

	/** Lowercase ASCII, digits and single dashes: readable and stable once published. */
	public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/**
	 * A source starts with its kind; what follows (more sources, reasoning) is free text.
	 */
	public static final Pattern SOURCE = Pattern.compile("(seed §\\d+|public:\\s*\\S|estimate:\\s*\\S).*",
			Pattern.DOTALL);

	/** What a source must start with, in the words of an error message. */
	public static final String SOURCE_RULE = "must start with 'seed §N', 'public: <publication, date, address>' or 'estimate: <reasoning>'";

	public static final Set<String> PLATFORM_KINDS = Set.of("LAB", "RD_CENTRE", "TESTING_CENTRE", "PILOT_BASE",
			"CERTIFICATION_CENTRE", "EXCHANGE", "PARK", "ENCLAVE", "ALLIANCE", "SERVICE_PLATFORM", "EVENT");

	private Formats() {
	}

	public static boolean isId(String text) {
		return text != null && ID.matcher(text).matches();
	}

	public static boolean isSource(String text) {
		return text != null && SOURCE.matcher(text).matches();
	}

}
