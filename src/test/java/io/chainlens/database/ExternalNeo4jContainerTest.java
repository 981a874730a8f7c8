package io.chainlens.database;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same build against the official Neo4j server image instead of the embedded
 * database. Runs only where a Docker engine exists; it is never the only proof of
 * anything (the embedded tests exercise the same Bolt path).
 */
@SpringBootTest(properties = "chainlens.neo4j.embedded=false")
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jContainerTest {

	@Container
	@ServiceConnection
	static Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withoutAuthentication();

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void servesTheSeedGraphFromAnExternalServer() {
		graphQl.document("{ chains { id } }").execute().path("chains[*].id").entityList(String.class).hasSize(7);
	}

}
