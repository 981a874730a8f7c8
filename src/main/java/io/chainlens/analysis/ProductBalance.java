package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * Local capacity against local demand of one product in one scenario. The sums count
 * known figures only; each figure says how far it can be trusted ({@link Bound}): exact,
 * a lower bound (some sites' capacities are unknown) or unknown (none is known: the
 * figure is null, never 0).
 *
 * @param knownCapacity Σ known capacity of local sites, co-product output included
 * @param knownDemand Σ known capacity of local consumers × FEEDS factor
 * @param producerCount local companies making it (directly or as a co-product), known
 * capacity or not
 * @param yieldedCapacity the part of knownCapacity made as a co-product of a process
 * product
 * @param siteCount local sites making it
 * @param sitesWithUnknownCapacity local sites making it whose capacity is not known
 * @param consumerSitesWithUnknownCapacity local sites consuming it whose capacity (or
 * FEEDS factor) is not known
 * @param complete true when neither figure misses a site
 * @param capacityBound EXACT (also with no producer at all: nothing is made locally),
 * AT_LEAST or UNKNOWN
 * @param demandBound EXACT (also with no local consumer), AT_LEAST or UNKNOWN
 * @param estimatedPart the part of knownCapacity resting on rows whose source is an
 * {@code estimate:}
 * @param unknownCapacityProducers local producers with at least one site of unknown
 * capacity
 */
public record ProductBalance(Product product, double knownCapacity, double knownDemand, int producerCount, String unit,
		Scenario scenario, double yieldedCapacity, int siteCount, int sitesWithUnknownCapacity,
		int consumerSitesWithUnknownCapacity, boolean complete, List<Company> producers, List<Company> consumers,
		List<DemandShare> demandBy, Bound capacityBound, Bound demandBound, double estimatedPart,
		int unknownCapacityProducers) {

	/**
	 * Demand for a product from one consuming product.
	 *
	 * @param consumerCapacity known local capacity of the consuming product; null when no
	 * consuming site's capacity is known
	 * @param demand perUnit × consumerCapacity; null when the factor or every consuming
	 * site's capacity is unknown
	 * @param bound of demand: EXACT, AT_LEAST or UNKNOWN
	 */
	public record DemandShare(Product product, Double perUnit, Double consumerCapacity, Double demand, int siteCount,
			int sitesWithUnknownCapacity, List<Company> consumers, Bound bound) {

	}

	/** The local capacity, null when no producer's capacity is known. */
	public Double localCapacity() {
		return capacityBound == Bound.UNKNOWN ? null : knownCapacity;
	}

	/** The local demand, null when local consumers exist but none's demand is known. */
	public Double localDemand() {
		return demandBound == Bound.UNKNOWN ? null : knownDemand;
	}

	/** The part of localCapacity from sourced rows (seed §N, public:); null as it. */
	public Double sourcedCapacity() {
		return capacityBound == Bound.UNKNOWN ? null : knownCapacity - estimatedPart;
	}

	/** The part of localCapacity from {@code estimate:} rows; null as it. */
	public Double estimatedCapacity() {
		return capacityBound == Bound.UNKNOWN ? null : estimatedPart;
	}

	/** estimatedCapacity / localCapacity; null when localCapacity is unknown or 0. */
	public Double estimateShare() {
		return capacityBound == Bound.UNKNOWN || knownCapacity <= 0 ? null : estimatedPart / knownCapacity;
	}

	/**
	 * localCapacity / localDemand: null without a known local demand above 0, or when the
	 * ratio has no bound (capacity unknown, or both figures lower bounds).
	 */
	public Double selfSufficiency() {
		return selfSufficiencyBound() == null || selfSufficiencyBound() == Bound.UNKNOWN ? null
				: knownCapacity / knownDemand;
	}

	/**
	 * The bound of selfSufficiency: EXACT, AT_LEAST (capacity a lower bound), AT_MOST
	 * (demand a lower bound) or UNKNOWN; null when there is no local demand to compare
	 * with.
	 */
	public Bound selfSufficiencyBound() {
		if (knownDemand <= 0) {
			return demandBound == Bound.EXACT ? null : Bound.UNKNOWN;
		}
		if (producerCount == 0) {
			// nothing made locally covers 0% of any demand
			return Bound.EXACT;
		}
		return Bound.ofRatio(capacityBound, demandBound);
	}

	boolean supplyComplete() {
		return sitesWithUnknownCapacity == 0;
	}

	boolean demandComplete() {
		return consumerSitesWithUnknownCapacity == 0;
	}

	boolean supplyUnknown() {
		return capacityBound == Bound.UNKNOWN;
	}

	boolean demandUnknown() {
		return demandBound == Bound.UNKNOWN;
	}

}
