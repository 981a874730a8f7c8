package io.chainlens.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.security.Caller;
import io.chainlens.security.LeadRights;
import io.chainlens.web.BadArgument;

/**
 * Reads of leads. Rights are the caller's business
 * ({@link io.chainlens.security.LeadRights}): these reads take the chains the caller may
 * read as an argument.
 */
@Component
@Transactional(readOnly = true)
public class LeadReads {

	/** A lead {@code l} as the map {@link Lead#of} reads. */
	static final String LEAD = """
			l {.id, .title, .ownerLogin, .investment, .stage, .droppedFrom, .dropReason, .source, .note, .chainIds,
			   .nextStep, nextStepDue: toString(l.nextStepDue), .created,
			   companyId: COLLECT { MATCH (l)-[:ATTRACTS]->(c) RETURN c.id }[0],
			   ownerUnitId: COLLECT { MATCH (l)-[:OWNED_BY]->(g) RETURN g.id }[0],
			   regionId: COLLECT { MATCH (l)-[:IN_REGION]->(r) RETURN r.id }[0],
			   projectId: COLLECT { MATCH (l)-[:BECAME]->(pr) RETURN pr.id }[0],
			   products: COLLECT { MATCH (l)-[m:PROPOSES]->(p) WITH m, p ORDER BY p.id
			                       RETURN m {.capacity, .unit, .writtenAs, .conversion, productId: p.id} },
			   history: COLLECT { MATCH (l)-[:STEP]->(s) WITH s ORDER BY s.seq
			                      RETURN s {.stage, on: toString(s.on), .recordedBy, .note} },
			   contacts: COLLECT { MATCH (l)-[:CONTACT]->(k) WITH k ORDER BY k.on DESC, k.seq DESC
			                       RETURN k {.who, .agreed, .nextStep, .recordedBy, on: toString(k.on),
			                                 due: toString(k.due)} }}""";

	/** The leads a caller may read: every one, or those of one of {@code $chains}. */
	private static final String READABLE = "($all OR any(c IN l.chainIds WHERE c IN $chains))";

	private final Neo4jClient neo4j;

