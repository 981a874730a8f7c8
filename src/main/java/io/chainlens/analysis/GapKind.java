package io.chainlens.analysis;

/** The kinds of gap, in the order a report lists them when severities tie. */
public enum GapKind {

	MISSING, PIPELINE_ONLY, SHORTFALL, SINGLE_SOURCE, EXTENSION, NO_INNOVATION_SUPPORT

}
