package io.chainlens.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The region the analysis is about: a site is local when its region is this one or lies
 * within it.
 *
 * @param region the region's Chinese name or id (configuration {@code chainlens.region})
 */
@ConfigurationProperties("chainlens")
public record FocusRegion(@DefaultValue("包头市") String region) {

	/**
	 * Cypher for the name of the city that region variable {@code r} lies in, or r's own
	 * name. A site placed in a city needs no walk up the tree.
	 */
	public static final String CITY_OF_R = "CASE r.level WHEN 'CITY' THEN r.nameZh ELSE coalesce(COLLECT { MATCH (r)-[:PART_OF*1..4]->(x:Region {level: 'CITY'}) RETURN x.nameZh }[0], r.nameZh) END";

	/**
	 * Cypher that is true when region variable {@code r} lies in the focus region passed
	 * as {@code $region}.
	 */
	public static final String IN_FOCUS = "EXISTS { MATCH (r)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region }";

}
