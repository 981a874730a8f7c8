package io.chainlens.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.summary.SummaryCounters;
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

	/**
	 * Writes the rows in the given transaction (explicit or managed) and returns how many
	 * of them created their entity or link. Each script merges exactly one node per row
	 * of a file that defines entities and one relationship per row of a file of links, so
	 * the database's own counters say it without a second query.
	 */
	long write(QueryRunner tx, FileType type, List<Map<String, Object>> rows) {
		long nodes = 0;
		long relationships = 0;
		for (String statement : scripts.get(type).statements()) {
			SummaryCounters counters = tx.run(statement, Map.of("rows", rows)).consume().counters();
			nodes += counters.nodesCreated();
			relationships += counters.relationshipsCreated();
		}
		return type.defines() != null ? nodes : relationships;
	}

}
