package io.chainlens.chain;

import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Targets by id, for the features that write targets. */
@Component
@Transactional(readOnly = true)
public class TargetLookup {

	private final Neo4jClient neo4j;

	TargetLookup(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	public Optional<Target> byId(String id) {
		return neo4j.query("""
				MATCH (t:Target {id: $id})
				OPTIONAL MATCH (t)-[:FOR_PRODUCT]->(p:Product)
				OPTIONAL MATCH (t)-[:UNDER_ITEM]->(i:PolicyItem)
				RETURN t, p.id AS productId, i.number AS item""")
			.bind(id)
			.to("id")
			.fetchAs(Target.class)
			.mappedBy((types, r) -> Target.of(r))
			.one();
	}

}
