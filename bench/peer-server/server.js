// @neo4j/graphql 7 with Apollo Server's standalone HTTP server over the Neo4j database chainlens
// uses, for bench/peer and SideBySideTest. Environment: NEO4J_URI, NEO4J_USER (default neo4j),
// NEO4J_PASSWORD, PORT.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const user = process.env.NEO4J_USER ?? "neo4j";
const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(user, process.env.NEO4J_PASSWORD));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
});
console.log(`peer ready at ${url}`);
