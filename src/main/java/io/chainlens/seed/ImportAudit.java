package io.chainlens.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import io.chainlens.seed.SeedSchema.FileType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of a bulk import, in the {@code Change} nodes the API writes (see
 * {@code io.chainlens.audit}), so that {@code changes} shows them:
 * <ul>
 * <li>one {@code Import} change when the import starts writing and one when it ends, with
 * who, the files and the counts, on every chain (an import may touch any of them, and
 * each chain's lead should see that it ran);</li>
 * <li>one change per existing thing whose values the import changed, with its values
 * before and after, on the chains of that thing, in the transaction of the batch that
 * changed it. Things the import created are counted, not recorded one by one: nothing was
 * overwritten, and a national import creates millions of them.</li>
 * </ul>
 * A row that writes the values a thing already has records nothing, so running an import
 * again (to finish an interrupted one) adds only its two {@code Import} changes.
 */
final class ImportAudit {

	static final String OPERATION = "import";

	// sorted keys, as the API's audit trail writes them, so before and after compare
	// line by line
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final String PRODUCT_CHAINS = "COLLECT { MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(%s) RETURN DISTINCT c.id }";

	private static final String MAKER_CHAINS = "COLLECT { MATCH %s-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(c:Chain) RETURN DISTINCT c.id }";

	/**
	 * What the audit shows of a thing a row of each file writes, as a query over
	 * {@code $rows} returning its {@code key}, its {@code values} (properties, and for an
	 * entity the links its file writes, so that a moved site or headquarters shows) and
	 * the {@code chainIds} it belongs to.
	 */
	private static final Map<String, Snapshot> SNAPSHOTS = snapshots();

	private record Snapshot(String entity, String query) {
	}

	private static Map<String, Snapshot> snapshots() {
		Map<String, Snapshot> all = new HashMap<>();
		entity(all, "regions.csv", "Region", "PART_OF", null, "[]");
		entity(all, "chains.csv", "Chain", null, null, "[n.id]");
		entity(all, "segments.csv", "Segment", null, "HAS_SEGMENT",
				"COLLECT { MATCH (c:Chain)-[:HAS_SEGMENT]->(n) RETURN c.id }");
		entity(all, "products.csv", "Product", null, "HAS_PRODUCT", PRODUCT_CHAINS.formatted("n"));
		entity(all, "companies.csv", "Company", "HEADQUARTERED_IN", null, MAKER_CHAINS.formatted("(n)-[:HAS_SITE]->()")
				+ " + COLLECT { MATCH (c:Chain) WHERE c.id = n.addedFor RETURN c.id }");
		entity(all, "institutions.csv", "Institution", "IN_REGION", null, "[]");
		entity(all, "gov_units.csv", "GovUnit", "IN_REGION", null, "[]");
		entity(all, "sites.csv", "Site", "IN_REGION", "HAS_SITE", MAKER_CHAINS.formatted("(n)"));
		entity(all, "items.csv", "PolicyItem", "CONCERNS", "LEADS|RESPONSIBLE_FOR",
				"COLLECT { MATCH (n)-[:CONCERNS]->(c:Chain) RETURN c.id }");
		entity(all, "projects.csv", "Project", "BY|FOR_PRODUCT|IN_REGION|UNDER_ITEM", null,
				PRODUCT_CHAINS.formatted(":Product)<-[:FOR_PRODUCT]-(n"));
		entity(all, "platforms.csv", "Platform", "OPERATED_BY|SUPPORTS|IN_REGION|UNDER_ITEM", null,
				"COLLECT { MATCH (n)-[:SUPPORTS]->(c:Chain) RETURN c.id }"
						+ " + COLLECT { MATCH (n)-[:SUPPORTS]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain) RETURN c.id }");
		entity(all, "targets.csv", "Target", "FOR_CHAIN|FOR_PRODUCT|UNDER_ITEM", null,
				"COLLECT { MATCH (n)-[:FOR_CHAIN]->(c:Chain) RETURN c.id } + "
						+ PRODUCT_CHAINS.formatted(":Product)<-[:FOR_PRODUCT]-(n"));
		link(all, "feeds.csv", "Feed", "(a:Product {id: row.input_id})-[x:FEEDS]->(b:Product {id: row.output_id})",
				"row.input_id + '>' + row.output_id",
				PRODUCT_CHAINS.formatted("a") + " + " + PRODUCT_CHAINS.formatted("b"));
		link(all, "yields.csv", "CoProduct",
				"(a:Product {id: row.process_id})-[x:YIELDS]->(b:Product {id: row.product_id})",
				"row.process_id + '>' + row.product_id", PRODUCT_CHAINS.formatted("b"));
		link(all, "capacities.csv", "Production",
				"(:Site {id: row.site_id})-[x:MAKES {status: row.status}]->(p:Product {id: row.product_id})",
				"row.site_id + '/' + row.product_id + '/' + row.status", PRODUCT_CHAINS.formatted("p"));
		link(all, "supply_links.csv", "SupplyLink",
				"(:Company {id: row.supplier_id})-[x:SUPPLIES {productId: row.product_id}]->(:Company {id: row.customer_id})",
				"row.supplier_id + '>' + row.customer_id + '/' + row.product_id",
				PRODUCT_CHAINS.formatted(":Product {id: row.product_id}"));
		return Map.copyOf(all);
	}

	private static void entity(Map<String, Snapshot> all, String file, String label, String out, String in,
			String chains) {
		String links = (out == null ? "[]"
				: "COLLECT { MATCH (n)-[r:%s]->(m) RETURN type(r) + ' → ' + m.id }".formatted(out))
				+ (in == null ? ""
						: " + COLLECT { MATCH (n)<-[r:%s]-(m) RETURN type(r) + ' ← ' + m.id }".formatted(in));
		all.put(file, new Snapshot(label, """
				UNWIND $rows AS row
				MATCH (n:%s {id: row.id})
				RETURN row.id AS key, properties(n) AS values, %s AS links, %s AS chainIds""".formatted(label, links,
				chains)));
	}

	private static void link(Map<String, Snapshot> all, String file, String entity, String pattern, String key,
			String chains) {
		all.put(file, new Snapshot(entity, """
				UNWIND $rows AS row
				MATCH %s
				RETURN %s AS key, properties(x) AS values, [] AS links, %s AS chainIds""".formatted(pattern, key,
				chains)));
	}

	/** What the things of some rows were at one moment, by key. */
	record State(Map<String, Map<String, Object>> values, Map<String, List<String>> chains) {

		static final State NONE = new State(Map.of(), Map.of());

	}

	/** One existing thing whose values an import changed. */
	record Overwritten(String entity, String key, Map<String, Object> before, Map<String, Object> after,
			List<String> chainIds) {
	}

	private ImportAudit() {
	}

	/** The things the rows write, as the graph holds them now. */
	static State snapshot(SimpleQueryRunner tx, FileType type, List<Map<String, Object>> rows) {
		Snapshot snapshot = SNAPSHOTS.get(type.name());
		Map<String, Map<String, Object>> values = new HashMap<>();
		Map<String, List<String>> chains = new HashMap<>();
		for (Record record : tx.run(snapshot.query(), Map.of("rows", rows)).list()) {
			String key = record.get("key").asString();
			Map<String, Object> properties = new TreeMap<>(record.get("values").asMap());
			List<String> links = record.get("links").asList(Value::asString);
			if (!links.isEmpty()) {
				properties.put("links", List.copyOf(new TreeSet<>(links)));
			}
			values.put(key, properties);
			chains.put(key, record.get("chainIds").asList(Value::asString));
		}
		return new State(values, chains);
	}

	/** The things that existed before and whose values changed. */
	static List<Overwritten> overwritten(FileType type, State before, State after) {
		String entity = SNAPSHOTS.get(type.name()).entity();
		List<Overwritten> changed = new ArrayList<>();
		before.values().forEach((key, was) -> {
			Map<String, Object> now = after.values().get(key);
			if (!Objects.equals(was, now)) {
				TreeSet<String> chainIds = new TreeSet<>(before.chains().getOrDefault(key, List.of()));
				chainIds.addAll(after.chains().getOrDefault(key, List.of()));
				changed.add(new Overwritten(entity, key, was, now, List.copyOf(chainIds)));
			}
		});
		return changed;
	}

	/** Records the overwritten things in the transaction that overwrote them. */
	static void record(SimpleQueryRunner tx, String importId, String user, List<Overwritten> changes) {
		if (changes.isEmpty()) {
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Overwritten change : changes) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", UUID.randomUUID().toString());
			row.put("entity", change.entity());
			row.put("entityId", change.key());
			row.put("before", json(change.before()));
			row.put("after", json(change.after()));
			row.put("source", change.after() == null ? null : change.after().get("source"));
			row.put("chainIds", change.chainIds());
			rows.add(row);
		}
		tx.run("""
				UNWIND $changes AS change
				CREATE (ch:Change {id: change.id, at: datetime(), user: $user, operation: $operation,
				                   entity: change.entity, entityId: change.entityId, before: change.before,
				                   after: change.after, source: change.source, importId: $importId})
				WITH ch, change
				UNWIND change.chainIds AS chainId
				MATCH (c:Chain {id: chainId})
				CREATE (ch)-[:ON_CHAIN]->(c)""",
				Map.of("changes", rows, "user", user, "operation", OPERATION, "importId", importId))
			.consume();
	}

	/**
	 * Records the import as a whole, on every chain: {@code before} is what it had
	 * written when it started (null) or the state it recorded at its start, {@code after}
	 * what it says now.
	 */
	static void recordImport(SimpleQueryRunner tx, String importId, String user, Map<String, Object> before,
			Map<String, Object> after, String source) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", UUID.randomUUID().toString());
		parameters.put("user", user);
		parameters.put("operation", OPERATION);
		parameters.put("importId", importId);
		parameters.put("before", json(before));
		parameters.put("after", json(after));
		parameters.put("source", source);
		tx.run("""
				CREATE (ch:Change {id: $id, at: datetime(), user: $user, operation: $operation, entity: 'Import',
				                   entityId: $importId, before: $before, after: $after, source: $source,
				                   importId: $importId})
				WITH ch
				MATCH (c:Chain)
				CREATE (ch)-[:ON_CHAIN]->(c)""", parameters).consume();
	}

	private static String json(Map<String, Object> values) {
		return values == null ? null : JSON.writeValueAsString(new TreeMap<>(values));
	}

}
