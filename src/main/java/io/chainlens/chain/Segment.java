package io.chainlens.chain;

import org.neo4j.driver.types.MapAccessor;

/** A stage of a chain (环节). */
public record Segment(String id, String name, String nameZh, String stage, int position) {

	public static Segment of(MapAccessor node) {
		return new Segment(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString(),
				node.get("stage").asString(), node.get("position").asInt(0));
	}

}
