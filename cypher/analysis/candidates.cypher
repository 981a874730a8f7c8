// Candidates to attract for each product of $ids: companies that make it at a site outside the focus
// region and at no site inside it; with their capacity outside, their other products (and whether
// the region makes them), their sites in the region and their supply links with local companies.
MATCH (p:Product) WHERE p.id IN $ids
MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)
MATCH (s)-[:IN_REGION]->(r:Region)
WITH p, c, collect({
       local: EXISTS { MATCH (r)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region },
       capacity: m.capacity, status: m.status}) AS makes
WHERE none(x IN makes WHERE x.local)
RETURN p.id AS key, c,
       reduce(total = 0.0, x IN makes | total + coalesce(x.capacity, 0.0)) AS capacity,
       reduce(total = 0.0, x IN makes | total + CASE x.status WHEN 'OPERATING' THEN coalesce(x.capacity, 0.0) ELSE 0.0 END) AS operating,
       size([x IN makes WHERE x.capacity IS NULL]) AS unknown,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
         WITH DISTINCT q
         RETURN {id: q.id, nameZh: q.nameZh, local: EXISTS {
           MATCH (q)<-[:MAKES]-(:Site)-[:IN_REGION]->(qr:Region)-[:PART_OF*0..4]->(f:Region)
           WHERE f.id = $region OR f.nameZh = $region }} ORDER BY q.id
       } AS others,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(ls:Site)-[:IN_REGION]->(lr:Region)-[:PART_OF*0..4]->(f:Region)
         WHERE f.id = $region OR f.nameZh = $region
         RETURN DISTINCT ls.id
       } AS localSites,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(ls:Site)-[:IN_REGION]->(lr:Region)-[:PART_OF*0..4]->(f:Region)
         WHERE f.id = $region OR f.nameZh = $region
         MATCH (ls)-[:MAKES]->(lp:Product)
         RETURN DISTINCT lp.nameZh ORDER BY lp.nameZh
       } AS localProducts,
       COLLECT {
         MATCH (c)-[l:SUPPLIES]-(o:Company)
         WHERE EXISTS { MATCH (o)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f:Region)
                        WHERE f.id = $region OR f.nameZh = $region }
         OPTIONAL MATCH (lp:Product {id: l.productId})
         RETURN {partner: o.nameZh, product: coalesce(lp.nameZh, l.productId), supplies: startNode(l) = c}
         ORDER BY o.id, l.productId
       } AS supplyLinks
ORDER BY key, c.id
