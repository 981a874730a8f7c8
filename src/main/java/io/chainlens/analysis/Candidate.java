package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * A company to approach for a product, with a score in 0..1 and one reason per part of
 * it.
 *
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
 */
public record Candidate(Company company, double score, List<String> reasons, Product product, Double capacity,
		Double capacityScore, double relatedness, double ties, boolean attractable, String notAttractableReason) {
}
