package io.chainlens.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.Product;
import io.chainlens.chain.Region;
import io.chainlens.database.GraphState;
import io.chainlens.database.KeptByVersion;

@Component
@Transactional(readOnly = true)
class ExploreQueries {

	private final Neo4jClient neo4j;

	ExploreQueries(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Regions of {@code level} ranked for a product. A site counts in the region of that
	 * level it lies in; a site placed only above the level (a province, say, when cities
	 * are ranked) is in no region of the ranking. {@code sum} ignores nulls and answers 0
	 * for none, so a known capacity is summed only where some line is known; and a
	 * descending order puts nulls first, so unknown capacities are ordered last
	 * explicitly.
	 */
	List<RegionRank> ranking(String productId, String level, boolean allStatuses, boolean byProducers, int first) {
		return List.copyOf(neo4j
			.query("""
					MATCH (p:Product {id: $productId})<-[m:MAKES]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: $level})
					WHERE $all OR m.status = 'OPERATING'
					MATCH (c:Company)-[:HAS_SITE]->(s)
					WITH p, g, c, count(DISTINCT s) AS sites, count(m.capacity) AS known, sum(m.capacity) AS capacity,
					     count(m) - count(m.capacity) AS unknown
					WITH p, g, c, sites, unknown, CASE WHEN known > 0 THEN capacity END AS capacity
					ORDER BY capacity IS NULL, capacity DESC, c.id
					WITH p, g, count(c) AS producers, sum(sites) AS sites, sum(unknown) AS unknown,
					     CASE WHEN count(capacity) > 0 THEN sum(capacity) END AS capacity,
					     collect({id: c.id, capacity: capacity})[..3] AS leaders
					RETURN g, p.unit AS unit, producers, sites, unknown, capacity, leaders
					ORDER BY CASE WHEN $byProducers THEN producers END DESC, capacity IS NULL, capacity DESC, producers DESC, g.id
					LIMIT $first""")
			.bindAll(Map.of("productId", productId, "level", level, "all", allStatuses, "byProducers", byProducers,
					"first", first))
			.fetchAs(RegionRank.class)
			.mappedBy((t, r) -> new RegionRank(0, Region.of(r.get("g")),
					r.get("capacity").isNull() ? null : r.get("capacity").asDouble(), r.get("unit").asString(),
					r.get("producers").asInt(), r.get("sites").asInt(), r.get("unknown").asInt(),
					r.get("leaders")
						.asList(l -> new RegionRank.RegionLeader(l.get("id").asString(),
								l.get("capacity").isNull() ? null : l.get("capacity").asDouble())),
					null))
			.all());
	}

	/** A chain's products in the order of its segments; empty for no such chain. */
	List<Product> productsOfChain(String chainId) {
		return List.copyOf(neo4j.query("""
				MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(s:Segment)-[:HAS_PRODUCT]->(p:Product)
				WITH p, min(s.position) AS position
				RETURN p ORDER BY position, p.id""")
			.bind(chainId)
			.to("chainId")
			.fetchAs(Product.class)
			.mappedBy((t, r) -> Product.of(r.get("p")))
			.all());
	}

	/**
	 * The cells of a chain's region matrix at a level: every (region, product) with a
	 * line there, counted as {@link #ranking} counts one region.
	 */
	List<RegionMatrix.Cell> cells(String chainId, String level, boolean allStatuses, Map<String, Product> products) {
		return keptCells.get(GraphState.read(neo4j), new CellsKey(chainId, level, allStatuses),
				() -> List.copyOf(readCells(chainId, level, allStatuses, products)));
	}

	private record CellsKey(String chainId, String level, boolean allStatuses) {
	}

	/**
	 * The cells of the matrices asked last, per graph version: counting a chain's lines
	 * in every region of a level reads all of them (1.5 s at national scale), and the
	 * page asks the same matrix again.
	 */
	private final KeptByVersion<CellsKey, List<RegionMatrix.Cell>> keptCells = new KeptByVersion<>(32);

	private List<RegionMatrix.Cell> readCells(String chainId, String level, boolean allStatuses,
			Map<String, Product> products) {
		Map<String, Region> regions = new LinkedHashMap<>();
		List<RegionMatrix.Cell> cells = new ArrayList<>();
		neo4j
			.query("""
					MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product)
					WITH DISTINCT p
					MATCH (p)<-[m:MAKES]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: $level})
					WHERE $all OR m.status = 'OPERATING'
					MATCH (c:Company)-[:HAS_SITE]->(s)
					WITH g, p, count(DISTINCT c) AS producers, count(DISTINCT s) AS sites, count(m.capacity) AS known,
					     sum(m.capacity) AS capacity, count(m) - count(m.capacity) AS unknown
					RETURN g, p.id AS productId, producers, sites, unknown, CASE WHEN known > 0 THEN capacity END AS capacity""")
			.bindAll(Map.of("chainId", chainId, "level", level, "all", allStatuses))
			.fetchAs(Boolean.class)
			.mappedBy((t, r) -> {
				Region region = regions.computeIfAbsent(r.get("g").get("id").asString(), id -> Region.of(r.get("g")));
				cells.add(new RegionMatrix.Cell(region, products.get(r.get("productId").asString()),
						r.get("capacity").isNull() ? null : r.get("capacity").asDouble(), r.get("producers").asInt(),
						r.get("sites").asInt(), r.get("unknown").asInt(), null));
				return true;
			})
			.all();
		return cells;
	}

}
