package io.chainlens.database;

import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The database answered: created before anything else uses the driver, so a wrong address
 * or password fails the start at once with a message that says what to check, not the
 * first query after the driver's retries.
 */
@Component
public class ConnectionVerified {

	ConnectionVerified(Driver driver, Neo4jSettings settings, Environment env) {
		String where = settings.embedded() ? "the embedded Neo4j" : "the Neo4j at "
				+ env.getProperty("spring.neo4j.uri", "bolt://localhost:7687") + " (spring.neo4j.uri)";
		try {
			driver.verifyConnectivity();
		}
		catch (AuthenticationException ex) {
			throw new DatabaseUnavailable("Cannot log in to " + where + ": " + ex.getMessage(),
					"Check spring.neo4j.authentication.username and spring.neo4j.authentication.password.", ex);
		}
		catch (ServiceUnavailableException ex) {
			throw new DatabaseUnavailable("Cannot reach " + where + ": " + ex.getMessage(),
					"Check that the database is running and that spring.neo4j.uri is its address.", ex);
		}
		catch (Neo4jException | IllegalArgumentException ex) {
			throw new DatabaseUnavailable("Cannot connect to " + where + ": " + ex.getMessage(),
					"Check spring.neo4j.uri and the database's log.", ex);
		}
	}

}
