package io.chainlens.analysis;

/**
 * Progress of the graph against a capacity target: the local capacity of the target's
 * product in its unit, and the share of the target value it reaches.
 *
 * @param localCapacity null when the product is made locally but no capacity is known
 * @param share localCapacity / the target's value; null as localCapacity
 * @param bound of localCapacity and share: EXACT, AT_LEAST or UNKNOWN
 * @param estimatedCapacity the part of localCapacity from {@code estimate:} rows; null as
 * localCapacity
 */
public record TargetProgress(Scenario scenario, Double localCapacity, String unit, Double share, int producerCount,
		int sitesWithUnknownCapacity, boolean complete, Bound bound, Double estimatedCapacity, String explanation) {
}
