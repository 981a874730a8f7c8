package io.chainlens.analysis;

/**
 * Progress of the graph against a capacity target: the known local capacity of the
 * target's product in its unit, and the share of the target value it reaches.
 */
public record TargetProgress(Scenario scenario, double localCapacity, String unit, double share, int producerCount,
		int sitesWithUnknownCapacity, boolean complete, String explanation) {
}
