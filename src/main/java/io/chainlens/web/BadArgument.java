package io.chainlens.web;

/** A request argument was rejected; the message says what to fix. */
public class BadArgument extends RuntimeException {

	public BadArgument(String argument, String problem) {
		super("Argument '" + argument + "' " + problem);
	}

	/** Checks a page size: 1..max. */
	public static int checkFirst(int first, int max) {
		if (first < 1 || first > max) {
			throw new BadArgument("first", "must be between 1 and " + max + ", not " + first);
		}
		return first;
	}

}
