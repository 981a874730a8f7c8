package io.chainlens.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.chainlens.database.CypherScript;
import io.chainlens.seed.SeedSchema.FileType;

/**
 * The Cypher of {@code cypher/seed/} that writes the rows of each file type, merging on
 * ids, and of {@code cypher/import/} that creates the rows a bulk import knows to be new.
 */
@Component
class SeedCypher {

	private final Map<FileType, CypherScript> scripts = new LinkedHashMap<>();

	private final Map<FileType, CypherScript> creating = new LinkedHashMap<>();

	SeedCypher() {
		SeedSchema.FILES.forEach(type -> {
			scripts.put(type, CypherScript.classpath(type.cypher()));
			String create = type.cypher().replace("cypher/seed/", "cypher/import/");
			if (new ClassPathResource(create).exists()) {
				creating.put(type, CypherScript.classpath(create));
			}
		});
	}

	/**
	 * Writes the rows in the given transaction (explicit or managed) and returns how many
	 * of them created their entity or link. Each script merges exactly one node per row
	 * of a file that defines entities (a lead and its first step: two) and one
	 * relationship per row of a file of links, so the database's own counters say it
	 * without a second query.
	 */
	long write(QueryRunner tx, FileType type, List<Map<String, Object>> rows) {
		return run(tx, type, scripts.get(type), rows);
	}

	/**
	 * Whether rows of this type that are new to the graph can be written by
	 * {@link #create}.
	 */
	boolean creates(FileType type) {
		return creating.containsKey(type);
	}

	/**
	 * Writes rows that are new to the graph with {@code CREATE} instead of {@code MERGE}:
	 * no unique-index seek and lock per row to find what is not there. Only for rows
	 * whose id (or, for a link, whose site) the graph did not hold; a row that exists
	 * after all fails the batch on the unique constraint instead of being duplicated.
	 */
	long create(QueryRunner tx, FileType type, List<Map<String, Object>> rows) {
		return run(tx, type, creating.get(type), rows);
	}

	private static long run(QueryRunner tx, FileType type, CypherScript script, List<Map<String, Object>> rows) {
		long nodes = 0;
		long relationships = 0;
		for (String statement : script.statements()) {
			SummaryCounters counters = tx.run(statement, Map.of("rows", rows)).consume().counters();
			nodes += counters.nodesCreated();
			relationships += counters.relationshipsCreated();
		}
		// a lead is created with its first step (two nodes), every other entity alone
		return type.defines() == SeedSchema.Kind.LEAD ? nodes / 2 : type.defines() != null ? nodes : relationships;
	}

}
