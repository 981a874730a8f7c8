package io.chainlens.chain;

import org.neo4j.driver.Record;

/** A goal for a year, of a chain or a product. */
public record Target(String id, String metric, double value, String unit, int year, String productId, String source,
		String note, Integer item) {

	/**
	 * Reads a record with columns {@code t} (the node), {@code productId} and
	 * {@code item}.
	 */
	public static Target of(Record row) {
		var t = row.get("t");
		return new Target(t.get("id").asString(), t.get("metric").asString(), t.get("value").asDouble(),
				t.get("unit").asString(), t.get("year").asInt(), row.get("productId").asString(null),
				t.get("source").asString(""), t.get("note").asString(null),
				row.get("item").isNull() ? null : row.get("item").asInt());
	}

}
