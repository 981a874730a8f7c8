package io.chainlens.chain;

import java.util.Collection;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.database.Batched;

/** Products by id, for the features that refer to products. */
@Component
@Transactional(readOnly = true)
public class ProductLookup {

	private final Neo4jClient neo4j;

	ProductLookup(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	public Map<String, Product> byId(Collection<String> ids) {
		return Batched.single(neo4j, "MATCH (p:Product) WHERE p.id IN $ids RETURN p.id AS key, p", ids, Map.of(),
				r -> Product.of(r.get("p")));
	}

}
