package io.chainlens.database;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "chainlens.neo4j.embedded", havingValue = "true", matchIfMissing = true)
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedNeo4j embeddedNeo4j(Neo4jSettings settings) {
			return EmbeddedNeo4j.start(settings);
		}

		// Boot builds the driver from these details, so the driver is created after the database is
		// up and closed before it stops.
		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
			return new Neo4jConnectionDetails() {
				@Override
				public URI getUri() {
					return neo4j.boltUri();
				}

				@Override
				public AuthToken getAuthToken() {
					return AuthTokens.none();
				}
			};
		}

	}

	/**
	 * Fails the start, not the first query, when the database cannot be reached, with a message
	 * that names the address and what to check.
	 */
	@Bean
	InitializingBean verifyNeo4jConnectivity(Driver driver, Neo4jSettings settings, Environment env) {
		return () -> {
			String where = settings.embedded() ? "the embedded Neo4j"
					: "the Neo4j at " + env.getProperty("spring.neo4j.uri", "bolt://localhost:7687")
							+ " (spring.neo4j.uri)";
			try {
				driver.verifyConnectivity();
			}
			catch (AuthenticationException ex) {
				throw new IllegalStateException("Cannot log in to " + where
						+ ": check spring.neo4j.authentication.username and password. " + ex.getMessage(), ex);
			}
			catch (ServiceUnavailableException ex) {
				throw new IllegalStateException(
						"Cannot reach " + where + ": is it running and the address right? " + ex.getMessage(), ex);
			}
			catch (Neo4jException | IllegalArgumentException ex) {
				throw new IllegalStateException("Cannot connect to " + where + ": " + ex.getMessage(), ex);
			}
		};
	}

}
