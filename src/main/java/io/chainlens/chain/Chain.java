package io.chainlens.chain;

import org.neo4j.driver.types.MapAccessor;

/** An industrial chain (产业链). */
public record Chain(String id, String name, String nameZh, String source) {

	public static Chain of(MapAccessor node) {
		return new Chain(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString(),
				node.get("source").asString(""));
	}

}
