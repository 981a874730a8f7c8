package io.chainlens.chain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

import io.chainlens.database.Batched;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the structure of chains; every nested list is read for many parents in one query.
 */
@Repository
@Transactional(readOnly = true)
class ChainQueries {

	private final Neo4jClient neo4j;

	private final FocusRegion focus;

	ChainQueries(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.focus = focus;
	}

	List<Chain> chains() {
		return neo4j.query("""
				MATCH (c:Chain)
				OPTIONAL MATCH (c)<-[:CONCERNS]-(i:PolicyItem)
				WITH c, min(i.number) AS firstItem
				RETURN c ORDER BY firstItem, c.id""")
			.fetchAs(Chain.class)
			.mappedBy((t, r) -> Chain.of(r.get("c")))
			.all()
			.stream()
			.toList();
	}

	Optional<Chain> chain(String id) {
		return neo4j.query("MATCH (c:Chain {id: $id}) RETURN c")
			.bind(id)
			.to("id")
			.fetchAs(Chain.class)
			.mappedBy((t, r) -> Chain.of(r.get("c")))
			.one();
	}

	/**
	 * A chain with its segments in order, each with its products and their kept counts.
	 */
	record Outline(Chain chain, List<Part> parts) {
	}

	/**
	 * A segment's products by id, and each product's number of makers where a write has
	 * kept it ({@code Product.makers}).
	 */
	record Part(Segment segment, List<Product> products, Map<Product, Integer> makers) {
	}

	/**
	 * What {@code Chain.segments}, {@code Segment.products} and
	 * {@code Product.producerCount} read in three queries, in one, with the same rows in
	 * the same order. Only the properties the records hold are read: a product node
	 * carries more (units accepted, notes) that would cross the wire for nothing.
	 */
	Optional<Outline> outline(String id) {
		return neo4j
			.query("""
					MATCH (c:Chain {id: $id})
					RETURN c, COLLECT {
					  MATCH (c)-[:HAS_SEGMENT]->(s:Segment)
					  RETURN {s: s, products: COLLECT {
					    MATCH (s)-[:HAS_PRODUCT]->(p:Product) RETURN {p: p {.id, .name, .nameZh, .unit, .source}, makers: p.makers} AS product ORDER BY p.id
					  }} AS part ORDER BY s.position, s.id
					} AS parts""")
			.bind(id)
			.to("id")
			.fetchAs(Outline.class)
			.mappedBy((t, r) -> {
				List<Part> parts = r.get("parts").asList(part -> {
					List<Product> products = new java.util.ArrayList<>();
					Map<Product, Integer> makers = new java.util.LinkedHashMap<>();
					for (var entry : part.get("products").values()) {
						Product product = Product.of(entry.get("p"));
						products.add(product);
						if (!entry.get("makers").isNull()) {
							makers.put(product, entry.get("makers").asInt());
						}
					}
					return new Part(Segment.of(part.get("s")), List.copyOf(products), makers);
				});
				return new Outline(Chain.of(r.get("c")), parts);
			})
			.one();
	}

	Optional<Product> product(String id) {
		return neo4j.query("MATCH (p:Product {id: $id}) RETURN p")
			.bind(id)
			.to("id")
			.fetchAs(Product.class)
			.mappedBy((t, r) -> Product.of(r.get("p")))
			.one();
	}

	Region focusRegion() {
		return neo4j.query("MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region RETURN f LIMIT 1")
			.bind(focus.region())
			.to("region")
			.fetchAs(Region.class)
			.mappedBy((t, r) -> Region.of(r.get("f")))
			.one()
			.orElseThrow(() -> new IllegalStateException(
					"The focus region '" + focus.region() + "' (chainlens.region) is not in the graph"));
	}

