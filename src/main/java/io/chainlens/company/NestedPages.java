package io.chainlens.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.FocusRegion;
import io.chainlens.database.Batched;
import io.chainlens.web.Connection;
import io.chainlens.web.Cursors;

/**
 * The connections of lists under a parent that grow with the data: a product's production
 * lines, a chain's or a region's companies, a region's sites. A field asked of many
 * parents (every product of a chain map, say) is read in two queries for all of them, the
 * pages and the counts, per distinct set of arguments: the parents' ids are unwound and
 * each takes its own page in a subquery. Cursors are keyset positions as in
 * {@link CompanyPages}.
 */
@Component
@Transactional(readOnly = true)
class NestedPages {

	/**
	 * A page asked of one parent: the parent's id, its first and the position after which
	 * it starts (the cursor's parts, already checked; null for the first page).
	 */
	record Key(String parentId, boolean localOnly, int first, List<String> after) {
	}

	/** The list name of a product's production lines, whose cursors hold the product. */
	static String producersList(String productId) {
		return "Product.producersConnection(" + productId + ")";
	}

	/** The list name of a region's sites. */
	static String sitesList(String regionId) {
		return "Region.sitesConnection(" + regionId + ")";
	}

	/** The focus region's tree, read once per query rather than up from each site. */
	private static final String FOCUS = """
			OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
			OPTIONAL MATCH (f)<-[:PART_OF*0..4]-(fr:Region)
			WITH collect(DISTINCT fr) AS focus
			""";

	/**
	 * A product's lines in the order of Product.producers: local first, then by capacity
	 * (unknown last), site and status.
	 */
	private static final String PRODUCERS = FOCUS
			+ """
					UNWIND $ids AS key
					MATCH (p:Product {id: key})
					CALL (p, focus) {
					  MATCH (r:Region)<-[:IN_REGION]-(s:Site)-[m:MAKES]->(p)
					  WITH s, m, CASE WHEN r IN focus THEN 1 ELSE 0 END AS l, coalesce(m.capacity, -1.0) AS cap
					  WHERE (NOT $localOnly OR l = 1)
					    AND ($afterSite IS NULL OR l < $afterLocal
					         OR (l = $afterLocal AND (cap < $afterCapacity
					             OR (cap = $afterCapacity AND (s.id > $afterSite OR (s.id = $afterSite AND m.status > $afterStatus))))))
					  WITH s, m ORDER BY l DESC, cap DESC, s.id, m.status LIMIT $first + 1
					  RETURN s, m
					}
					WITH s, m, p, key, focus
					"""
			+ Production.columns("r IN focus") + ", key";

	private static final String PRODUCER_COUNTS = FOCUS
			+ """
					UNWIND $ids AS key
					MATCH (p:Product {id: key})
					RETURN key, COUNT { MATCH (r:Region)<-[:IN_REGION]-(:Site)-[:MAKES]->(p) WHERE NOT $localOnly OR r IN focus } AS n""";

	/** Companies of a parent {@code x}, matched by the parent's pattern. */
	private static final String COMPANIES = """
			UNWIND $ids AS key
			MATCH %s
			CALL (x) {
			  MATCH %s
			  WITH DISTINCT c
			  WHERE $afterId IS NULL OR c.nameZh > $afterKey OR (c.nameZh = $afterKey AND c.id > $afterId)
			  RETURN c ORDER BY c.nameZh, c.id LIMIT $first + 1
			}
			RETURN key, c""";

	private static final String COMPANY_COUNTS = """
			UNWIND $ids AS key
			MATCH %s
			RETURN key, COUNT { MATCH %s RETURN DISTINCT c } AS n""";

	private static final String CHAIN = "(x:Chain {id: key})";

	private static final String CHAIN_COMPANIES = "(x)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(:Product)<-[:MAKES]-(:Site)<-[:HAS_SITE]-(c:Company)";

	private static final String REGION = "(x:Region {id: key})";

	/** A site lies in a region when its own region is that one or under it. */
	private static final String REGION_SITES = "(x)<-[:PART_OF*0..5]-(:Region)<-[:IN_REGION]-(s:Site)";

	private static final String REGION_COMPANIES = REGION_SITES + "<-[:HAS_SITE]-(c:Company)";

	private static final String SITES = """
			UNWIND $ids AS key
			MATCH (x:Region {id: key})
			CALL (x) {
			  MATCH %s
			  WITH DISTINCT s WHERE $afterId IS NULL OR s.id > $afterId
			  RETURN s ORDER BY s.id LIMIT $first + 1
			}
			WITH s, key
			""".formatted(REGION_SITES) + CompanyQueries.SITE_COLUMNS;

	private static final String SITE_COUNTS = """
			UNWIND $ids AS key
			MATCH (x:Region {id: key})
			RETURN key, COUNT { MATCH %s RETURN DISTINCT s } AS n""".formatted(REGION_SITES);

	private static final Comparator<Production> PRODUCTION_ORDER = Comparator
		.comparing((Production p) -> p.local() ? 0 : 1)
		.thenComparing(p -> p.capacity() == null ? 1.0 : -p.capacity())
		.thenComparing(Production::siteId)
		.thenComparing(Production::status);

