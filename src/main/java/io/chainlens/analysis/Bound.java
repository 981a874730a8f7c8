package io.chainlens.analysis;

/**
 * How far a figure built on capacities can be trusted: the graph knows every capacity it
 * rests on (EXACT), some are missing so it can only be larger (AT_LEAST) or only smaller
 * (AT_MOST, a ratio whose denominator is a lower bound), or nothing it rests on is known
 * (UNKNOWN: the figure itself is null, never 0).
 */
public enum Bound {

	EXACT, AT_LEAST, AT_MOST, UNKNOWN;

	/**
	 * The bound of a sum of known capacities: exact without unknown sites, a lower bound
	 * when some parts are known, unknown when none is.
	 */
	static Bound ofSum(int knownParts, int unknownParts) {
		if (unknownParts == 0) {
			return EXACT;
		}
		return knownParts > 0 ? AT_LEAST : UNKNOWN;
	}

	/**
	 * The bound of a ratio of two figures with these bounds: a lower bound over an exact
	 * figure is a lower bound, an exact figure over a lower bound an upper bound; two
	 * lower bounds give no bound at all.
	 */
	static Bound ofRatio(Bound numerator, Bound denominator) {
		if (numerator == UNKNOWN || denominator == UNKNOWN) {
			return UNKNOWN;
		}
		if (numerator == EXACT) {
			return denominator == EXACT ? EXACT : AT_MOST;
		}
		return denominator == EXACT ? AT_LEAST : UNKNOWN;
	}

	/**
	 * The bound of a difference of two figures with these bounds: a lower bound minus an
	 * exact figure is a lower bound, an exact figure minus a lower bound an upper bound.
	 */
	static Bound ofDifference(Bound minuend, Bound subtrahend) {
		if (minuend == UNKNOWN || subtrahend == UNKNOWN) {
			return UNKNOWN;
		}
		if (minuend == EXACT) {
			return subtrahend == EXACT ? EXACT : AT_MOST;
		}
		return subtrahend == EXACT ? AT_LEAST : UNKNOWN;
	}

}