	/** A region by id or Chinese name (an id wins over another region's name). */
	Optional<Region> region(String idOrName) {
		return neo4j.query("""
				MATCH (r:Region) WHERE r.id = $region OR r.nameZh = $region
				RETURN r ORDER BY CASE WHEN r.id = $region THEN 0 ELSE 1 END, r.id LIMIT 1""")
			.bind(idOrName)
			.to("region")
			.fetchAs(Region.class)
			.mappedBy((t, r) -> Region.of(r.get("r")))
			.one();
	}

	/**
	 * The regions directly under {@code parentId} (null: the roots of the tree), or with
	 * a level, the regions of that level anywhere under it (null: anywhere).
	 */
	List<Region> regions(String parentId, String level) {
		String cypher = (parentId == null)
				? (level == null ? "MATCH (r:Region) WHERE NOT (r)-[:PART_OF]->(:Region)"
						: "MATCH (r:Region {level: $level})")
				: (level == null ? "MATCH (:Region {id: $parent})<-[:PART_OF]-(r:Region)"
						: "MATCH (:Region {id: $parent})<-[:PART_OF*1..4]-(r:Region {level: $level})");
		Map<String, Object> params = new HashMap<>();
		params.put("parent", parentId);
		params.put("level", level);
		return List.copyOf(neo4j.query(cypher + " RETURN DISTINCT r ORDER BY r.id")
			.bindAll(params)
			.fetchAs(Region.class)
			.mappedBy((t, r) -> Region.of(r.get("r")))
			.all());
	}

	Map<String, Region> parentsOfRegions(Collection<String> regionIds) {
		return single("""
				MATCH (r:Region)-[:PART_OF]->(p:Region) WHERE r.id IN $ids
				RETURN r.id AS key, p""", regionIds, r -> Region.of(r.get("p")));
	}

	List<PolicyItem> policyItems() {
		return neo4j.query("MATCH (i:PolicyItem) RETURN i ORDER BY i.number")
			.fetchAs(PolicyItem.class)
			.mappedBy((t, r) -> PolicyItem.of(r.get("i")))
			.all()
			.stream()
			.toList();
	}

	Optional<PolicyItem> policyItem(int number) {
		return neo4j.query("MATCH (i:PolicyItem {number: $number}) RETURN i")
			.bind(number)
			.to("number")
			.fetchAs(PolicyItem.class)
			.mappedBy((t, r) -> PolicyItem.of(r.get("i")))
			.one();
	}

	/**
	 * Targets, of every chain or none, optionally only those set by one policy item and
	 * those of one chain (a product's target belongs to the product's chains).
	 */
	List<Target> targets(Integer item, String chainId) {
		return neo4j
			.query("""
					MATCH (t:Target)
					WHERE ($item IS NULL OR EXISTS { (t)-[:UNDER_ITEM]->(:PolicyItem {number: $item}) })
					  AND ($chainId IS NULL OR EXISTS { (t)-[:FOR_CHAIN]->(:Chain {id: $chainId}) }
					       OR EXISTS { (t)-[:FOR_PRODUCT]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) })
					OPTIONAL MATCH (t)-[:FOR_PRODUCT]->(p:Product)
					OPTIONAL MATCH (t)-[:UNDER_ITEM]->(i:PolicyItem)
					RETURN t, p.id AS productId, i.number AS item
					ORDER BY item, t.id""")
			.bindAll(nullable("item", item, "chainId", chainId))
			.fetchAs(Target.class)
			.mappedBy((t, r) -> Target.of(r))
			.all()
			.stream()
			.toList();
	}

	List<GovUnit> govUnits() {
		return neo4j.query("MATCH (g:GovUnit) RETURN g ORDER BY g.id")
			.fetchAs(GovUnit.class)
			.mappedBy((t, r) -> GovUnit.of(r.get("g")))
			.all()
			.stream()
			.toList();
	}

