package io.chainlens.database;

import java.util.Optional;

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
			ON MATCH SET g.version = g.version + 1""";

	/** The version as {@code epoch} and {@code version}; no row when none was written. */
	public static final String READ = """
			MATCH (g:GraphState {id: 'graph'})
			RETURN g.epoch AS epoch, g.version AS version""";

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
			.mappedBy((t, r) -> new Version(r.get("epoch").asString(), r.get("version").asLong()))
			.one();
	}

	/** The version read by {@link #READ}; compare with {@link #covers}. */
	public record Version(String epoch, long number) {

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
