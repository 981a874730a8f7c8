package io.chainlens.export;

import java.util.List;

/**
 * One gap of a 招商清单 in the words and figures the files show. Figures are in {@code unit};
 * an unknown figure is null (an empty cell, never 0) and {@code trust} says which figures
 * are exact, lower bounds, unknown or estimated.
 *
 * @param number its place in the export, by severity across chains: 1 is the most urgent
 * @param leadUnits the chain's lead units (链长制牵头单位), joined with 、
 * @param kind the gap kind in the page's words
 * @param summary one line: what is missing or short, with the figures that say so
 * @param candidates best first
 */
record ExportGap(int number, String chain, String leadUnits, String segment, String product, String kind, String action,
		double severity, Double localCapacity, Double localDemand, String unit, Double selfSufficiency, String trust,
		Double estimatedCapacity, String complete, int sitesWithUnknownCapacity, int companiesAffected, String summary,
		String explanation, String scenario, Sources sources, List<ExportCandidate> candidates) {

	/** The first three candidates, one sentence each: ① …\n② …\n③ … */
	String topCandidates() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(3, candidates.size()); i++) {
			text.append(i == 0 ? "" : "\n").append((char) ('①' + i)).append(' ').append(candidates.get(i).summary());
		}
		return text.isEmpty() ? null : text.toString();
	}

}
