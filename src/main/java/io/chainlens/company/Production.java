package io.chainlens.company;

import org.neo4j.driver.types.MapAccessor;

import io.chainlens.chain.FocusRegion;

/**
 * Capacity of one product at one site, with its status.
 *
 * @param writtenAs the figure as the source wrote it
 * @param conversion the product's own conversion the figure went through, with its source
 * (e.g. "1 t/d = 0.5 Mm2（public: …）"); null when it converted exactly or not at all
 */
public record Production(String siteId, String companyId, String productId, String region, String district,
		Double capacity, String unit, String status, String source, Integer year, String writtenAs, boolean local,
		String conversion) {

	/**
	 * Cypher returning the columns {@link #of} reads, for variables {@code s} (Site),
	 * {@code m} (MAKES) and {@code p} (Product); needs {@code $region}.
	 */
	static final String COLUMNS = columns(FocusRegion.IN_FOCUS);

	/**
	 * The columns, with {@code local} computed by {@code localExpression} over the site's
	 * region {@code r}: a query that has read the focus region's tree once passes
	 * {@code r IN focus} instead of walking up from every site.
	 */
	static String columns(String localExpression) {
		return """
				MATCH (co:Company)-[:HAS_SITE]->(s)-[:IN_REGION]->(r:Region)
				RETURN s.id AS siteId, co.id AS companyId, p.id AS productId, %s AS region,
				       CASE r.level WHEN 'DISTRICT' THEN r.nameZh END AS district,
				       m.capacity AS capacity, m.unit AS unit, m.status AS status, m.source AS source, m.year AS year,
				       m.writtenAs AS writtenAs, m.conversion AS conversion, %s AS local"""
			.formatted(FocusRegion.CITY_OF_R, localExpression);
	}

	static Production of(MapAccessor r) {
		return new Production(r.get("siteId").asString(), r.get("companyId").asString(), r.get("productId").asString(),
				r.get("region").asString(), r.get("district").asString(null),
				r.get("capacity").isNull() ? null : r.get("capacity").asDouble(), r.get("unit").asString(null),
				r.get("status").asString(), r.get("source").asString(""),
				r.get("year").isNull() ? null : r.get("year").asInt(), r.get("writtenAs").asString(null),
				r.get("local").asBoolean(), r.get("conversion").asString(null));
	}

}
