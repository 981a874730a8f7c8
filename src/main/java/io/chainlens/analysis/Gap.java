package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Chain;
import io.chainlens.chain.Product;
import io.chainlens.chain.Segment;
import io.chainlens.chain.Target;

/**
 * A gap of a chain in the focus region, with its severity and an explanation that gives
 * every figure it rests on. For NO_INNOVATION_SUPPORT the gap is the segment's, and
 * product is the segment's product with the most local companies at stake. Its figures
 * are those of the product's balance, with their bounds: an unknown is null, never 0.
 *
 * @param action 补链, 延链 or 强链
 * @param balance the product's balance in the scenario
 * @param companiesAffected the local companies counted in the severity (consumers;
 * producers for EXTENSION and NO_INNOVATION_SUPPORT)
 * @param candidatePool what to look for candidates for (not served: Gap.candidates reads
 * it)
 */
public record Gap(Chain chain, Product product, Segment segment, GapKind kind, double severity, String explanation,
		String action, ProductBalance balance, int companiesAffected, List<Target> targets,
		CandidatePool candidatePool) {

	static final String FILL = "补链";

	static final String EXTEND = "延链";

	static final String STRENGTHEN = "强链";

	public Double localCapacity() {
		return balance.localCapacity();
	}

	public Double localDemand() {
		return balance.localDemand();
	}

	public String unit() {
		return balance.unit();
	}

	public Scenario scenario() {
		return balance.scenario();
	}

	public boolean complete() {
		return balance.complete();
	}

	public int sitesWithUnknownCapacity() {
		return balance.sitesWithUnknownCapacity();
	}

	public Double selfSufficiency() {
		return balance.selfSufficiency();
	}

	public Bound capacityBound() {
		return balance.capacityBound();
	}

	public Bound demandBound() {
		return balance.demandBound();
	}

	public Bound selfSufficiencyBound() {
		return balance.selfSufficiencyBound();
	}

	public Double sourcedCapacity() {
		return balance.sourcedCapacity();
	}

	public Double estimatedCapacity() {
		return balance.estimatedCapacity();
	}

	public Double estimateShare() {
		return balance.estimateShare();
	}

	public int unknownCapacityProducers() {
		return balance.unknownCapacityProducers();
	}

	/**
	 * The products whose makers outside the region are candidates for a gap: the product
	 * itself, or for an EXTENSION the products downstream that could absorb the surplus.
	 */
	public record CandidatePool(String gapProductId, List<String> productIds, String region) {

		CandidatePool(String gapProductId, List<String> productIds) {
			this(gapProductId, productIds, null);
		}

	}

	/** This gap with the region its candidates are sought outside of. */
	Gap inRegion(String region) {
		return new Gap(chain, product, segment, kind, severity, explanation, action, balance, companiesAffected,
				targets, new CandidatePool(candidatePool.gapProductId(), candidatePool.productIds(), region));
	}

}
