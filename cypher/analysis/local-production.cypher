// What the focus region makes: every MAKES of a site in the region, with its company, status and
// capacity in the product's canonical unit (null = not known).
MATCH (co:Company)-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(r:Region)
WHERE EXISTS { MATCH (r)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region }
MATCH (s)-[m:MAKES]->(p:Product)
RETURN co, s.id AS siteId, p.id AS productId, m.status AS status, m.capacity AS capacity
ORDER BY co.id, s.id, p.id, m.status
