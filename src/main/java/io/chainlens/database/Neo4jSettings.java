package io.chainlens.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where chainlens keeps its graph.
 *
 * @param embedded start a Neo4j inside the app (default); false uses
 * {@code spring.neo4j.uri}
 * @param dataDir the embedded store
 * @param boltPort the embedded Bolt port on localhost; 0 picks a free one
 * @param pageCache page cache of the embedded database, e.g. {@code 256m}
 * @param templateDir a store the build made with the schema and seed graph
 * ({@code target/app/seed-store}), copied into a data directory that holds no store
 * instead of loading the seed; none by default
 */
@ConfigurationProperties("chainlens.neo4j")
public record Neo4jSettings(@DefaultValue("true") boolean embedded, @DefaultValue("./data/neo4j") Path dataDir,
		@DefaultValue("7687") int boltPort, @DefaultValue("256m") String pageCache, Path templateDir) {

	@ConstructorBinding
	public Neo4jSettings {
		if (boltPort < 0 || boltPort > 65535) {
			throw new IllegalArgumentException("chainlens.neo4j.bolt-port must be 0..65535, not " + boltPort);
		}
	}

	public Neo4jSettings(boolean embedded, Path dataDir, int boltPort, String pageCache) {
		this(embedded, dataDir, boltPort, pageCache, null);
	}

}
