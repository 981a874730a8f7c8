package io.chainlens.explore;

import java.util.List;

import io.chainlens.analysis.Bound;
import io.chainlens.analysis.GapKind;
import io.chainlens.analysis.RegionFigures;
import io.chainlens.chain.Product;
import io.chainlens.chain.Region;

/**
 * A chain's products across the regions of a level: the regions with most producers
 * first, a cell for each (region, product) made there.
 */
record RegionMatrix(String chainId, String level, List<Region> regions, List<Product> products, List<Cell> cells) {

	/**
	 * What a region makes of one product: known capacity (null when none of its lines is
	 * known), producers, sites and lines of unknown capacity; and the region's analysis
	 * of the product (self-sufficiency, gap kinds), as {@code gaps} with that region;
	 * null when the request asks for none of it.
	 */
	record Cell(Region region, Product product, Double knownCapacity, int producers, int sites,
			int linesWithUnknownCapacity, RegionFigures.Cell analysis) {

		Cell with(RegionFigures.Cell figures) {
			return new Cell(region, product, knownCapacity, producers, sites, linesWithUnknownCapacity, figures);
		}

		public Double localDemand() {
			return analysis == null ? null : analysis.balance().localDemand();
		}

		public Double selfSufficiency() {
			return analysis == null ? null : analysis.balance().selfSufficiency();
		}

		public Bound selfSufficiencyBound() {
			return analysis == null ? null : analysis.balance().selfSufficiencyBound();
		}

		public List<GapKind> gaps() {
			return analysis == null ? List.of() : analysis.gaps();
		}

	}

}
