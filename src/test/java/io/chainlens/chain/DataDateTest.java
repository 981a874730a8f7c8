package io.chainlens.chain;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query.dataDate: the seed's date (chainlens.seed.as-of, 2026-12-04 in application.yml)
 * until the audit trail records a later write, then that write's day in UTC.
 */
class DataDateTest extends SeedSharingWrites {

	@BeforeEach
	void noWrites() {
		graph.write("MATCH (c:Change) DETACH DELETE c", Map.of());
	}

	private String dataDate() {
		return graphQl.document("{ dataDate }").execute().path("dataDate").entity(String.class).get();
	}

	private void changeAt(String at) {
		graph.write("CREATE (:Change {id: randomUUID(), at: datetime($at), user: 'test', operation: 'test'})",
				Map.of("at", at));
	}

	@Test
	void isTheSeedsDateWhileNothingWasWritten() {
		assertThat(dataDate()).isEqualTo("2026-12-04");
	}

	@Test
	void isTheDayOfTheLatestWriteInUtcAfterTheSeed() {
		changeAt("2027-01-05T09:00:00Z");
		// 01:30 in Beijing on 3 March is still 2 March in UTC
		changeAt("2027-03-03T01:30:00+08:00");
		assertThat(dataDate()).isEqualTo("2027-03-02");
	}

	@Test
	void staysTheSeedsDateWhenTheWritesAreOlder() {
		changeAt("2025-06-01T08:00:00Z");
		assertThat(dataDate()).isEqualTo("2026-12-04");
	}

}
