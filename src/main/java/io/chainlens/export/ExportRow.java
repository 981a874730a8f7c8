package io.chainlens.export;

/**
 * One row of a 招商清单: a gap with one of its candidates, or with none (the candidate's
 * fields are then null). Figures are in the unit beside them; an unknown figure is null
 * (an empty cell, never 0) and {@code trust} says which figures are exact, lower bounds,
 * unknown or estimated.
 */
record ExportRow(String chain, String segment, String product, String kind, String action, double severity,
		Double localCapacity, Double localDemand, String unit, Double selfSufficiency, String trust,
		Double estimatedCapacity, String complete, int sitesWithUnknownCapacity, int companiesAffected,
		String explanation, String scenario, String gapSources, Integer rank, String company, String companyName,
		String candidateProduct, String headquarters, String sites, Double capacity, String capacityUnit, Double score,
		String reasons, String candidateSources) {
}
