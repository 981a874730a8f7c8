package io.chainlens.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.web.client.RestClient;

import io.chainlens.ChainlensApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app with {@code chainlens.neo4j.embedded=false} against a Neo4j server started as a
 * separate process (see {@link Neo4jServerProcess}), the way a deployment runs it; the
 * server's logs are kept under {@code target/external-neo4j/}.
 */
class ExternalNeo4jServerTest {

	private static final String PASSWORD = "chainlens-external-test";

	private static Neo4jServerProcess server;

	private static ConfigurableApplicationContext app;

	private static Driver driver;

	@BeforeAll
	static void startServerAndApp() {
		server = Neo4jServerProcess
			.start(Path.of("target", "external-neo4j", Long.toString(System.nanoTime())).toAbsolutePath(), PASSWORD);
		driver = GraphDatabase.driver(server.uri(), server.authToken());
		app = start(WebApplicationType.SERVLET, PASSWORD);
	}

	@AfterAll
	static void stopAppAndServer() {
		try (Neo4jServerProcess s = server; Driver d = driver; ConfigurableApplicationContext a = app) {
			// closed in reverse order: the app, the test's driver, then the server
		}
		assertThat(server == null || !server.isAlive()).as("the server process has ended").isTrue();
	}

	private static ConfigurableApplicationContext start(WebApplicationType type, String password) {
		String[] args = Stream
			.of("chainlens.neo4j.embedded=false", "spring.neo4j.uri=" + server.uri(),
					"spring.neo4j.authentication.username=" + Neo4jServerProcess.USER,
					"spring.neo4j.authentication.password=" + password, "server.port=0", "chainlens.warm-up=false")
			.map(p -> "--" + p)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ChainlensApplication.class).web(type).run(args);
	}

	private static long count(String cypher) {
		return driver.executableQuery(cypher).execute().records().get(0).get(0).asLong();
	}

	private static HttpSyncGraphQlClient graphQl(String user, String password) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		RestClient rest = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port + "/graphql")
			.defaultHeaders(h -> h.setBasicAuth(user, password))
			.build();
		return HttpSyncGraphQlClient.builder(rest)
			.documentSource(new ResourceDocumentSource(List.of(new ClassPathResource("graphql-test/")),
					ResourceDocumentSource.FILE_EXTENSIONS))
			.build();
	}

	@Test
	void appliesTheSchemaAndLoadsTheSeedIntoTheEmptyServer() {
		assertThat(count("MATCH (m:SchemaMigration) RETURN count(m)"))
			.isEqualTo(SchemaMigrations.load("classpath*:cypher/schema/*.cypher").size());
		assertThat(driver.executableQuery("SHOW CONSTRAINTS YIELD labelsOrTypes RETURN labelsOrTypes")
			.execute()
			.records()
			.stream()
			.map(r -> r.get(0).asList(v -> v.asString()).get(0))
			.toList()).contains("Company", "Product", "Chain", "Region", "Site");
		assertThat(count("MATCH (c:Chain) RETURN count(c)")).isEqualTo(7);
		assertThat(count("MATCH (c:Company) RETURN count(c)")).isGreaterThan(100);
	}

	@Test
	void answersQueriesAndWritesMutationsThroughTheServer() {
		assertThat(graphQl("analyst", "analyst-demo").documentName("company")
			.variable("id", "tongwei")
			.retrieveSync("company.productions")
			.toEntityList(Map.class)).isNotEmpty();

		List<String> aliases = graphQl("admin", "admin-demo").documentName("updateCompany")
			.variable("input",
					Map.of("id", "tongwei", "aliases", List.of("通威", "Tongwei"), "source", "estimate: external test"))
			.retrieveSync("updateCompany.aliases")
			.toEntityList(String.class);

		assertThat(aliases).containsExactly("通威", "Tongwei");
		assertThat(driver.executableQuery("MATCH (c:Company {id: 'tongwei'}) RETURN c.aliases")
			.execute()
			.records()
			.get(0)
			.get(0)
			.asList(v -> v.asString())).containsExactly("通威", "Tongwei");
		assertThat(count("MATCH (x:Change {entityId: 'tongwei', operation: 'updateCompany'}) RETURN count(x)"))
			.isEqualTo(1);
	}

	@Test
	void aSecondStartKeepsTheGraphAndDoesNotLoadTheSeedAgain() {
		driver.executableQuery("MERGE (c:Company {id: 'ext-marker'}) SET c.nameZh = '外部标记' "
				+ "WITH 1 AS x MATCH (c:Company {id: 'china-northern-rare-earth'}) SET c.note = 'changed outside the seed'")
			.execute();
		long nodes = count("MATCH (n) RETURN count(n)");

		try (ConfigurableApplicationContext second = start(WebApplicationType.NONE, PASSWORD)) {
			assertThat(second.isActive()).isTrue();
		}

		assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
		// a seed load would have set the note back to the seed's
		assertThat(driver.executableQuery("MATCH (c:Company {id: 'china-northern-rare-earth'}) RETURN c.note")
			.execute()
			.records()
			.get(0)
			.get(0)
			.asString()).isEqualTo("changed outside the seed");
	}

	@Test
	void aWrongPasswordFailsTheStartNamingTheServer() {
		assertThatThrownBy(() -> start(WebApplicationType.NONE, "not-the-password").close())
			.hasStackTraceContaining("Cannot log in to the Neo4j at " + server.uri() + " (spring.neo4j.uri)");
	}

}
