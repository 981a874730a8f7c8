// Candidates to attract for each product of $ids: companies that make it at a site outside the focus
// region and at no site inside it; with their capacity outside, their other products (and whether
// the region makes them), their sites in the region and their supply links with local companies.
// The region's sites and products are collected once, then tested by membership.
CALL () {
  OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
  OPTIONAL MATCH (s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f)
  WITH collect(DISTINCT s) AS localSites
  RETURN localSites,
         COLLECT { UNWIND localSites AS s MATCH (s)-[:MAKES]->(p:Product) RETURN DISTINCT p } AS madeHere,
         COLLECT { UNWIND localSites AS s MATCH (co:Company)-[:HAS_SITE]->(s) RETURN DISTINCT co } AS localCompanies
}
MATCH (p:Product) WHERE p.id IN $ids
MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)
WITH localSites, madeHere, localCompanies, p, c,
     collect({local: s IN localSites, capacity: m.capacity, status: m.status}) AS makes
WHERE none(x IN makes WHERE x.local)
RETURN p.id AS key, c,
       reduce(total = 0.0, x IN makes | total + coalesce(x.capacity, 0.0)) AS capacity,
       reduce(total = 0.0, x IN makes | total + CASE x.status WHEN 'OPERATING' THEN coalesce(x.capacity, 0.0) ELSE 0.0 END) AS operating,
       size([x IN makes WHERE x.capacity IS NULL]) AS unknown,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
         WITH DISTINCT q
         RETURN {id: q.id, nameZh: q.nameZh, local: q IN madeHere} ORDER BY q.id
       } AS others,
       COLLECT { MATCH (c)-[:HAS_SITE]->(ls:Site) WHERE ls IN localSites RETURN ls.id } AS localSites,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(ls:Site)-[:MAKES]->(lp:Product) WHERE ls IN localSites
         RETURN DISTINCT lp.nameZh ORDER BY lp.nameZh
       } AS localProducts,
       COLLECT {
         MATCH (c)-[l:SUPPLIES]-(o:Company) WHERE o IN localCompanies
         OPTIONAL MATCH (lp:Product {id: l.productId})
         RETURN {partner: o.nameZh, product: coalesce(lp.nameZh, l.productId), supplies: startNode(l) = c}
         ORDER BY o.id, l.productId
       } AS supplyLinks
ORDER BY key, c.id
