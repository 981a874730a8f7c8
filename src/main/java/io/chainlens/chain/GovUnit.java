package io.chainlens.chain;

import org.neo4j.driver.types.MapAccessor;

/** A government or party unit. */
public record GovUnit(String id, String name, String nameZh) {

	public static GovUnit of(MapAccessor node) {
		return new GovUnit(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString());
	}

}
