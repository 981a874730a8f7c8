package io.chainlens.database;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedNeo4jTest {

	@TempDir
	Path dataDir;

	private Neo4jSettings settings() {
		return new Neo4jSettings(true, dataDir, 0, "32m");
	}

	@Test
	void dataWrittenOverBoltSurviveARestart() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings());
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("CREATE (:Company {id: 'tongwei', nameZh: '通威'})"));
		}

		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings());
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			String name = session.executeRead(tx -> tx.run("MATCH (c:Company {id: 'tongwei'}) RETURN c.nameZh AS n")
				.single()
				.get("n")
				.asString());
			assertThat(name).isEqualTo("通威");
		}
	}

	@Test
	void onlyThisProcessCanLogInToTheEmbeddedDatabase() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings())) {
			for (var credentials : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"))) {
				try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), credentials)) {
					assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
				}
			}
			try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
				driver.verifyConnectivity();
			}
		}
	}

	@Test
	void secondDatabaseOnTheSameStoreFailsWithAPlainMessage() {
		try (EmbeddedNeo4j first = EmbeddedNeo4j.start(settings())) {
			assertThatThrownBy(() -> EmbeddedNeo4j.start(settings())).isInstanceOf(StoreInUse.class)
				.hasMessageContaining("is in use by another process")
				.hasMessageContaining(dataDir.toString());
			assertThat(first.boltUri().getPort()).isPositive();
		}
	}

	@Test
	void boltPortTakenByAnotherProcessFailsWithAPlainMessage(@TempDir Path otherDir) {
		try (EmbeddedNeo4j first = EmbeddedNeo4j.start(settings())) {
			int port = first.boltUri().getPort();
			assertThatThrownBy(() -> EmbeddedNeo4j.start(new Neo4jSettings(true, otherDir, port, "32m")))
				.isInstanceOf(BoltPortInUse.class)
				.hasMessageContaining("127.0.0.1:" + port);
		}
	}

}
