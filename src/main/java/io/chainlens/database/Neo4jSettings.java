package io.chainlens.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where chainlens keeps its graph.
 *
 * @param embedded start a Neo4j inside the app (default); false uses
 * {@code spring.neo4j.uri}
 * @param dataDir the embedded store
 * @param boltPort the embedded Bolt port on localhost; 0 picks a free one
 * @param pageCache page cache of the embedded database, e.g. {@code 256m}
 */
@ConfigurationProperties("chainlens.neo4j")
public record Neo4jSettings(@DefaultValue("true") boolean embedded, @DefaultValue("./data/neo4j") Path dataDir,
		@DefaultValue("7687") int boltPort, @DefaultValue("256m") String pageCache) {

	public Neo4jSettings {
		if (boltPort < 0 || boltPort > 65535) {
			throw new IllegalArgumentException("chainlens.neo4j.bolt-port must be 0..65535, not " + boltPort);
		}
	}

}
