package io.chainlens.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.web.Connection;
import io.chainlens.web.Cursors;

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

	/**
	 * A page of the changes of a chain (or of all, chainId null), newest first, after a
	 * position (the time and id of the last change of the page before; null for the first
	 * page): new changes come before every page already read, so they neither shift nor
	 * repeat the pages after.
	 * @return empty when there is no such chain
	 */
	Optional<Connection<Change>> page(String chainId, OffsetDateTime since, int first, String afterAt, String afterId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("chainId", chainId);
		parameters.put("since", since);
		parameters.put("first", first);
		parameters.put("afterAt", afterAt);
		parameters.put("afterId", afterId);
		String trail = (chainId == null) ? "MATCH (ch:Change)"
				: "MATCH (:Chain {id: $chainId})<-[:ON_CHAIN]-(ch:Change)";
		boolean found = chainId == null || neo4j.query("MATCH (c:Chain {id: $chainId}) RETURN count(c) > 0 AS found")
			.bindAll(parameters)
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
		if (!found) {
			return Optional.empty();
		}
		int total = neo4j.query(trail + " WHERE $since IS NULL OR ch.at >= $since RETURN count(ch) AS n")
			.bindAll(parameters)
			.fetchAs(Integer.class)
			.one()
			.orElse(0);
		String list = list(chainId);
		List<Connection.Edge<Change>> edges = neo4j.query(
				trail + """
						 WHERE ($since IS NULL OR ch.at >= $since)
						  AND ($afterId IS NULL OR ch.at < datetime($afterAt) OR (ch.at = datetime($afterAt) AND ch.id < $afterId))
						WITH ch ORDER BY ch.at DESC, ch.id DESC LIMIT $first + 1
						RETURN ch { .*, chainIds: COLLECT { MATCH (ch)-[:ON_CHAIN]->(x:Chain) RETURN x.id ORDER BY x.id } } AS change""")
			.bindAll(parameters)
			.fetchAs(Change.class)
			.mappedBy((types, r) -> Change.of(r.get("change")))
			.all()
			.stream()
			.map(c -> new Connection.Edge<>(Cursors.encode(list, c.at(), c.id()), c))
			.toList();
		return Optional.of(Connection.of(edges, first, total));
	}

	/** The list name of a trail's cursors: one chain's, or the whole trail's. */
	static String list(String chainId) {
		return chainId == null ? "allChangesConnection" : "changesConnection(" + chainId + ")";
	}

	private record Changes(List<Change> list) {
	}

}
