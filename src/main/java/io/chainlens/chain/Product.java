package io.chainlens.chain;

import org.neo4j.driver.types.MapAccessor;

/** Something a chain makes, measured in one canonical unit. */
public record Product(String id, String name, String nameZh, String unit, String source) {

	public static Product of(MapAccessor node) {
		return new Product(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString(),
				node.get("unit").asString(), node.get("source").asString(""));
	}

}
