// One node holds the graph's version, bumped by every write path (io.chainlens.database.GraphState);
// the analysis caches what it reads from the graph as long as the version is unchanged.
CREATE CONSTRAINT graph_state_id IF NOT EXISTS FOR (n:GraphState) REQUIRE n.id IS UNIQUE;
