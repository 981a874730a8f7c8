package io.chainlens.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail. */
@Repository
@Transactional(readOnly = true)
class AuditQueries {

	private final Neo4jClient neo4j;

	AuditQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * The changes of a chain, newest first.
	 * @return empty when there is no such chain
	 */
	Optional<List<Change>> changes(String chainId, OffsetDateTime since, int first) {
		Map<String, Object> parameters = new TreeMap<>();
		parameters.put("chainId", chainId);
		parameters.put("since", since);
		parameters.put("first", first);
		return neo4j.query("""
				MATCH (c:Chain {id: $chainId})
				RETURN COLLECT {
				  MATCH (c)<-[:ON_CHAIN]-(ch:Change) WHERE $since IS NULL OR ch.at >= $since
				  WITH ch ORDER BY ch.at DESC, ch.id DESC LIMIT $first
				  RETURN ch { .*, chainIds: COLLECT { MATCH (ch)-[:ON_CHAIN]->(x:Chain) RETURN x.id ORDER BY x.id } }
				} AS changes""")
			.bindAll(parameters)
			.fetchAs(Changes.class)
			.mappedBy((types, r) -> new Changes(r.get("changes").asList(Change::of)))
			.one()
			.map(Changes::list);
	}

	/**
	 * Every change, those of no chain too, newest first (the index on {@code Change.at}
	 * gives the order).
	 */
	List<Change> allChanges(OffsetDateTime since, int first) {
		Map<String, Object> parameters = new TreeMap<>();
		parameters.put("since", since);
		parameters.put("first", first);
		return List.copyOf(neo4j
			.query("""
					MATCH (ch:Change) WHERE $since IS NULL OR ch.at >= $since
					WITH ch ORDER BY ch.at DESC, ch.id DESC LIMIT $first
					RETURN ch { .*, chainIds: COLLECT { MATCH (ch)-[:ON_CHAIN]->(x:Chain) RETURN x.id ORDER BY x.id } } AS change""")
			.bindAll(parameters)
			.fetchAs(Change.class)
			.mappedBy((types, r) -> Change.of(r.get("change")))
			.all());
	}

	private record Changes(List<Change> list) {
	}

}
