package io.chainlens.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The graph's version and the figures kept beside the data, as Cypher every write path
 * runs in its own transaction. The version lives in the database, so every app instance
 * on one database sees every other's writes; a cache keyed by it is valid exactly as long
 * as no write has committed since it was read.
 */
public final class GraphState {

	/**
	 * Moves the version on: run by every write path in the transaction of its write, so
	 * that the data and the version commit together. A recreated state node (a cleared
	 * database) gets a new epoch, so its versions never repeat older ones.
	 */
	public static final String BUMP = """
			MERGE (g:GraphState {id: 'graph'})
			ON CREATE SET g.epoch = randomUUID(), g.version = 1
			ON MATCH SET g.version = g.version + 1
			SET g.unsaid = g.version""";

	/**
	 * How many of the last writes that said what they touched ({@link #BUMP_TOUCHED}) the
	 * state node remembers: enough for the writes between two reads of a busy region.
	 */
	public static final int KEPT_CHANGES = 64;

	/**
	 * {@link #BUMP} for a write that says what it touched ({@code $touched}, a
	 * {@link Touched#encoded()}): remembered with its version, so that a cache can tell
	 * what of its values the write left as they were. A write that bumps with
	 * {@link #BUMP} leaves its version without such a record: it may have touched
	 * anything.
	 */
	public static final String BUMP_TOUCHED = """
			MERGE (g:GraphState {id: 'graph'})
			ON CREATE SET g.epoch = randomUUID(), g.version = 1, g.unsaid = 1
			ON MATCH SET g.unsaid = coalesce(g.unsaid, g.version), g.version = g.version + 1
			SET g.changes = (coalesce(g.changes, []) + (toString(g.version) + '|' + $touched))[-%d..]"""
		.formatted(KEPT_CHANGES);

	private static final String READ_CHANGES = """
			MATCH (g:GraphState {id: 'graph'})
			RETURN g.epoch AS epoch, coalesce(g.changes, []) AS changes""";

	/**
	 * The version as {@code epoch} and {@code version}, and {@code unsaid}: the last
	 * version whose write did not say what it touched; no row when none was written.
	 */
	public static final String READ = """
			MATCH (g:GraphState {id: 'graph'})
			RETURN g.epoch AS epoch, g.version AS version, coalesce(g.unsaid, g.version) AS unsaid""";

	/** Sets the makers of product {@code p}. */
	private static final String SET_MAKERS = "SET p.makers = COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c }";

	/**
	 * Sets {@code Product.makers}, the number of distinct companies with a site that
	 * MAKES the product (any status), for the products of {@code $productIds} and those
	 * made at the sites of {@code $siteIds}: what a write that created or removed MAKES
	 * or HAS_SITE runs before it commits.
	 */
	public static final String RECOUNT_MAKERS = """
			CALL () {
			  UNWIND $productIds AS id
			  MATCH (p:Product {id: id})
			  RETURN p
			  UNION
			  UNWIND $siteIds AS id
			  MATCH (:Site {id: id})-[:MAKES]->(p:Product)
			  RETURN p
			}
			%s
			RETURN count(p) AS products""".formatted(SET_MAKERS);

	/** {@link #RECOUNT_MAKERS} for every product (seed load). */
	public static final String RECOUNT_ALL_MAKERS = "MATCH (p:Product) " + SET_MAKERS;

	/**
	 * The graph's version, read in the caller's transaction; empty when no write path
	 * wrote one (a graph from outside the app's write paths).
	 */
	public static Optional<Version> read(Neo4jClient neo4j) {
		return neo4j.query(READ)
			.fetchAs(Version.class)
			.mappedBy((t, r) -> new Version(r.get("epoch").asString(), r.get("version").asLong(),
					r.get("unsaid").asLong()))
			.one();
	}

