package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * Local capacity against local demand of one product in one scenario. Capacities and
 * demands count known figures only; the counts of sites with unknown capacity say how far
 * each is a lower bound.
 *
 * @param localCapacity known capacity of local sites, co-product output included
 * @param localDemand known capacity of local consumers × FEEDS factor
 * @param selfSufficiency localCapacity / localDemand; null without local demand
 * @param producerCount local companies making it (directly or as a co-product), known
 * capacity or not
 * @param yieldedCapacity the part of localCapacity made as a co-product of a process
 * product
 * @param siteCount local sites making it
 * @param sitesWithUnknownCapacity local sites making it whose capacity is not known
 * @param consumerSitesWithUnknownCapacity local sites consuming it whose capacity is not
 * known
 * @param complete true when neither figure misses a site
 */
public record ProductBalance(Product product, double localCapacity, double localDemand, Double selfSufficiency,
		int producerCount, String unit, Scenario scenario, double yieldedCapacity, int siteCount,
		int sitesWithUnknownCapacity, int consumerSitesWithUnknownCapacity, boolean complete, List<Company> producers,
		List<Company> consumers, List<DemandShare> demandBy) {

	/** Demand for a product from one consuming product. */
	public record DemandShare(Product product, Double perUnit, double consumerCapacity, double demand, int siteCount,
			int sitesWithUnknownCapacity, List<Company> consumers) {
	}

	boolean supplyComplete() {
		return sitesWithUnknownCapacity == 0;
	}

	boolean demandComplete() {
		return consumerSitesWithUnknownCapacity == 0;
	}

}
