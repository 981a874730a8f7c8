package io.chainlens.chain;

import org.neo4j.driver.types.MapAccessor;

/** A numbered item of a policy document. */
public record PolicyItem(String id, int number, String title, String titleZh, String source) {

	public static PolicyItem of(MapAccessor node) {
		return new PolicyItem(node.get("id").asString(), node.get("number").asInt(), node.get("title").asString(),
				node.get("titleZh").asString(), node.get("source").asString(""));
	}

}
