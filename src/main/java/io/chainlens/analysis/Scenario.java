package io.chainlens.analysis;

/**
 * Which capacities count: what operates today, also what is being built or planned, or
 * also the leads in talks (PIPELINE, for those who may read leads).
 */
public enum Scenario {

	CURRENT, PLANNED, PIPELINE;

	/**
	 * The status of a lead's proposed capacity in the local graph: counted only in
	 * PIPELINE.
	 */
	static final String LEAD_IN_TALKS = "LEAD_PRELIMINARY";

	/**
	 * Whether a MAKES or platform with this status counts in the scenario; no status
	 * means operating.
	 */
	boolean counts(String status) {
		if (LEAD_IN_TALKS.equals(status)) {
			return this == PIPELINE;
		}
		return this != CURRENT || status == null || "OPERATING".equals(status);
	}

	static Scenario orDefault(Scenario scenario) {
		return scenario == null ? CURRENT : scenario;
	}

}
