package io.chainlens.company;

import org.neo4j.driver.types.MapAccessor;

import io.chainlens.chain.FocusRegion;

/**
 * Capacity of one product at one site, with its status.
 *
 * @param writtenAs the figure as the source wrote it
 * @param conversion the product's own conversion the figure went through, with its source
 * (e.g. "1 t/d = 0.5 Mm2（public: …）"); null when it converted exactly or not at all
 * @param company the company running the site, read in the same row: a page of a
 * product's producers is one query, not one more per nested field (issue #17)
 * @param site the site, read in the same row
 */
public record Production(String productId, Double capacity, String unit, String status, String source, Integer year,
		String writtenAs, boolean local, String conversion, Company company, Site site) {

	public String siteId() {
		return site.id();
	}

	public String companyId() {
		return company.id();
	}

	/** The site's city (or province, where no city is known). */
	public String region() {
		return site.region();
	}

	public String district() {
		return site.district();
	}

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
		return "MATCH (co:Company)-[:HAS_SITE]->(s)-[:IN_REGION]->(r:Region)\n" + returned(localExpression);
	}

	/**
	 * The RETURN of {@link #columns} alone, for a query that has matched {@code co}
	 * (Company) and {@code r} (the site's Region) itself.
	 */
	static String returned(String localExpression) {
		return """
				RETURN s.id AS siteId, p.id AS productId, %s AS region,
				       CASE r.level WHEN 'DISTRICT' THEN r.nameZh END AS district,
				       m.capacity AS capacity, m.unit AS unit, m.status AS status, m.source AS source, m.year AS year,
				       m.writtenAs AS writtenAs, m.conversion AS conversion, %s AS local,
				       co {.id, .name, .nameZh, .aliases, .source} AS co, s.nameZh AS siteName, s.source AS siteSource"""
			.formatted(FocusRegion.CITY_OF_R, localExpression);
	}

	static Production of(MapAccessor r) {
		Company company = Company.of(r.get("co"));
		Site site = new Site(r.get("siteId").asString(), r.get("siteName").asString(null), company.id(),
				r.get("region").asString(), r.get("district").asString(null), r.get("siteSource").asString(""));
		return of(r, r.get("productId").asString(), r.get("local").asBoolean(), company, site);
	}

	/**
	 * The production whose figures {@code m} holds under the names {@link #returned}
	 * gives them, of a company and site already read.
	 */
	static Production of(MapAccessor m, String productId, boolean local, Company company, Site site) {
		return new Production(productId, m.get("capacity").isNull() ? null : m.get("capacity").asDouble(),
				m.get("unit").asString(null), m.get("status").asString(), m.get("source").asString(""),
				m.get("year").isNull() ? null : m.get("year").asInt(), m.get("writtenAs").asString(null), local,
				m.get("conversion").asString(null), company, site);
	}

}
