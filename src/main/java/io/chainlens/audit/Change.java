package io.chainlens.audit;

import java.util.List;

import org.neo4j.driver.Value;

/**
 * One write of the audit trail.
 *
 * @param at when, ISO-8601 in UTC
 * @param before the values before as a JSON object, null when the write created them
 * @param after the values after as a JSON object, null when the write removed them
 */
public record Change(String id, String at, String user, String operation, String entity, String entityId, String before,
		String after, String source, List<String> chainIds) {

	/** Reads a map projection of a Change node with its {@code chainIds}. */
	static Change of(Value change) {
		return new Change(change.get("id").asString(), change.get("at").asZonedDateTime().toOffsetDateTime().toString(),
				change.get("user").asString(), change.get("operation").asString(), change.get("entity").asString(),
				change.get("entityId").asString(), change.get("before").asString(null),
				change.get("after").asString(null), change.get("source").asString(""),
				change.get("chainIds").asList(Value::asString, List.of()));
	}

}
