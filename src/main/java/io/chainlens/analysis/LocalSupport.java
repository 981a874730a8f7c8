package io.chainlens.analysis;

import java.util.List;

import io.chainlens.chain.Product;

/**
 * Local support rate (本地配套率) of a chain: the mean, over the inputs its local production
 * consumes, of the share of each input's local demand that local supply covers (capped at
 * 1). See docs/analysis.md for why the mean of shares and not a sum of amounts.
 *
 * @param rate null when the chain's local production consumes no input with known demand
 * @param complete false when a site of unknown capacity makes or consumes one of the
 * inputs
 */
public record LocalSupport(Double rate, Scenario scenario, boolean complete, List<Input> inputs, String explanation) {

	/**
	 * One input of the chain's local production.
	 *
	 * @param demand what the chain's local production consumes of it
	 * @param localDemand what all local production consumes of it, any chain
	 * @param localCapacity null when its local producers' capacities are all unknown
	 * @param coverage min(1, localCapacity / localDemand): local supply is shared pro
	 * rata; null when localCapacity is unknown (the input is then left out of the rate)
	 */
	public record Input(Product product, double demand, Double localCapacity, double localDemand, Double coverage,
			boolean complete) {
	}

}
