package io.chainlens.explore;

import java.util.List;

import io.chainlens.chain.Product;
import io.chainlens.chain.Region;

/**
 * A chain's products across the regions of a level: the regions with most producers
 * first, a cell for each (region, product) made there.
 */
record RegionMatrix(String chainId, String level, List<Region> regions, List<Product> products, List<Cell> cells) {

	/**
	 * What a region makes of one product: known capacity (null when none of its lines is
	 * known), producers, sites and lines of unknown capacity.
	 */
	record Cell(Region region, Product product, Double knownCapacity, int producers, int sites,
			int linesWithUnknownCapacity) {
	}

}
