package io.chainlens.editing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.Chain;
import io.chainlens.database.Batched;
import io.chainlens.seed.Units;

/**
 * What an editing client reads before it writes: the units a capacity may be written in
 * and the chains a platform belongs to, by the same rules the writes apply.
 */
@Component
@Transactional(readOnly = true)
class EditingReads {

	private final Neo4jClient neo4j;

	EditingReads(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * The units setCapacity takes for each product: the canonical one first, those that
	 * convert to it, then the product's own conversions, as the refusal of another unit
	 * lists them.
	 */
	Map<String, List<String>> acceptedUnits(Collection<String> productIds) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		Batched
			.single(neo4j, """
					MATCH (p:Product) WHERE p.id IN $ids
					RETURN p.id AS key, p.unit AS unit,
					       COLLECT { MATCH (c:Conversion)-[:OF]->(p) RETURN c.fromUnit ORDER BY c.fromUnit } AS own""",
					productIds, Map.of(), r -> r)
			.forEach((id, r) -> {
				List<String> units = new ArrayList<>(Units.convertibleTo(r.get("unit").asString()));
				r.get("own").asList(v -> v.asString()).stream().filter(u -> !units.contains(u)).forEach(units::add);
				result.put(id, units);
			});
		return result;
	}

	/**
	 * The chains a platform supports, directly or through a segment: those whose lead may
	 * write it (PlatformEditing checks the same).
	 */
	Map<String, List<Chain>> chainsOfPlatforms(Collection<String> platformIds) {
		return Batched.grouped(neo4j, """
				MATCH (pl:Platform) WHERE pl.id IN $ids
				MATCH (pl)-[:SUPPORTS]->(x) WHERE x:Chain OR x:Segment
				MATCH (c:Chain) WHERE c = x OR (c)-[:HAS_SEGMENT]->(x)
				RETURN DISTINCT pl.id AS key, c ORDER BY c.id""", platformIds, Map.of(), r -> Chain.of(r.get("c")));
	}

}