	Map<String, List<Target>> targetsOfItems(Collection<String> itemIds) {
		return grouped("""
				MATCH (t:Target)-[:UNDER_ITEM]->(i:PolicyItem) WHERE i.id IN $ids
				OPTIONAL MATCH (t)-[:FOR_PRODUCT]->(p:Product)
				RETURN i.id AS key, t, p.id AS productId, i.number AS item ORDER BY t.id""", itemIds, Target::of);
	}

	// Product.makers is kept by every write path (docs/analysis.md); the count is only
	// for a product no write has touched since. CASE, not coalesce: a function's
	// arguments are all evaluated, and the count walks every maker.
	Map<String, Integer> producerCounts(Collection<String> productIds) {
		return single(
				"""
						MATCH (p:Product) WHERE p.id IN $ids
						RETURN p.id AS key, CASE WHEN p.makers IS NOT NULL THEN p.makers
						       ELSE COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c } END AS n""",
				productIds, r -> r.get("n").asInt());
	}

	Map<String, Chain> chainOfTargets(Collection<String> targetIds) {
		return single("""
				MATCH (t:Target)-[:FOR_CHAIN]->(c:Chain) WHERE t.id IN $ids
				RETURN t.id AS key, c""", targetIds, r -> Chain.of(r.get("c")));
	}

	Map<String, List<PolicyItem>> itemsOfUnits(Collection<String> unitIds, boolean lead) {
		return grouped("""
				MATCH (g:GovUnit)-[rel]->(i:PolicyItem) WHERE g.id IN $ids AND type(rel) = $type
				RETURN g.id AS key, i ORDER BY i.number""", unitIds, Map.of("type", lead ? "LEADS" : "RESPONSIBLE_FOR"),
				r -> PolicyItem.of(r.get("i")));
	}

	Map<String, Region> regionOfUnits(Collection<String> unitIds) {
		return single("""
				MATCH (g:GovUnit)-[:IN_REGION]->(r:Region) WHERE g.id IN $ids
				RETURN g.id AS key, r""", unitIds, r -> Region.of(r.get("r")));
	}

	Map<String, List<Segment>> segments(Collection<String> chainIds) {
		return grouped("""
				MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE c.id IN $ids
				RETURN c.id AS key, s ORDER BY s.position, s.id""", chainIds, r -> Segment.of(r.get("s")));
	}

	Map<String, Chain> chainOfSegments(Collection<String> segmentIds) {
		return single("""
				MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE s.id IN $ids
				RETURN s.id AS key, c""", segmentIds, r -> Chain.of(r.get("c")));
	}

	Map<String, List<GovUnit>> units(Collection<String> chainIds, String relationship) {
		// relationship is one of two constants chosen by the caller, never user input
		String type = switch (relationship) {
			case "LEADS", "RESPONSIBLE_FOR" -> relationship;
			default -> throw new IllegalArgumentException(relationship);
		};
		return grouped("""
				MATCH (c:Chain)<-[:CONCERNS]-(i:PolicyItem {scope: 'CHAIN'})<-[:%s]-(g:GovUnit) WHERE c.id IN $ids
				WITH c, g, min(i.number) AS first
				RETURN c.id AS key, g ORDER BY first, g.id""".formatted(type), chainIds, r -> GovUnit.of(r.get("g")));
	}

	Map<String, List<Target>> targets(Collection<String> chainIds) {
		return grouped("""
				MATCH (c:Chain)<-[:FOR_CHAIN]-(t:Target) WHERE c.id IN $ids
				OPTIONAL MATCH (t)-[:FOR_PRODUCT]->(p:Product)
				OPTIONAL MATCH (t)-[:UNDER_ITEM]->(i:PolicyItem)
				RETURN c.id AS key, t, p.id AS productId, i.number AS item
				ORDER BY item, t.id""", chainIds, Target::of);
	}

	Map<String, List<PolicyItem>> policyItemsOfChains(Collection<String> chainIds) {
		return grouped("""
				MATCH (c:Chain)<-[:CONCERNS]-(i:PolicyItem) WHERE c.id IN $ids
				RETURN c.id AS key, i ORDER BY i.number""", chainIds, r -> PolicyItem.of(r.get("i")));
	}

