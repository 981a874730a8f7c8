package io.chainlens.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import io.chainlens.analysis.GapKind;
import io.chainlens.analysis.Scenario;

/**
 * What one export asks for, checked before the API is asked anything.
 *
 * @param chainId the chain, or null for every chain
 * @param scenario CURRENT or PLANNED
 * @param kinds the kinds of gap to list; empty for all
 * @param candidates candidates listed per gap
 */
record ExportRequest(String chainId, Scenario scenario, List<GapKind> kinds, int candidates) {

	static final int DEFAULT_CANDIDATES = 5;

	/**
	 * Reads the URL's parameters as written; a blank one counts as left out, so that a
	 * page may send an empty chain for "all chains".
	 */
	static ExportRequest parse(String chainId, String scenario, String kinds, String candidates, int maxPageSize) {
		return new ExportRequest(blank(chainId) ? null : chainId.strip(), scenario(scenario), kinds(kinds),
				candidates(candidates, maxPageSize));
	}

	boolean allChains() {
		return chainId == null;
	}

	private static Scenario scenario(String text) {
		if (blank(text)) {
			return Scenario.CURRENT;
		}
		try {
			Scenario scenario = Scenario.valueOf(text.strip().toUpperCase(Locale.ROOT));
			if (scenario == Scenario.PIPELINE) {
				// the export is read by more people than the leads are
				throw bad("scenario PIPELINE is not exported: leads are confidential; use CURRENT or PLANNED");
			}
			return scenario;
		}
		catch (IllegalArgumentException ex) {
			throw bad("scenario must be CURRENT or PLANNED, not '" + text + "'");
		}
	}

	private static List<GapKind> kinds(String text) {
		if (blank(text)) {
			return List.of();
		}
		List<GapKind> kinds = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				GapKind kind = GapKind.valueOf(part.strip().toUpperCase(Locale.ROOT));
				if (!kinds.contains(kind)) {
					kinds.add(kind);
				}
			}
			catch (IllegalArgumentException ex) {
				throw bad("kinds must be a comma-separated list of "
						+ Arrays.toString(GapKind.values()).replaceAll("[\\[\\] ]", "") + ", not '" + part.strip()
						+ "'");
			}
		}
		return List.copyOf(kinds);
	}

	private static int candidates(String text, int maxPageSize) {
		if (blank(text)) {
			return Math.min(DEFAULT_CANDIDATES, maxPageSize);
		}
		try {
			int candidates = Integer.parseInt(text.strip());
			if (candidates >= 1 && candidates <= maxPageSize) {
				return candidates;
			}
		}
		catch (NumberFormatException ex) {
			// said below, as for a number out of range
		}
		throw bad("candidates must be a whole number between 1 and " + maxPageSize
				+ " (chainlens.graphql.max-page-size), not '" + text + "'");
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static ExportRefused bad(String message) {
		return new ExportRefused(HttpStatus.BAD_REQUEST, message);
	}

}
