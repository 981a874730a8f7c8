package io.chainlens.database;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "chainlens.neo4j.embedded", havingValue = "true", matchIfMissing = true)
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedNeo4j embeddedNeo4j(Neo4jSettings settings, ObjectProvider<EarlyEmbeddedStart.Starting> early) {
			EarlyEmbeddedStart.Starting starting = early.getIfAvailable();
			return (starting != null) ? starting.take() : EmbeddedNeo4j.start(settings);
		}

		// Boot builds the driver from these details, so the driver is created after the
		// database is up and closed before it stops.
		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
			return new Neo4jConnectionDetails() {
				@Override
				public URI getUri() {
					return neo4j.boltUri();
				}

				@Override
				public AuthToken getAuthToken() {
					return neo4j.authToken();
				}
			};
		}

	}

}
