package io.chainlens.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.chainlens.database.GraphState;
import io.chainlens.security.Caller;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the audit trail. */
@Component
public class AuditTrail {

	// Sorted keys make two snapshots of the same values the same text, so a reader can
	// compare before and after line by line.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final Neo4jClient neo4j;

	AuditTrail(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Records a write and moves the graph's version on. Runs only inside the write's
	 * transaction, so that the record, the version and the write are committed or rolled
	 * back together.
	 * @throws IllegalStateException outside a read-write transaction
	 */
	public void record(Caller caller, String operation, String source, Written written) {
		record(caller, operation, source, written, null);
	}

	/**
	 * {@link #record(Caller, String, String, Written)} for a write that says what it
	 * touched, so that caches keep what it left as it was ({@link GraphState.Touched}).
	 */
	public void record(Caller caller, String operation, String source, Written written, GraphState.Touched touched) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("A change is recorded in the transaction of its write, not on its own");
		}
		neo4j.query("""
				CREATE (ch:Change {id: $id, at: datetime(), user: $user, operation: $operation, entity: $entity,
				                   entityId: $entityId, before: $before, after: $after, source: $source})
				WITH ch
				UNWIND $chainIds AS chainId
				MATCH (c:Chain {id: chainId})
				CREATE (ch)-[:ON_CHAIN]->(c)""").bindAll(parameters(caller, operation, source, written)).run();
		// every write of the API records itself here, so this one bump covers them all;
		// what is cached against the version (the analysis) is read afresh after it
		if (touched != null && touched.encodable()) {
			neo4j.query(GraphState.BUMP_TOUCHED).bind(touched.encoded()).to("touched").run();
		}
		else {
			neo4j.query(GraphState.BUMP).run();
		}
	}

	private static Map<String, Object> parameters(Caller caller, String operation, String source, Written written) {
		Map<String, Object> parameters = new TreeMap<>();
		parameters.put("id", UUID.randomUUID().toString());
		parameters.put("user", caller.name());
		parameters.put("operation", operation);
		parameters.put("entity", written.entity());
		parameters.put("entityId", written.entityId());
		parameters.put("before", json(written.before()));
		parameters.put("after", json(written.after()));
		parameters.put("source", source);
		parameters.put("chainIds", List.copyOf(new TreeSet<>(written.chainIds())));
		return parameters;
	}

	static String json(Map<String, Object> values) {
		return values == null ? null : JSON.writeValueAsString(new TreeMap<>(values));
	}

}
