package io.chainlens.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.chainlens.web.BadArgument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinceTest {

	@Test
	void aDateCountsFromMidnightInTheServersZoneAndADateTimeKeepsItsOffset() {
		assertThat(AuditController.since("2024-05-01"))
			.isEqualTo(LocalDate.of(2024, 5, 1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
		assertThat(AuditController.since("2024-05-01T08:00:00+08:00"))
			.isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00Z")
				.withOffsetSameInstant(OffsetDateTime.parse("2024-05-01T08:00:00+08:00").getOffset()));
		assertThat(AuditController.since(null)).isNull();
		assertThatThrownBy(() -> AuditController.since("yesterday")).isInstanceOf(BadArgument.class);
	}

}
