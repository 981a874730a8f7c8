package io.chainlens.analysis;

/**
 * Which capacities count: what operates today, or also what is being built or planned.
 */
public enum Scenario {

	CURRENT, PLANNED;

	/**
	 * Whether a MAKES or platform with this status counts in the scenario; no status
	 * means operating.
	 */
	boolean counts(String status) {
		return this == PLANNED || status == null || "OPERATING".equals(status);
	}

	static Scenario orDefault(Scenario scenario) {
		return scenario == null ? CURRENT : scenario;
	}

}
