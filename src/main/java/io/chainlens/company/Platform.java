package io.chainlens.company;

import java.util.List;

import org.neo4j.driver.Record;

/** An innovation platform: a lab, R&D, testing or pilot centre, an exchange, a park… */
public record Platform(String id, String name, String nameZh, String kind, String source, List<String> operators,
		Integer item, String status) {

	/** Columns for variable {@code pl} (Platform). */
	static final String COLUMNS = """
			OPTIONAL MATCH (pl)-[:UNDER_ITEM]->(i:PolicyItem)
			RETURN pl, COLLECT { MATCH (pl)-[:OPERATED_BY]->(o) RETURN o.nameZh ORDER BY o.id } AS operators,
			       i.number AS item""";

	static Platform of(Record r) {
		var p = r.get("pl");
		return new Platform(p.get("id").asString(), p.get("name").asString(), p.get("nameZh").asString(),
				p.get("kind").asString(), p.get("source").asString(""),
				r.get("operators").asList(v -> v.asString(), List.of()),
				r.get("item").isNull() ? null : r.get("item").asInt(), p.get("status").asString(null));
	}

}
