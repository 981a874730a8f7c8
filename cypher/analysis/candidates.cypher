// Candidates to attract for each product of $ids: companies that make it at a site outside the focus
// region and at no site inside it; with their capacity outside, their other products (and whether
// the region makes them: $madeHere, the ids of the products local sites make, from the cached local
// graph), their sites in the region and their supply links with local companies. Starts from the
// product's makers and tests locality on each candidate's own sites and partners, walking up from the
// site's region to the focus region (a few hops), rather than collecting every local site first.
OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
WITH f LIMIT 1
MATCH (p:Product) WHERE p.id IN $ids
MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)
WITH f, p, c,
     collect({local: f IS NOT NULL AND EXISTS { (s)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f) },
              capacity: m.capacity,
              status: m.status}) AS makes
WHERE none(x IN makes WHERE x.local)
WITH f, p, c, makes,
     COLLECT {
       MATCH (c)-[:HAS_SITE]->(ls:Site)
       WHERE EXISTS { (ls)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f) }
       RETURN ls
     } AS localSites
RETURN p.id AS key, c,
       reduce(total = 0.0, x IN makes | total + coalesce(x.capacity, 0.0)) AS capacity,
       reduce(total = 0.0, x IN makes | total + CASE x.status WHEN 'OPERATING' THEN coalesce(x.capacity, 0.0) ELSE 0.0 END) AS operating,
       size([x IN makes WHERE x.capacity IS NULL]) AS unknown,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
         WITH DISTINCT q
         RETURN {id: q.id, nameZh: q.nameZh, local: q.id IN $madeHere} ORDER BY q.id
       } AS others,
       [ls IN localSites | ls.id] AS localSites,
       COLLECT {
         UNWIND localSites AS ls
         MATCH (ls)-[:MAKES]->(lp:Product)
         RETURN DISTINCT lp.nameZh ORDER BY lp.nameZh
       } AS localProducts,
       COLLECT {
         MATCH (c)-[l:SUPPLIES]-(o:Company)
         WHERE EXISTS { (o)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f) }
         OPTIONAL MATCH (lp:Product {id: l.productId})
         RETURN {partner: o.nameZh, product: coalesce(lp.nameZh, l.productId), supplies: startNode(l) = c}
         ORDER BY o.id, l.productId
       } AS supplyLinks
ORDER BY key, c.id