	LeadReads(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	public Optional<Lead> lead(String id) {
		return leads(List.of(id)).values().stream().findFirst();
	}

	public Map<String, Lead> leads(Collection<String> ids) {
		Map<String, Lead> found = new LinkedHashMap<>();
		neo4j.query("MATCH (l:Lead) WHERE l.id IN $ids RETURN " + LEAD + " AS lead")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetchAs(Lead.class)
			.mappedBy((t, r) -> Lead.of(r.get("lead")))
			.all()
			.forEach(l -> found.put(l.id(), l));
		return found;
	}

	/** Which chains' leads a read may return: all, or those of a set. */
	public record Readable(boolean all, Set<String> chains) {

		public static final Readable ALL = new Readable(true, Set.of());

		/** What this caller may read (the rules are {@link LeadRights}'). */
		public static Readable of(Caller caller) {
			return LeadRights.readsAll(caller) ? ALL
					: new Readable(false, new java.util.TreeSet<>(LeadRights.readableChains(caller)));
		}

		Map<String, Object> params() {
			return Map.of("all", all, "chains", List.copyOf(chains));
		}

	}

	/** A page of leads, newest first. */
	record Page(List<Lead> leads, long total, boolean hasNext) {
	}

	/** Where a page ends: the last lead's time of recording and id. */
	record Cursor(long created, String id) {

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("lead:" + created + ":" + id).getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String text) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
					.split(":", 3);
				if (parts.length != 3 || !parts[0].equals("lead")) {
					throw new IllegalArgumentException();
				}
				return new Cursor(Long.parseLong(parts[1]), parts[2]);
			}
			catch (IllegalArgumentException ex) {
				throw new BadArgument("after", "is not a cursor of this list; pass an edge's cursor or endCursor");
			}
		}

	}

	/**
	 * The leads of a chain, found from the chain's products rather than by reading the
	 * chainIds of every lead: a lead's chainIds are the chains of its products when it
	 * was recorded, and a product never leaves a chain. {@link #PAGE} filters on chainIds
	 * all the same, so the answer is that of a scan.
	 */
	private static final String OF_CHAIN = """
			MATCH (:Chain {id: $chainId})-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(:Product)<-[:PROPOSES]-(l:Lead)
			WITH DISTINCT l
			""";

	/**
	 * The count and the page of the leads {@code l} in one query (one read of them): one
	 * row per lead of the page with the count, or one row with a null lead for an empty
	 * page.
	 */
	private static final String PAGE = """
			WITH l WHERE %s AND ($chainId IS NULL OR $chainId IN l.chainIds) AND ($stage IS NULL OR l.stage = $stage)
			WITH l ORDER BY l.created DESC, l.id
			WITH collect(l) AS matching
			WITH size(matching) AS total,
			     [l IN matching WHERE $afterCreated IS NULL OR l.created < $afterCreated
			                          OR (l.created = $afterCreated AND l.id > $afterId)][0..$first] AS page
			UNWIND CASE page WHEN [] THEN [null] ELSE page END AS l
			RETURN total, %s AS lead""".formatted(READABLE, LEAD);

	private record Row(long total, Lead lead) {
	}

	Page page(Readable readable, String chainId, LeadStage stage, int first, Cursor after) {
		Map<String, Object> params = new LinkedHashMap<>(readable.params());
		params.put("chainId", chainId);
		params.put("stage", stage == null ? null : stage.name());
		params.put("first", first + 1);
		params.put("afterCreated", after == null ? null : after.created());
		params.put("afterId", after == null ? null : after.id());
		List<Row> rows = List.copyOf(neo4j.query((chainId == null ? "MATCH (l:Lead)\n" : OF_CHAIN) + PAGE)
			.bindAll(params)
			.fetchAs(Row.class)
			.mappedBy(
					(t, r) -> new Row(r.get("total").asLong(), r.get("lead").isNull() ? null : Lead.of(r.get("lead"))))
			.all());
		long total = rows.isEmpty() ? 0 : rows.get(0).total();
		List<Lead> leads = rows.stream().map(Row::lead).filter(Objects::nonNull).toList();
		boolean hasNext = leads.size() > first;
		return new Page(hasNext ? leads.subList(0, first) : leads, total, hasNext);
	}

	/** Leads per chain and stage: what anyone with a login may know. */
	record Count(String chainId, LeadStage stage, long count) {
	}

	List<Count> counts(String chainId) {
		return List.copyOf(neo4j.query("""
				MATCH (l:Lead) UNWIND l.chainIds AS chainId
				WITH chainId, l.stage AS stage, count(l) AS n
				WHERE $chainId IS NULL OR chainId = $chainId
				RETURN chainId, stage, n ORDER BY chainId, stage""")
			.bind(chainId)
			.to("chainId")
			.fetchAs(Count.class)
			.mappedBy((t, r) -> new Count(r.get("chainId").asString(), LeadStage.valueOf(r.get("stage").asString()),
					r.get("n").asLong()))
			.all());
	}

	/** The active (not dropped) leads proposing each product. */
	Map<String, List<Lead>> activeByProduct(Collection<String> productIds) {
		return grouped("""
				UNWIND $keys AS key
				MATCH (l:Lead)-[:PROPOSES]->(:Product {id: key}) WHERE l.stage <> 'DROPPED'
				RETURN key, %s AS lead ORDER BY key, l.id""", productIds);
	}

	/** The active leads for a company and a product, by {@code companyId/productId}. */
	Map<String, List<Lead>> activeByCompanyAndProduct(Collection<String> keys) {
		return grouped("""
				UNWIND $keys AS key
				WITH key, split(key, '/') AS ids
				MATCH (:Company {id: ids[0]})<-[:ATTRACTS]-(l:Lead)-[:PROPOSES]->(:Product {id: ids[1]})
				WHERE l.stage <> 'DROPPED'
				RETURN key, %s AS lead ORDER BY key, l.id""", keys);
	}

	/** Leads by the key a query returns with each, for the keys of {@code $keys}. */
	private Map<String, List<Lead>> grouped(String cypher, Collection<String> keys) {
		Map<String, List<Lead>> byKey = new LinkedHashMap<>();
		neo4j.query(cypher.formatted(LEAD))
			.bind(List.copyOf(keys))
			.to("keys")
			.fetchAs(Map.Entry.class)
			.mappedBy((t, r) -> Map.entry(r.get("key").asString(), Lead.of(r.get("lead"))))
			.all()
			.forEach(e -> byKey.computeIfAbsent((String) e.getKey(), k -> new ArrayList<>()).add((Lead) e.getValue()));
		return byKey;
	}

	/**
	 * The active leads that first reached {@code stage} (or a later one, skipping it)
	 * within the year, with at least the investment given, of the chain when one is
	 * given. Stages move forward only, so an active lead that reached it is at one of
	 * {@code $stages} now: that condition reads the stage index instead of every lead.
	 */
	List<Lead> reachedInYear(LeadStage stage, int year, Double minInvestment, String chainId) {
		List<String> stages = Arrays.stream(LeadStage.values())
			.filter(s -> s.reached(stage))
			.map(LeadStage::name)
			.toList();
		return List.copyOf(neo4j
			.query("""
					MATCH (l:Lead) WHERE l.stage IN $stages AND l.stage <> 'DROPPED'
					  AND ($chainId IS NULL OR $chainId IN l.chainIds)
					  AND ($min IS NULL OR l.investment >= $min)
					WITH l, COLLECT { MATCH (l)-[:STEP]->(s) WHERE s.stage IN $stages RETURN s ORDER BY s.seq LIMIT 1 }[0] AS step
					// a step of the seed dated only by when it was known (asOf) was reached then or
					// before, in no known year
					WHERE step IS NOT NULL AND NOT coalesce(step.asOf, false) AND step.on.year = $year
					RETURN %s AS lead ORDER BY l.id"""
				.formatted(LEAD))
			.bind(stages)
			.to("stages")
			.bind(year)
			.to("year")
			.bind(minInvestment)
			.to("min")
			.bind(chainId)
			.to("chainId")
			.fetchAs(Lead.class)
			.mappedBy((t, r) -> Lead.of(r.get("lead")))
			.all());
	}

	/**
	 * One value per id by a query returning {@code key} (for the names and nodes a lead
	 * refers to), in this class's read transaction: outside one a query would run as an
	 * auto-commit write, which a cluster sends to its leader.
	 */
	public <T> Map<String, T> byIds(String cypher, Collection<String> ids,
			java.util.function.Function<org.neo4j.driver.Record, T> mapper) {
		return io.chainlens.database.Batched.single(neo4j, cypher, new java.util.LinkedHashSet<>(ids), Map.of(),
				mapper);
	}

}
