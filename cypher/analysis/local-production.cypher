// What the focus region makes: every MAKES of a site in the region, with its company, status and
// capacity in the product's canonical unit (null = not known), its source (an 'estimate:' is counted
// apart from sourced figures), and the other companies of its group (group links are few, so the walk
// is short): control links (subsidiary, branch) chain, a joint venture joins only the venture and its
// own partners, not the partners with each other. Walks down from the focus region to
// its districts and their sites rather than up from every site in the graph.
// The leads in talks (stage PRELIMINARY) of the region come with them as lines of status
// LEAD_PRELIMINARY at a site 'lead:<id>': only the PIPELINE scenario counts them; signed leads are
// MAKES of a site already.
MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
MATCH (r:Region)-[:PART_OF*0..4]->(f)
WITH DISTINCT r
CALL (r) {
  MATCH (co:Company)-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(r)
  MATCH (s)-[m:MAKES]->(p:Product)
  RETURN co, s.id AS siteId, p.id AS productId, m.status AS status, m.capacity AS capacity, m.source AS source,
         m.year AS year
  UNION ALL
  MATCH (l:Lead {stage: 'PRELIMINARY'})-[:IN_REGION]->(r)
  MATCH (l)-[:ATTRACTS]->(co:Company)
  MATCH (l)-[m:PROPOSES]->(p:Product)
  RETURN co, 'lead:' + l.id AS siteId, p.id AS productId, 'LEAD_PRELIMINARY' AS status, m.capacity AS capacity,
         l.source AS source, null AS year
}
RETURN co, siteId, productId, status, capacity, source, year,
       COLLECT { MATCH g = (co)-[:GROUP_UNIT_OF*1..6]-(o:Company)
                 WHERE o <> co AND (length(g) = 1 OR none(x IN relationships(g) WHERE x.kind = 'JOINT_VENTURE'))
                 RETURN DISTINCT o.id } AS groupIds
ORDER BY co.id, siteId, productId, status