	/**
	 * What the writes after {@code from} up to {@code to} touched, one {@link Touched}
	 * per version; empty when any of them did not say (a write of another kind, one too
	 * old to be remembered, or another epoch): then anything may have changed.
	 */
	public static Optional<List<Touched>> touchedBetween(Neo4jClient neo4j, Version from, Version to) {
		if (from.covers(to)) {
			return Optional.of(List.of());
		}
		if (!from.epoch().equals(to.epoch()) || to.unsaid() > from.number()) {
			// a write since did not say: no need to ask which
			return Optional.empty();
		}
		Map<String, Object> row = neo4j.query(READ_CHANGES).fetch().one().orElse(null);
		if (row == null || !from.epoch().equals(row.get("epoch")) || !(row.get("changes") instanceof List<?> changes)) {
			return Optional.empty();
		}
		Map<Long, Touched> byVersion = new HashMap<>();
		for (Object change : changes) {
			Optional<Map.Entry<Long, Touched>> entry = Touched.entry(change);
			// an entry this code cannot read, or a version said twice, is a record no
			// longer to be trusted: read afresh rather than patch from it
			if (entry.isEmpty() || byVersion.putIfAbsent(entry.get().getKey(), entry.get().getValue()) != null) {
				return Optional.empty();
			}
		}
		List<Touched> touched = new ArrayList<>();
		for (long n = from.number() + 1; n <= to.number(); n++) {
			Touched one = byVersion.get(n);
			if (one == null) {
				return Optional.empty();
			}
			touched.add(one);
		}
		return Optional.of(touched);
	}

	/**
	 * What a write of capacity lines touched: the sites whose MAKES it wrote and their
	 * products. {@code newLines} when it created a MAKES or a site (which adds a maker, a
	 * local product or a site to what was read before) rather than changing the figures
	 * of lines that were there.
	 */
	public record Touched(Set<String> siteIds, Set<String> productIds, boolean newLines) {

		// ids are lowercase letters, digits and dashes; anything else could not be read
		// back
		private static final Pattern ID = Pattern.compile("[^|,\\s]+");

		public Touched {
			siteIds = Set.copyOf(siteIds);
			productIds = Set.copyOf(productIds);
		}

		/** Whether every id can be written in {@link #encoded()} and read back. */
		public boolean encodable() {
			return siteIds.stream().allMatch(id -> ID.matcher(id).matches())
					&& productIds.stream().allMatch(id -> ID.matcher(id).matches());
		}

		/** The parameter {@code $touched} of {@link #BUMP_TOUCHED}. */
		public String encoded() {
			return (newLines ? "new" : "figures") + "|" + String.join(",", new TreeSet<>(siteIds)) + "|"
					+ String.join(",", new TreeSet<>(productIds));
		}

		static Touched decode(String text) {
			String[] parts = text.split("\\|", -1);
			if (parts.length != 3 || !(parts[0].equals("new") || parts[0].equals("figures"))) {
				throw new IllegalArgumentException("not a touched record: " + text);
			}
			return new Touched(ids(parts[1]), ids(parts[2]), "new".equals(parts[0]));
		}

		/**
		 * One entry of the state node's changes, {@code version|encoded}; empty if
		 * malformed.
		 */
		static Optional<Map.Entry<Long, Touched>> entry(Object change) {
			if (!(change instanceof String text)) {
				return Optional.empty();
			}
			int bar = text.indexOf('|');
			try {
				return Optional.of(Map.entry(Long.parseLong(text.substring(0, Math.max(bar, 0))),
						decode(text.substring(bar + 1))));
			}
			catch (IllegalArgumentException malformed) {
				return Optional.empty();
			}
		}

		private static Set<String> ids(String text) {
			return text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
		}

		/** All that some writes touched together. */
		public static Touched union(List<Touched> all) {
			Set<String> sites = new TreeSet<>();
			Set<String> products = new TreeSet<>();
			boolean newLines = false;
			for (Touched one : all) {
				sites.addAll(one.siteIds());
				products.addAll(one.productIds());
				newLines |= one.newLines();
			}
			return new Touched(sites, products, newLines);
		}

	}

	/**
	 * The version read by {@link #READ}; compare with {@link #covers}. {@code unsaid}:
	 * the last version whose write did not say what it touched.
	 */
	public record Version(String epoch, long number, long unsaid) {

		/**
		 * True when a value computed at this version is no older than {@code read}: same
		 * epoch and no write committed after this version.
		 */
		public boolean covers(Version read) {
			return epoch.equals(read.epoch()) && number >= read.number();
		}

	}

	private GraphState() {
	}

}
