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
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.database.GraphState;
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

	/**
	 * A lead {@code l} as the map {@link Lead#of} reads, without its history and
	 * contacts.
	 */
	static final String LEAD_WITHOUT_LOG = """
			l {.id, .title, .ownerLogin, .investment, .stage, .droppedFrom, .dropReason, .source, .note, .chainIds,
			   .nextStep, nextStepDue: toString(l.nextStepDue), .created,
			   companyId: COLLECT { MATCH (l)-[:ATTRACTS]->(c) RETURN c.id }[0],
			   ownerUnitId: COLLECT { MATCH (l)-[:OWNED_BY]->(g) RETURN g.id }[0],
			   regionId: COLLECT { MATCH (l)-[:IN_REGION]->(r) RETURN r.id }[0],
			   projectId: COLLECT { MATCH (l)-[:BECAME]->(pr) RETURN pr.id }[0],
			   products: COLLECT { MATCH (l)-[m:PROPOSES]->(p) WITH m, p ORDER BY p.id
			                       RETURN m {.capacity, .unit, .writtenAs, .conversion, productId: p.id} }}""";

	/** A lead {@code l} as the map {@link Lead#of} reads. */
	static final String LEAD = LEAD_WITHOUT_LOG.substring(0, LEAD_WITHOUT_LOG.length() - 1) + """
			,
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
	 * seed's): reached then or before, in no known year. The target rules count them
	 * ({@link LeadDigest}) instead of every lead's steps. Run after each step is written.
	 */
	public static final String REACHED_ON = """
			MATCH (l:Lead) WHERE $id IS NULL OR l.id = $id
			WITH l, COLLECT { MATCH (l)-[:STEP]->(s) RETURN s ORDER BY s.seq } AS steps,
			     ['PRELIMINARY', 'SIGNED', 'CONSTRUCTION', 'PRODUCTION'] AS later
			WITH l, [i IN range(0, 3) | [s IN steps WHERE s.stage IN later[i..]][0]] AS first
			WITH l, [s IN first | CASE WHEN s IS NULL OR coalesce(s.asOf, false) THEN null ELSE s.on END] AS on
			SET l.reachedPreliminary = on[0], l.reachedSigned = on[1], l.reachedConstruction = on[2],
			    l.reachedProduction = on[3]""";

	/** The units of {@code $ids}, as {@code g} keyed by id. */
	static final String UNITS = "MATCH (g:GovUnit) WHERE g.id IN $ids RETURN g.id AS key, g";

	private final Neo4jClient neo4j;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Kept kept;

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

	}

	/**
	 * A page of leads, newest first, and the companies, units and products its leads
	 * refer to as the digest read them.
	 */
	record Page(List<Lead> leads, long total, boolean hasNext, LeadDigest.References references) {
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
	 * A page of leads, newest first, after the cursor; their history and contacts are
	 * read only {@code withLog}.
	 */
	Page page(Readable readable, String chainId, LeadStage stage, int first, Cursor after, boolean withLog) {
		LeadDigest digest = digest();
		LeadDigest.Slice slice = digest.page(readable, chainId, stage, first + 1, after);
		// the digest holds each lead but its history and contacts
		List<Lead> leads = withLog ? inOrder(slice.ids()) : slice.leads();
		boolean hasNext = leads.size() > first;
		return new Page(hasNext ? leads.subList(0, first) : leads, slice.total(), hasNext, digest.references());
	}

	/** Leads per chain and stage: what anyone with a login may know. */
	record Count(String chainId, LeadStage stage, long count) {
	}

	List<Count> counts(String chainId) {
		return digest().counts(chainId);
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
		return digest().activeByProduct(productIds);
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
	 * How many leads a target rule counts in a year (whoever may read them): active,
	 * first reached {@code stage} (or a later one, skipping it) within the year, with at
	 * least {@code minInvestment} when given.
	 */
	long countReachedInYear(LeadStage stage, int year, Double minInvestment) {
		return digest().reachedInYear(stage, year, minInvestment).size();
	}

	/** The leads a target rule counts in a year that the reader may read, by id. */
	List<Lead> reachedInYear(LeadStage stage, int year, Double minInvestment, Readable readable) {
		return inOrder(digest().reachedInYear(stage, year, minInvestment)
			.stream()
			.filter(e -> e.readableBy(readable))
			.map(LeadDigest.Entry::id)
			.toList());
	}

	/**
	 * The digest of every lead at the graph's version: read again after any write (every
	 * write path moves the version on, {@link GraphState}), by one thread while the
	 * others wait for it. The version is read first in this read transaction, so a write
	 * committing in between makes the digest newer than its version says, never older.
	 */
	private LeadDigest digest() {
		Optional<GraphState.Version> read = GraphState.read(neo4j);
		if (read.isEmpty()) {
			// no version written (a graph from outside the app's write paths): nothing to
			// tell a change by, so nothing is kept
			return readDigest();
		}
		Kept kept = this.kept;
		if (kept != null && kept.version().covers(read.get())) {
			return kept.digest();
		}
		reading.lock();
		try {
			kept = this.kept;
			if (kept != null && kept.version().covers(read.get())) {
				return kept.digest();
			}
			LeadDigest digest = readDigest();
			this.kept = new Kept(read.get(), digest);
			return digest;
		}
		finally {
			reading.unlock();
		}
	}

	private LeadDigest readDigest() {
		return LeadDigest.of(List
			.copyOf(neo4j.query(LeadDigest.READ).fetchAs(org.neo4j.driver.Record.class).mappedBy((t, r) -> r).all()));
	}

	private record Kept(GraphState.Version version, LeadDigest digest) {
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
