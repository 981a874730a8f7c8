package io.chainlens.pipeline;

import java.util.Optional;

/**
 * The five stages of seed §21 (谋划储备、前期推进、签约落地、开工建设、竣工投产) and DROPPED. A lead moves
 * forward only; from SIGNED on its capacities are capacity lines of a project, whose
 * status follows the stage.
 */
public enum LeadStage {

	RESERVE("谋划储备"), PRELIMINARY("前期推进"), SIGNED("签约落地"), CONSTRUCTION("开工建设"), PRODUCTION("竣工投产"), DROPPED("已放弃");

	private final String nameZh;

	LeadStage(String nameZh) {
		this.nameZh = nameZh;
	}

	public String nameZh() {
		return nameZh;
	}

	/**
	 * Whether a lead at this stage may move to {@code next} (not to DROPPED: a drop is
	 * its own write).
	 */
	public boolean mayMoveTo(LeadStage next) {
		return this != DROPPED && next != DROPPED && next.ordinal() > ordinal();
	}

	/**
	 * Whether this stage is at least {@code other} on the way to production (DROPPED is
	 * none).
	 */
	public boolean reached(LeadStage other) {
		return this != DROPPED && other != DROPPED && ordinal() >= other.ordinal();
	}

	/**
	 * The status of the capacity lines of a lead at this stage: none before it is signed.
	 */
	public Optional<String> lineStatus() {
		return switch (this) {
			case SIGNED -> Optional.of("PLANNED");
			case CONSTRUCTION -> Optional.of("UNDER_CONSTRUCTION");
			case PRODUCTION -> Optional.of("OPERATING");
			default -> Optional.empty();
		};
	}

}
