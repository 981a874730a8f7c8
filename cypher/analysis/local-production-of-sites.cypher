// The lines of some sites ($siteIds) that lie in a region, in the shape of local-production.cypher's
// rows: what a region's local graph takes in when a write touched only those sites' lines
// (LocalGraphCache). Starts from the sites and tests each one's region against the region asked
// about, rather than walking down from the region to all its sites.
MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
UNWIND $siteIds AS siteId
MATCH (co:Company)-[:HAS_SITE]->(s:Site {id: siteId})-[:IN_REGION]->(r:Region)
WHERE EXISTS { MATCH (r)-[:PART_OF*0..4]->(f) }
MATCH (s)-[m:MAKES]->(p:Product)
WITH DISTINCT co, s, m, p
WITH co, {siteId: s.id, productId: p.id, status: m.status, capacity: m.capacity, source: m.source,
          year: m.year} AS line
  ORDER BY co.id, line.siteId, line.productId, line.status
WITH co, collect(line) AS lines
RETURN co, lines,
       COLLECT { MATCH g = (co)-[:GROUP_UNIT_OF*1..6]-(o:Company)
                 WHERE o <> co AND (length(g) = 1 OR none(x IN relationships(g) WHERE x.kind = 'JOINT_VENTURE'))
                 RETURN DISTINCT o.id } AS groupIds
ORDER BY co.id
