package io.chainlens.export;

/**
 * One candidate of a gap, as the files show it.
 *
 * @param rank 1 for the best
 * @param sites where it makes the product, with each site's status
 * @param capacity its known capacity outside the region; null when unknown (never 0)
 * @param summary the sentence to say in a meeting (the API's {@code Candidate.summary})
 * @param breakdown how the score was made, a line per part and the formula
 */
record ExportCandidate(int rank, String company, String companyName, String product, String headquarters, String sites,
		Double capacity, String capacityUnit, double score, String summary, String breakdown, Sources sources) {
}