	private final Neo4jClient neo4j;

	private final FocusRegion focus;

	NestedPages(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.focus = focus;
	}

	Map<Key, Connection<Production>> producers(Collection<Key> keys) {
		return byArguments(keys, (ids, key) -> {
			Map<String, Object> params = params(key);
			params.put("region", focus.region());
			params.put("localOnly", key.localOnly());
			List<String> after = key.after();
			params.put("afterLocal", after == null ? null : Integer.valueOf(after.get(0)));
			params.put("afterCapacity", after == null ? null : Cursors.number(after.get(1)));
			params.put("afterSite", after == null ? null : after.get(2));
			params.put("afterStatus", after == null ? null : after.get(3));
			Map<String, List<Production>> rows = Batched.grouped(neo4j, PRODUCERS, ids, params, Production::of);
			Map<String, Integer> counts = counts(PRODUCER_COUNTS, ids, params);
			return pages(rows, counts, key.first(),
					(productId, lines) -> lines.stream()
						.sorted(PRODUCTION_ORDER)
						.map(p -> new Connection.Edge<>(Cursors.encode(producersList(productId), p.local() ? "1" : "0",
								String.valueOf(p.capacity() == null ? -1.0 : p.capacity()), p.siteId(), p.status()), p))
						.toList());
		});
	}

	Map<Key, Connection<Company>> chainCompanies(Collection<Key> keys) {
		return companies(keys, CHAIN, CHAIN_COMPANIES);
	}

	Map<Key, Connection<Company>> regionCompanies(Collection<Key> keys) {
		return companies(keys, REGION, REGION_COMPANIES);
	}

	Map<Key, Connection<Site>> regionSites(Collection<Key> keys) {
		return byArguments(keys, (ids, key) -> {
			Map<String, Object> params = params(key);
			params.put("afterId", key.after() == null ? null : key.after().get(0));
			Map<String, List<Site>> rows = Batched.grouped(neo4j, SITES, ids, params, CompanyQueries::site);
			return pages(rows, counts(SITE_COUNTS, ids, params), key.first(),
					(regionId, sites) -> sites.stream()
						.map(s -> new Connection.Edge<>(Cursors.encode(sitesList(regionId), s.id()), s))
						.toList());
		});
	}

	private Map<Key, Connection<Company>> companies(Collection<Key> keys, String parent, String pattern) {
		return byArguments(keys, (ids, key) -> {
			Map<String, Object> params = params(key);
			params.put("afterKey", key.after() == null ? null : key.after().get(0));
			params.put("afterId", key.after() == null ? null : key.after().get(1));
			Map<String, List<Company>> rows = Batched.grouped(neo4j, COMPANIES.formatted(parent, pattern), ids, params,
					r -> Company.of(r.get("c")));
			return pages(rows, counts(COMPANY_COUNTS.formatted(parent, pattern), ids, params), key.first(),
					(parentId, companies) -> companies.stream()
						.map(c -> new Connection.Edge<>(
								CompanyPages.encode(CompanyPages.Order.NAME, c.nameZh(), c.id()), c))
						.toList());
		});
	}

	/** A batch of one set of arguments: the pages of its parents, by parent id. */
	private interface Batch<T> {

		Map<String, Connection<T>> read(List<String> parentIds, Key arguments);

	}

	/**
	 * The keys grouped by their arguments (first, after, localOnly), one batch each: the
	 * parents of one field in one document share them, so this is one batch.
	 */
	private static <T> Map<Key, Connection<T>> byArguments(Collection<Key> keys, Batch<T> batch) {
		Map<Key, List<Key>> groups = keys.stream()
			.collect(Collectors.groupingBy(k -> new Key(null, k.localOnly(), k.first(), k.after()), LinkedHashMap::new,
					Collectors.toList()));
		Map<Key, Connection<T>> result = new HashMap<>();
		groups.forEach((arguments, members) -> {
			Map<String, Connection<T>> pages = batch.read(members.stream().map(Key::parentId).distinct().toList(),
					arguments);
			members.forEach(k -> result.put(k, pages.get(k.parentId())));
		});
		return result;
	}

	private static Map<String, Object> params(Key key) {
		Map<String, Object> params = new HashMap<>();
		params.put("first", key.first());
		return params;
	}

	private Map<String, Integer> counts(String cypher, List<String> ids, Map<String, Object> params) {
		return Batched.single(neo4j, cypher, ids, params, r -> r.get("n").asInt());
	}

	private static <T> Map<String, Connection<T>> pages(Map<String, List<T>> rows, Map<String, Integer> counts,
			int first, BiFunction<String, List<T>, List<Connection.Edge<T>>> edges) {
		Map<String, Connection<T>> result = new LinkedHashMap<>();
		rows.forEach((id, list) -> result.put(id,
				Connection.of(new ArrayList<>(edges.apply(id, list)), first, counts.getOrDefault(id, 0))));
		return result;
	}

}
