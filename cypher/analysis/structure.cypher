// Every chain with its segments left to right and the segments' products: the same for every region,
// read once per version of the graph. Products of other chains are needed too: local consumers of a
// chain's product may belong to any chain. One row per segment, its products collected: with a national
// catalogue (thousands of products) a row per product would repeat the chain and segment nodes.
MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
RETURN c, s, COLLECT { MATCH (s)-[:HAS_PRODUCT]->(p:Product) RETURN p ORDER BY p.id } AS products
ORDER BY c.id, s.position, s.id
