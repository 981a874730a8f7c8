package io.chainlens.editing;

import java.util.List;
import java.util.Set;

/**
 * The status of a capacity line, project or platform. A project only moves forward: what
 * is operating is not "planned" again (a cancelled project is out of this model).
 */
enum Status {

	PLANNED, UNDER_CONSTRUCTION, OPERATING;

	/** The statuses a project in this status may move to. */
	Set<Status> next() {
		return switch (this) {
			case PLANNED -> Set.of(UNDER_CONSTRUCTION, OPERATING);
			case UNDER_CONSTRUCTION -> Set.of(OPERATING);
			case OPERATING -> Set.of();
		};
	}

	boolean mayBecome(Status next) {
		return next().contains(next);
	}

	/** Every legal change, for error messages. */
	static final String LEGAL = List
		.of("PLANNED → UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION → OPERATING", "PLANNED → OPERATING")
		.toString();

}
