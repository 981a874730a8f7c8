package io.chainlens.explore;

import java.util.List;

import io.chainlens.analysis.Bound;
import io.chainlens.analysis.ProductBalance;
import io.chainlens.chain.Region;

/**
 * A region's place for one product: its known capacity (null when none of its lines has a
 * known capacity: an unknown is never 0), how many lines are unknown, its producers and
 * the largest of them.
 *
 * @param rank 1 for the first region of the ranking
 * @param knownCapacity sum of the lines with a known capacity, in the product's unit
 * @param linesWithUnknownCapacity lines counted in producers whose capacity is not known:
 * knownCapacity is a lower bound when above 0
 * @param leaders up to three companies with the largest known capacity there
 * @param balance the product's balance in the region (its self-sufficiency), as
 * {@code balance} answers it with that region; null for a product of no chain
 */
record RegionRank(int rank, Region region, Double knownCapacity, String unit, int producers, int sites,
		int linesWithUnknownCapacity, List<RegionLeader> leaders, ProductBalance balance) {

	public Double localDemand() {
		return balance == null ? null : balance.localDemand();
	}

	public Double selfSufficiency() {
		return balance == null ? null : balance.selfSufficiency();
	}

	public Bound selfSufficiencyBound() {
		return balance == null ? null : balance.selfSufficiencyBound();
	}

	RegionRank numbered(int place, ProductBalance of) {
		return new RegionRank(place, region, knownCapacity, unit, producers, sites, linesWithUnknownCapacity, leaders,
				of);
	}

	/** A company's known capacity of the product in the region (null: none known). */
	record RegionLeader(String companyId, Double knownCapacity) {
	}

}
