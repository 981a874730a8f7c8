package io.chainlens.editing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTest {

	@Test
	void aProjectMovesOnlyForward() {
		assertThat(Status.PLANNED.next()).containsExactlyInAnyOrder(Status.UNDER_CONSTRUCTION, Status.OPERATING);
		assertThat(Status.UNDER_CONSTRUCTION.next()).containsExactly(Status.OPERATING);
		assertThat(Status.OPERATING.next()).isEmpty();
		for (Status status : Status.values()) {
			assertThat(status.mayBecome(status)).as("%s to itself", status).isFalse();
		}
	}

}
