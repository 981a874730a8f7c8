package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.chain.Region;
import io.chainlens.company.Company;

/**
 * A company to approach for a product, with a score in 0..1, a sentence a person can say
 * about it and one reason per part of the score.
 *
 * @param reasons the summary, then the breakdown
 * @param product the product it would bring (for an EXTENSION gap, a product downstream)
 * @param capacity its known capacity of the product outside the region, null when none is
 * known
 * @param capacityScore capacity / the largest known capacity among the product's
 * candidates; null when its capacity is unknown (the term is then left out of the score
 * and its weight shared by the others)
 * @param relatedness (density of the region around the product + share of its other
 * products the region makes) / 2
 * @param ties 0.5 for a site in the region + 0.5 for a supply link with a local company
 * @param attractable false when the data say a Chinese city cannot credibly attract it
 * for this product (graph-seed/common/not_attractable.csv); it is then ranked after the
 * others
 * @param notAttractableReason why not, with the source's words
 * @param summary one plain Chinese sentence: who it is, how big, what ties it to the
 * region
 * @param breakdown one sentence per part of the score, then the score's formula
 * @param headquarters its home region; null when the data do not say
 * @param siteRegions the regions of its sites making the product, outside the region
 */
public record Candidate(Company company, double score, List<String> reasons, Product product, Double capacity,
		Double capacityScore, double relatedness, double ties, boolean attractable, String notAttractableReason,
		String summary, List<String> breakdown, Region headquarters, List<String> siteRegions) {

	Candidate(Company company, double score, Product product, Double capacity, Double capacityScore, double relatedness,
			double ties, String notAttractableReason, String summary, List<String> breakdown, Region headquarters,
			List<String> siteRegions) {
		this(company, score, reasons(summary, breakdown), product, capacity, capacityScore, relatedness, ties,
				notAttractableReason == null, notAttractableReason, summary, List.copyOf(breakdown), headquarters,
				List.copyOf(siteRegions));
	}

	/**
	 * The same candidate for a gap that needs a word more about it (the surplus it would
	 * absorb): the summary gets the clause, the breakdown the line first.
	 */
	Candidate withClause(String clause, String line) {
		String said = summary.endsWith("。") ? summary.substring(0, summary.length() - 1) : summary;
		List<String> lines = new ArrayList<>();
		lines.add(line);
		lines.addAll(breakdown);
		return new Candidate(company, score, product, capacity, capacityScore, relatedness, ties, notAttractableReason,
				said + "；" + clause + "。", lines, headquarters, siteRegions);
	}

	// the summary first, so that a client showing reasons as before leads with the
	// sentence a person can say
	private static List<String> reasons(String summary, List<String> breakdown) {
		List<String> reasons = new ArrayList<>();
		reasons.add(summary);
		reasons.addAll(breakdown);
		return List.copyOf(reasons);
	}

}
