// Every chain with its segments left to right and the segments' products, and the focus region's
// name for the explanations. Products of other chains are needed too: local consumers of a chain's
// product may belong to any chain. One row per segment, its products collected: with a national
// catalogue (thousands of products) a row per product would repeat the chain and segment nodes.
OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
WITH f.nameZh AS regionName LIMIT 1
MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
RETURN regionName, c, s, COLLECT { MATCH (s)-[:HAS_PRODUCT]->(p:Product) RETURN p ORDER BY p.id } AS products
ORDER BY c.id, s.position, s.id