	Map<String, List<Chain>> chainsOfItems(Collection<String> itemIds) {
		return grouped("""
				MATCH (c:Chain)<-[:CONCERNS]-(i:PolicyItem) WHERE i.id IN $ids
				RETURN i.id AS key, c ORDER BY c.id""", itemIds, r -> Chain.of(r.get("c")));
	}

	Map<String, List<GovUnit>> unitsOfItems(Collection<String> itemIds, boolean lead) {
		return grouped("""
				MATCH (g:GovUnit)-[rel]->(i:PolicyItem) WHERE i.id IN $ids AND type(rel) = $type
				RETURN i.id AS key, g ORDER BY g.id""", itemIds, Map.of("type", lead ? "LEADS" : "RESPONSIBLE_FOR"),
				r -> GovUnit.of(r.get("g")));
	}

	Map<String, List<Product>> products(Collection<String> segmentIds) {
		return grouped("""
				MATCH (s:Segment)-[:HAS_PRODUCT]->(p:Product) WHERE s.id IN $ids
				RETURN s.id AS key, p ORDER BY p.id""", segmentIds, r -> Product.of(r.get("p")));
	}

	Map<String, List<Chain>> chainsOfProducts(Collection<String> productIds) {
		return grouped("""
				MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p:Product) WHERE p.id IN $ids
				RETURN DISTINCT p.id AS key, c ORDER BY c.id""", productIds, r -> Chain.of(r.get("c")));
	}

	Map<String, List<Segment>> segmentsOfProducts(Collection<String> productIds) {
		return grouped("""
				MATCH (s:Segment)-[:HAS_PRODUCT]->(p:Product) WHERE p.id IN $ids
				RETURN p.id AS key, s ORDER BY s.id""", productIds, r -> Segment.of(r.get("s")));
	}

	Map<String, List<ProductLink>> inputs(Collection<String> productIds) {
		return grouped("""
				MATCH (i:Product)-[f:FEEDS]->(p:Product) WHERE p.id IN $ids
				RETURN p.id AS key, i AS other, f ORDER BY i.id""", productIds, ChainQueries::link);
	}

	Map<String, List<ProductLink>> outputs(Collection<String> productIds) {
		return grouped("""
				MATCH (p:Product)-[f:FEEDS]->(o:Product) WHERE p.id IN $ids
				RETURN p.id AS key, o AS other, f ORDER BY o.id""", productIds, ChainQueries::link);
	}

	Map<String, List<CoProduct>> coProducts(Collection<String> productIds) {
		return grouped("""
				MATCH (p:Product)-[y:YIELDS]->(c:Product) WHERE p.id IN $ids
				RETURN p.id AS key, c, y ORDER BY c.id""", productIds, r -> new CoProduct(Product.of(r.get("c")),
				r.get("y").get("share").asDouble(), r.get("y").get("source").asString("")));
	}

	private static ProductLink link(Record r) {
		var f = r.get("f");
		return new ProductLink(Product.of(r.get("other")),
				f.get("perUnit").isNull() ? null : f.get("perUnit").asDouble(), f.get("basis").asString("FLOW"),
				f.get("writtenAs").asString(null), f.get("source").asString(null), f.get("note").asString(null));
	}

	/** Parameters that may be null, which {@code Map.of} refuses. */
	private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
		Map<String, Object> params = new HashMap<>();
		params.put(k1, v1);
		params.put(k2, v2);
		return params;
	}

	private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		return Batched.grouped(neo4j, cypher, ids, Map.of(), mapper);
	}

	private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Map<String, Object> params,
			Function<Record, T> mapper) {
		return Batched.grouped(neo4j, cypher, ids, params, mapper);
	}

	private <T> Map<String, T> single(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		return Batched.single(neo4j, cypher, ids, Map.of(), mapper);
	}

}
