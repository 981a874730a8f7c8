package io.chainlens.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.chainlens.ChainlensApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that cannot succeed fails at once, with a message that says what to fix. */
class StartupFailuresTest {

	@TempDir
	Path dataDir;

	/**
	 * Starts the app with the properties as command-line arguments, which override
	 * application.yml.
	 */
	private void start(String... properties) {
		String[] args = java.util.stream.Stream
			.concat(java.util.stream.Stream.of("chainlens.neo4j.data-dir=" + dataDir, "chainlens.neo4j.bolt-port=0",
					"chainlens.neo4j.page-cache=32m"), java.util.Arrays.stream(properties))
			.map(p -> "--" + p)
			.toArray(String[]::new);
		new SpringApplicationBuilder(ChainlensApplication.class).web(WebApplicationType.NONE).run(args).close();
	}

	@Test
	void unreachableExternalDatabaseFailsTheStartNamingTheAddress() {
		assertThatThrownBy(() -> start("chainlens.neo4j.embedded=false", "spring.neo4j.uri=bolt://127.0.0.1:1"))
			.hasStackTraceContaining("Cannot reach the Neo4j at bolt://127.0.0.1:1 (spring.neo4j.uri)");
	}

	@Test
	void wrongPasswordForAnExternalDatabaseFailsTheStart() {
		DatabaseManagementService server = new DatabaseManagementServiceBuilder(dataDir.resolve("server"))
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
			.build();
		try {
			int port = ((GraphDatabaseAPI) server.database("neo4j")).getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT)
				.getPort();

			assertThatThrownBy(
					() -> start("chainlens.neo4j.embedded=false", "spring.neo4j.uri=bolt://127.0.0.1:" + port,
							"spring.neo4j.authentication.username=neo4j", "spring.neo4j.authentication.password=wrong"))
				.hasStackTraceContaining("Cannot log in to the Neo4j at bolt://127.0.0.1:" + port);
		}
		finally {
			server.shutdown();
		}
	}

	@Test
	void malformedSeedStopsTheStartNamingFileLineAndFieldAndWritesNothing() {
		assertThatThrownBy(() -> start("chainlens.seed.location=classpath:fixtures/broken-unit")).rootCause()
			.hasMessageContaining("capacities.csv:3 [unit]");

		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new Neo4jSettings(true, dataDir, 0, "32m"));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
			long nodes = driver.executableQuery("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong();
			assertThat(nodes).isZero();
		}
	}

}
