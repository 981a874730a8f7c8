package io.chainlens.chain;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day the data describes: a reader of a printed map must know how old its figures
 * are. The seed has a date of its own; every write after it is in the audit trail, so its
 * latest entry dates the graph.
 */
@Repository
@Transactional(readOnly = true)
class DataDate {

	private final Neo4jClient neo4j;

	private final Settings settings;

	DataDate(Neo4jClient neo4j, Settings settings) {
		this.neo4j = neo4j;
		this.settings = settings;
	}

	LocalDate get() {
		LocalDate lastWrite = neo4j.query("MATCH (ch:Change) RETURN max(ch.at) AS at")
			.fetchAs(LocalDate.class)
			.mappedBy((t, r) -> r.get("at").isNull() ? null
					: r.get("at").asZonedDateTime().withZoneSameInstant(ZoneOffset.UTC).toLocalDate())
			.one()
			.orElse(null);
		return lastWrite == null || lastWrite.isBefore(settings.asOf()) ? settings.asOf() : lastWrite;
	}

	/**
	 * @param asOf the day the seed data set was last brought up to date (configuration
	 * {@code chainlens.seed.as-of})
	 */
	@ConfigurationProperties("chainlens.seed")
	record Settings(@DefaultValue("2026-12-04") LocalDate asOf) {
	}

}
