package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Chain;
import io.chainlens.chain.Product;
import io.chainlens.chain.Segment;
import io.chainlens.chain.Target;

/**
 * A gap of a chain in the focus region, with its severity and an explanation that gives
 * every figure it rests on. For NO_INNOVATION_SUPPORT the gap is the segment's, and
 * product is the segment's product with the most local companies at stake.
 *
 * @param action 补链, 延链 or 强链
 * @param companiesAffected the local companies counted in the severity (consumers;
 * producers for EXTENSION and NO_INNOVATION_SUPPORT)
 * @param candidatePool what to look for candidates for (not served: Gap.candidates reads
 * it)
 */
public record Gap(Chain chain, Product product, Segment segment, GapKind kind, double severity, Double localCapacity,
		Double localDemand, String unit, String explanation, String action, Scenario scenario, boolean complete,
		int sitesWithUnknownCapacity, int companiesAffected, List<Target> targets, Double selfSufficiency,
		CandidatePool candidatePool) {

	static final String FILL = "补链";

	static final String EXTEND = "延链";

	static final String STRENGTHEN = "强链";

	/**
	 * The products whose makers outside the region are candidates for a gap: the product
	 * itself, or for an EXTENSION the products downstream that could absorb the surplus.
	 */
	public record CandidatePool(String gapProductId, List<String> productIds) {
	}

}
