// Every chain with its segments left to right and the segments' products, and the focus region's
// name for the explanations. Products of other chains are needed too: local consumers of a chain's
// product may belong to any chain.
OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
WITH f.nameZh AS regionName LIMIT 1
MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment)
OPTIONAL MATCH (s)-[:HAS_PRODUCT]->(p:Product)
RETURN regionName, c, s, p
ORDER BY c.id, s.position, s.id, p.id
