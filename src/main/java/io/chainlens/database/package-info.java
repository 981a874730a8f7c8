/**
 * The Neo4j database: an embedded server reached over Bolt by default, or an external one
 * by configuration, and the schema applied from {@code cypher/schema} at start.
 */
package io.chainlens.database;
