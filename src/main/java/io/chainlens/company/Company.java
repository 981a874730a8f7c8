package io.chainlens.company;

import java.util.List;

import org.neo4j.driver.types.MapAccessor;

/** A company; whether it is local is resolved per request against the focus region. */
public record Company(String id, String name, String nameZh, List<String> aliases, String source) {

	public static Company of(MapAccessor node) {
		return new Company(node.get("id").asString(), node.get("name").asString(), node.get("nameZh").asString(),
				node.get("aliases").asList(v -> v.asString(), List.of()), node.get("source").asString(""));
	}

}
