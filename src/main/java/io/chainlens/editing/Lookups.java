package io.chainlens.editing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import io.chainlens.seed.SeedDataSet;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

/**
 * What the writes look up and how they write: run inside the caller's transaction, so
 * that what a write checks is what it changes.
 */
@Component
class Lookups {

	/** Cypher for the chains of product {@code p}, as a list of {id, nameZh}. */
	static final String CHAINS_OF_PRODUCT = "COLLECT { MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p) "
			+ "RETURN DISTINCT c {.id, .nameZh} }";

	private final Neo4jClient neo4j;

	Lookups(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * A product with its canonical unit, its chains (id → Chinese name) and its own unit
	 * conversions (graph-seed/common/conversions.csv) by the unit they convert from.
	 */
	record ProductRef(String id, String nameZh, String unit, Map<String, String> chains,
			Map<String, SeedDataSet.Conversion> conversions) {

		ProductRef(String id, String nameZh, String unit, Map<String, String> chains) {
			this(id, nameZh, unit, chains, Map.of());
		}

		/**
		 * How many of this product's unit one {@code given} is: exactly, or through the
		 * product's own conversion.
		 * @throws BadArgument when the unit does not convert, naming those that do
		 */
		double factorFrom(String given) {
			return factorFrom("unit", given);
		}

		/** {@link #factorFrom(String)} for an input field of another name. */
		double factorFrom(String field, String given) {
			Optional<Double> exact = Units.factor(given, unit);
			if (exact.isPresent()) {
				return exact.get();
			}
			SeedDataSet.Conversion conversion = conversions.get(given);
			if (conversion != null) {
				return conversion.factor() * Units.factor(conversion.toUnit(), unit).orElseThrow();
			}
			List<String> accepted = new ArrayList<>(Units.convertibleTo(unit));
			conversions.keySet().stream().sorted().forEach(accepted::add);
			throw new BadArgument(field,
					"'" + given + "' does not convert to " + unit + ", the unit of " + id + "; use one of " + accepted);
		}

		/**
		 * The product's own conversion a figure in {@code given} goes through, if any.
		 */
		Optional<SeedDataSet.Conversion> conversionFrom(String given) {
			return Units.factor(given, unit).isPresent() ? Optional.empty()
					: Optional.ofNullable(conversions.get(given));
		}

	}

	record RegionRef(String id, String nameZh) {
	}

	ProductRef product(String field, String id) {
		return products(field, List.of(id)).get(id);
	}

	/** Every product asked for, in order. */
	Map<String, ProductRef> products(String field, Collection<String> ids) {
		Map<String, ProductRef> found = neo4j
			.query("""
					MATCH (p:Product) WHERE p.id IN $ids
					RETURN p.id AS id, p.nameZh AS nameZh, p.unit AS unit, %s AS chains,
					       COLLECT { MATCH (c:Conversion)-[:OF]->(p) RETURN c {.*} } AS conversions"""
				.formatted(CHAINS_OF_PRODUCT))
			.bind(List.copyOf(ids))
			.to("ids")
			.fetchAs(ProductRef.class)
			.mappedBy((t, r) -> new ProductRef(r.get("id").asString(), r.get("nameZh").asString(),
					r.get("unit").asString(), chains(r.get("chains")), conversions(r.get("conversions"))))
			.all()
			.stream()
			.collect(Collectors.toMap(ProductRef::id, p -> p));
		Map<String, ProductRef> result = new LinkedHashMap<>();
		for (String id : ids) {
			ProductRef product = found.get(id);
			if (product == null) {
				throw new NotFound("There is no product with id '" + id + "' (" + field + ")");
			}
			result.put(id, product);
		}
		return result;
	}

	/**
	 * A region by id or Chinese name; a name also matches its full or short form, e.g.
	 * 昆都仑区 and 昆区 both match 昆都仑区(昆区).
	 */
	RegionRef region(String field, String text) {
		List<Map<String, Object>> found = List.copyOf(neo4j.query("""
				MATCH (r:Region)
				WHERE r.id = $text OR r.nameZh = $text OR r.nameZh STARTS WITH $text + '('
				   OR r.nameZh STARTS WITH $text + '（' OR r.nameZh CONTAINS '(' + $text + ')'
				   OR r.nameZh CONTAINS '（' + $text + '）'
				OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
				RETURN r.id AS id, r.nameZh AS nameZh, parent.nameZh AS parent ORDER BY r.id""")
			.bind(text)
			.to("text")
			.fetch()
			.all());
		Optional<Map<String, Object>> exact = found.stream().filter(r -> text.equals(r.get("id"))).findFirst();
		if (exact.isPresent()) {
			return new RegionRef(text, (String) exact.get().get("nameZh"));
		}
		if (found.isEmpty()) {
			throw new NotFound("There is no region '" + text + "' (" + field
					+ "); give a region id such as baotou-qingshan or a Chinese name such as 青山区");
		}
		if (found.size() > 1) {
			throw new BadArgument(field,
					"names several regions: " + found.stream()
						.map(r -> r.get("id") + (r.get("parent") == null ? "" : " (in " + r.get("parent") + ")"))
						.collect(Collectors.joining(", ")) + "; give the region id");
		}
		return new RegionRef((String) found.get(0).get("id"), (String) found.get(0).get("nameZh"));
	}

	RegionRef optionalRegion(String field, String text) {
		return text == null ? null : region(field, text);
	}

	/**
	 * The chains whose leads may change a company (its names, aliases, headquarters and
	 * sites): the chain it was added for, and those of what its sites make and its
	 * projects build, by facts a chain lead did not add. A lead may say that another
	 * chain's company makes or builds one of its products, but that line (marked
	 * {@code addedByLead}) gives it no right on the company: otherwise a 0-capacity
	 * PLANNED line would make any company its own. Read this before the request writes
	 * anything.
	 * @throws NotFound when there is no such company
	 */
	Map<String, String> chainsOfCompany(String field, String companyId) {
		return neo4j
			.query("""
					MATCH (co:Company {id: $id})
					RETURN COLLECT { MATCH (co)-[:HAS_SITE]->(:Site)-[m:MAKES]->(p:Product) WHERE m.addedByLead IS NULL
					                 MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p) RETURN DISTINCT c {.id, .nameZh} }
					     + COLLECT { MATCH (co)<-[b:BY]-(:Project)-[:FOR_PRODUCT]->(p:Product) WHERE b.addedByLead IS NULL
					                 MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(p) RETURN DISTINCT c {.id, .nameZh} }
					     + COLLECT { MATCH (c:Chain) WHERE c.id = co.addedFor RETURN c {.id, .nameZh} } AS chains""")
			.bind(companyId)
			.to("id")
			.fetchAs(Chains.class)
			.mappedBy((t, r) -> new Chains(chains(r.get("chains"))))
			.one()
			.orElseThrow(() -> new NotFound("There is no company with id '" + companyId + "' (" + field + ")"))
			.byId();
	}

	private record Chains(Map<String, String> byId) {
	}

	/** The chains asked for (id → Chinese name). */
	Map<String, String> chains(String field, Collection<String> ids) {
		return named("Chain", "chain", field, ids);
	}

	/** The chains of the segments asked for (id → Chinese name). */
	Map<String, String> chainsOfSegments(String field, Collection<String> segmentIds) {
		named("Segment", "segment", field, segmentIds);
		Map<String, String> chains = new TreeMap<>();
		neo4j.query("""
				MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE s.id IN $ids
				RETURN DISTINCT c.id AS id, c.nameZh AS nameZh""")
			.bind(List.copyOf(segmentIds))
			.to("ids")
			.fetch()
			.all()
			.forEach(row -> chains.put((String) row.get("id"), (String) row.get("nameZh")));
		return chains;
	}

	/** Checks that every operator is a company or an institution. */
	void requireOperators(String field, Collection<String> ids) {
		Collection<Map<String, Object>> found = neo4j.query("""
				MATCH (o) WHERE (o:Company OR o:Institution) AND o.id IN $ids RETURN DISTINCT o.id AS id""")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all();
		List<Object> known = found.stream().map(row -> row.get("id")).toList();
		for (String id : ids) {
			if (!known.contains(id)) {
				throw new NotFound("There is no company or institution with id '" + id + "' (" + field + ")");
			}
		}
	}

	void requireItem(Integer number) {
		if (number != null && !neo4j.query("MATCH (i:PolicyItem {number: $number}) RETURN count(i) > 0 AS found")
			.bind(number)
			.to("number")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false)) {
			throw new NotFound("There is no policy item §" + number + " (item)");
		}
	}

