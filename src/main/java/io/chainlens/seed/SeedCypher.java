package io.chainlens.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.QueryRunner;
import org.springframework.stereotype.Component;

import io.chainlens.database.CypherScript;
import io.chainlens.seed.SeedSchema.FileType;

/**
 * The Cypher of {@code cypher/seed/} that writes the rows of each file type, merging on
 * ids.
 */
@Component
class SeedCypher {

	private final Map<FileType, CypherScript> scripts = new LinkedHashMap<>();

	SeedCypher() {
		SeedSchema.FILES.forEach(type -> scripts.put(type, CypherScript.classpath(type.cypher())));
	}

	/** Writes the rows in the given transaction (explicit or managed). */
	void write(QueryRunner tx, FileType type, List<Map<String, Object>> rows) {
		for (String statement : scripts.get(type).statements()) {
			tx.run(statement, Map.of("rows", rows)).consume();
		}
	}

}
