package io.chainlens.company;

import org.neo4j.driver.types.MapAccessor;

/**
 * A university, research institute, association or fund the documents name: it runs
 * platforms and is responsible for items beside companies.
 */
public record Institution(String id, String name, String nameZh, String kind, String source) {

	static Institution of(MapAccessor node) {
		return new Institution(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString(),
				node.get("kind").asString(), node.get("source").asString(""));
	}

}
