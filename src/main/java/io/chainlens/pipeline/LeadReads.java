package io.chainlens.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * Sets on each lead {@code l} (all, or the one of {@code $id}) the day it first
	 * reached each stage from PRELIMINARY on, a later one included (stages move forward
	 * and may be skipped): {@code reachedPreliminary}, {@code reachedSigned},
	 * {@code reachedConstruction}, {@code reachedProduction}. Null when not reached, or
	 * when the step that reached it is dated only by when it was known ({@code asOf}, the
	 * seed's): reached then or before, in no known year. A target rule reads these
	 * through their indexes (V011) instead of every lead's steps. Run after each step is
	 * written.
	 */
	public static final String REACHED_ON = """
			MATCH (l:Lead) WHERE $id IS NULL OR l.id = $id
			WITH l, COLLECT { MATCH (l)-[:STEP]->(s) RETURN s ORDER BY s.seq } AS steps,
			     ['PRELIMINARY', 'SIGNED', 'CONSTRUCTION', 'PRODUCTION'] AS later
			WITH l, [i IN range(0, 3) | [s IN steps WHERE s.stage IN later[i..]][0]] AS first
			WITH l, [s IN first | CASE WHEN s IS NULL OR coalesce(s.asOf, false) THEN null ELSE s.on END] AS on
			SET l.reachedPreliminary = on[0], l.reachedSigned = on[1], l.reachedConstruction = on[2],
			    l.reachedProduction = on[3]""";

	/** The property of {@link #REACHED_ON} of a stage. */
	static String reachedProperty(LeadStage stage) {
		return switch (stage) {
			case PRELIMINARY -> "reachedPreliminary";
			case SIGNED -> "reachedSigned";
			case CONSTRUCTION -> "reachedConstruction";
			case PRODUCTION -> "reachedProduction";
			default -> throw new IllegalArgumentException("no target rule counts leads reaching " + stage);
		};
	}

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
	 * The leads {@code l} a page may hold: readable, of the chain and at the stage when
	 * given. Filters on chainIds: a lead's chainIds are the chains of its products when
	 * it was recorded, and a product never leaves a chain.
	 */
	private static final String MATCHING = "(%s AND ($chainId IS NULL OR $chainId IN l.chainIds) AND ($stage IS NULL OR l.stage = $stage))"
		.formatted(READABLE);

	/**
	 * A page of leads, newest first: walks the index on {@code created} down from the
	 * cursor and stops after {@code $first} matching leads, so a page costs the leads it
	 * passes over rather than every lead of the chain.
	 */
	private static final String PAGE = """
			MATCH (l:Lead) WHERE l.created <= $afterCreated AND %s
			  AND (l.created < $afterCreated OR $afterId IS NULL OR l.id > $afterId)
			RETURN l.id AS id ORDER BY l.created DESC, l.id LIMIT $first""".formatted(MATCHING);

	private static final String COUNT = "MATCH (l:Lead) WHERE " + MATCHING + " RETURN count(l) AS total";

	Page page(Readable readable, String chainId, LeadStage stage, int first, Cursor after) {
		Map<String, Object> params = new LinkedHashMap<>(readable.params());
		params.put("chainId", chainId);
		params.put("stage", stage == null ? null : stage.name());
		params.put("first", first + 1);
		params.put("afterCreated", after == null ? Long.MAX_VALUE : after.created());
		params.put("afterId", after == null ? null : after.id());
		// the ids first, then the leads: projecting LEAD in the ordered query fails Neo4j
		// 5.26's planner (insertCachedProperties)
		List<Lead> leads = inOrder(List.copyOf(neo4j.query(PAGE).bindAll(params).fetchAs(String.class).all()));
		long total = neo4j.query(COUNT).bindAll(params).fetchAs(Long.class).one().orElse(0L);
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

	/** An active lead proposing a product: what a gap's pipeline needs of it. */
	record Proposing(String leadId, LeadStage stage, Double capacity) {
	}

	/**
	 * The active (not dropped) leads proposing each product, without their history and
	 * contacts: a gap needs their stage and capacity; the leads themselves are read by id
	 * when a request asks for more than their id.
	 */
	Map<String, List<Proposing>> activeByProduct(Collection<String> productIds) {
		Map<String, List<Proposing>> byProduct = new LinkedHashMap<>();
		neo4j.query("""
				UNWIND $keys AS key
				MATCH (l:Lead)-[m:PROPOSES]->(:Product {id: key}) WHERE l.stage <> 'DROPPED'
				RETURN key, l.id AS id, l.stage AS stage, m.capacity AS capacity
				ORDER BY key, id""")
			.bind(List.copyOf(productIds))
			.to("keys")
			.fetch()
			.all()
			.forEach(r -> byProduct.computeIfAbsent((String) r.get("key"), k -> new ArrayList<>())
				.add(new Proposing((String) r.get("id"), LeadStage.valueOf((String) r.get("stage")),
						r.get("capacity") == null ? null : ((Number) r.get("capacity")).doubleValue())));
		return byProduct;
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
	 * The leads {@code l} a target rule counts: active, first reached {@code stage} (or a
	 * later one, skipping it) within {@code $year}, with at least {@code $min} investment
	 * when given: a range of the index on the stage's {@link #REACHED_ON} date.
	 */
	private static String reachedInYear(LeadStage stage) {
		return """
				MATCH (l:Lead) WHERE l.%s >= date({year: $year, month: 1, day: 1})
				  AND l.%1$s < date({year: $year + 1, month: 1, day: 1})
				  AND l.stage <> 'DROPPED' AND ($min IS NULL OR l.investment >= $min)
				""".formatted(reachedProperty(stage));
	}

	/** How many leads a target rule counts in a year (whoever may read them). */
	long countReachedInYear(LeadStage stage, int year, Double minInvestment) {
		return neo4j.query(reachedInYear(stage) + "RETURN count(l) AS n")
			.bind(year)
			.to("year")
			.bind(minInvestment)
			.to("min")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/** The leads a target rule counts in a year that the reader may read, by id. */
	List<Lead> reachedInYear(LeadStage stage, int year, Double minInvestment, Readable readable) {
		List<String> ids = List
			.copyOf(neo4j.query(reachedInYear(stage) + "WITH l WHERE " + READABLE + " RETURN l.id AS id ORDER BY id")
				.bindAll(readable.params())
				.bind(year)
				.to("year")
				.bind(minInvestment)
				.to("min")
				.fetchAs(String.class)
				.all());
		return inOrder(ids);
	}

	/** The leads of the ids, in their order (read in this transaction, so all found). */
	private List<Lead> inOrder(List<String> ids) {
		Map<String, Lead> found = leads(ids);
		return ids.stream().map(found::get).toList();
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