	void requireCompany(String field, String id) {
		named("Company", "company", field, List.of(id));
	}

	/**
	 * Write-locks the node until the transaction ends, so that what the write reads after
	 * this (what it checks, and the values its audit record calls "before") is what it
	 * changes: a concurrent write of the same node waits here, and reads what this one
	 * committed. Lock first, then read. Nothing is left on the node.
	 * @return whether the node exists (there is nothing to lock otherwise)
	 */
	boolean lock(String label, String id) {
		return neo4j
			.query("MATCH (n:" + label(label)
					+ " {id: $id}) SET n._lock = true REMOVE n._lock RETURN count(n) > 0 AS found")
			.bind(id)
			.to("id")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	boolean exists(String label, String id) {
		return neo4j.query("MATCH (n:" + label(label) + " {id: $id}) RETURN count(n) > 0 AS found")
			.bind(id)
			.to("id")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** Ids → Chinese names of nodes with this label; every id must exist. */
	private Map<String, String> named(String label, String what, String field, Collection<String> ids) {
		Map<String, String> found = new TreeMap<>();
		neo4j.query("MATCH (n:" + label(label) + ") WHERE n.id IN $ids RETURN n.id AS id, n.nameZh AS nameZh")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach(row -> found.put((String) row.get("id"), (String) row.get("nameZh")));
		for (String id : ids) {
			if (!found.containsKey(id)) {
				throw new NotFound("There is no " + what + " with id '" + id + "' (" + field + ")");
			}
		}
		return found;
	}

	// labels are constants of this feature, never request text
	private static String label(String label) {
		return switch (label) {
			case "Chain", "Segment", "Company", "Site", "Project", "Platform", "Target", "Region", "Lead", "GovUnit" ->
				label;
			default -> throw new IllegalArgumentException(label);
		};
	}

	/**
	 * The values of one thing, as the audit trail records them: a query returning a map
	 * in column {@code snapshot}.
	 */
	Map<String, Object> snapshot(String cypher, Map<String, Object> parameters) {
		return neo4j.query(cypher)
			.bindAll(parameters)
			.fetchAs(Snapshot.class)
			.mappedBy((t, r) -> new Snapshot(r.get("snapshot").asMap()))
			.one()
			.map(Snapshot::values)
			.orElse(null);
	}

	private record Snapshot(Map<String, Object> values) {
	}

	void write(String cypher, Map<String, Object> parameters) {
		neo4j.query(cypher).bindAll(parameters).run();
	}

	/** Query parameters from name, value pairs; values may be null. */
	static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	/**
	 * Cypher that appends {@code $source} to the source of variable {@code v}: a partial
	 * update keeps the provenance of the facts it leaves alone.
	 */
	static String appendSource(String v) {
		return ("%1$s.source = CASE WHEN coalesce(%1$s.source, '') = '' THEN $source "
				+ "WHEN %1$s.source CONTAINS $source THEN %1$s.source ELSE %1$s.source + '; ' + $source END")
			.formatted(v);
	}

	/**
	 * Cypher that replaces the {@code type} links from {@code v} to nodes matching
	 * {@code old} with links to the node(s) {@code target} matches, when {@code $param}
	 * is given; a missing parameter keeps the links as they are. {@code target} names its
	 * node {@code t} and reads the parameter, or, for a list parameter, each element as
	 * {@code each}.
	 */
	static String relink(String v, String type, String old, String param, boolean list, String target) {
		return """
				CALL (%1$s) {
				  WITH %1$s WHERE $%4$s IS NOT NULL
				  OPTIONAL MATCH (%1$s)-[old:%2$s]->%3$s DELETE old
				  WITH DISTINCT %1$s %5$sMATCH %6$s CREATE (%1$s)-[:%2$s]->(t)
				}
				""".formatted(v, type, old, param, list ? "UNWIND $" + param + " AS each " : "", target);
	}

	static Map<String, String> chains(Value list) {
		Map<String, String> chains = new TreeMap<>();
		list.asList(v -> v).forEach(c -> chains.put(c.get("id").asString(), c.get("nameZh").asString(null)));
		return chains;
	}

	private static Map<String, SeedDataSet.Conversion> conversions(org.neo4j.driver.Value rows) {
		Map<String, SeedDataSet.Conversion> result = new LinkedHashMap<>();
		rows.asList(v -> v)
			.forEach(c -> result.put(c.get("fromUnit").asString(),
					new SeedDataSet.Conversion(c.get("productId").asString(), c.get("fromUnit").asString(),
							c.get("toUnit").asString(), c.get("factor").asDouble(), c.get("source").asString())));
		return result;
	}

}
