package io.chainlens.chain;

import java.util.List;

import org.neo4j.driver.types.MapAccessor;

/** A country, province, city or district. */
public record Region(String id, String name, String nameZh, String level) {

	/** The levels of the region tree, top down. */
	public static final List<String> LEVELS = List.of("COUNTRY", "PROVINCE", "CITY", "DISTRICT");

	public static Region of(MapAccessor node) {
		return new Region(node.get("id").asString(), node.get("name").asString(node.get("nameZh").asString()),
				node.get("nameZh").asString(), node.get("level").asString());
	}

}
