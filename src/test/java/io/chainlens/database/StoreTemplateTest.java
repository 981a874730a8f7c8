package io.chainlens.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;

class StoreTemplateTest {

	private static final String SEED = "classpath:graph-seed";

	@TempDir
	static Path template;

	@TempDir
	Path dataDir;

	@BeforeAll
	static void makeTemplate() {
		write(new Neo4jSettings(true, template, 0, "32m"), "from-template");
		StoreTemplate.recordSeeded(template, SEED);
	}

	@Test
	void newStoreIsACopyOfTheTemplateMadeWithTheSameSeed() {
		assertThat(companies(new Neo4jSettings(true, dataDir, 0, "32m", template), SEED))
			.containsExactly("from-template");
		assertThat(dataDir.resolve(StoreTemplate.FINGERPRINT_FILE))
			.hasSameTextualContentAs(template.resolve(StoreTemplate.FINGERPRINT_FILE));
	}

	@Test
	void existingStoreIsNeverReplacedByTheTemplate() {
		write(new Neo4jSettings(true, dataDir, 0, "32m"), "users-own");
		assertThat(companies(new Neo4jSettings(true, dataDir, 0, "32m", template), SEED)).containsExactly("users-own");
	}

	@Test
	void templateMadeFromAnotherSeedIsNotUsed() throws IOException {
		Path other = dataDir.resolve("other-template");
		write(new Neo4jSettings(true, other, 0, "32m"), "other-seed");
		Files.writeString(other.resolve(StoreTemplate.FINGERPRINT_FILE), "0".repeat(64) + "\n");
		Path store = dataDir.resolve("store");
		assertThat(companies(new Neo4jSettings(true, store, 0, "32m", other), SEED)).isEmpty();
	}

	@Test
	void noTemplateIsUsedWhenNoSeedWouldBeLoaded() {
		assertThat(companies(new Neo4jSettings(true, dataDir, 0, "32m", template), null)).isEmpty();
	}

	private static void write(Neo4jSettings settings, String companyId) {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run("CREATE (:Company {id: $id})", Map.of("id", companyId)));
		}
	}

	private static List<String> companies(Neo4jSettings settings, String seedLocation) {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings, seedLocation);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			return session.executeRead(
					tx -> tx.run("MATCH (c:Company) RETURN c.id AS id ORDER BY id").list(r -> r.get("id").asString()));
		}
	}

}
