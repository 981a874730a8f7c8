package io.chainlens.company;

import org.neo4j.driver.Record;

/**
 * Something the document says is being built, commissioned or attracted;
 * {@code companyId} is the lead developer, the first one named.
 */
public record Project(String id, String name, String nameZh, String companyId, Double capacity, String unit,
		String status, String district, String source, Integer item) {

	/** Columns for variable {@code pr} (Project). */
	static final String COLUMNS = """
			OPTIONAL MATCH (pr)-[:IN_REGION]->(r:Region)
			OPTIONAL MATCH (pr)-[:UNDER_ITEM]->(i:PolicyItem)
			RETURN pr, reduce(lead = null, x IN [(pr)-[by:BY]->(co:Company) | {position: coalesce(by.position, 0), id: co.id}] |
			         CASE WHEN lead IS NULL OR x.position < lead.position THEN x ELSE lead END).id AS companyId, CASE r.level WHEN 'DISTRICT' THEN r.nameZh END AS district, i.number AS item""";

	static Project of(Record r) {
		var p = r.get("pr");
		return new Project(p.get("id").asString(), p.get("name").asString(), p.get("nameZh").asString(),
				r.get("companyId").asString(null), p.get("capacity").isNull() ? null : p.get("capacity").asDouble(),
				p.get("unit").asString(null), p.get("status").asString(), r.get("district").asString(null),
				p.get("source").asString(""), r.get("item").isNull() ? null : r.get("item").asInt());
	}

}
