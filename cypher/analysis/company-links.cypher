// Supply links of the companies $ids. POTENTIAL: a local site of one company makes (directly, or as a
// co-product of its process) a product that a local site of the other consumes (FEEDS), whatever the
// status of either. OBSERVED: a SUPPLIES relationship in the data, with any company.
// direction is the other company's role: SUPPLIER supplies the company in key, CUSTOMER buys from it.
CALL () {
  OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
  OPTIONAL MATCH (s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f)
  RETURN collect(DISTINCT s) AS localSites
}
MATCH (c:Company)-[:HAS_SITE]->(cs:Site)-[:MAKES]->(made:Product)
WHERE c.id IN $ids AND cs IN localSites
WITH DISTINCT localSites, c, made
CALL (localSites, c, made) {
  MATCH (input:Product)-[feed:FEEDS]->(made)
  MATCH (input)<-[:YIELDS*0..1]-(:Product)<-[:MAKES]-(ds:Site)<-[:HAS_SITE]-(d:Company)
  WHERE d <> c AND ds IN localSites
  RETURN d, input AS product, 'SUPPLIER' AS direction, feed.source AS source
  UNION
  MATCH (made)-[:YIELDS*0..1]->(output:Product)-[feed:FEEDS]->(:Product)<-[:MAKES]-(ds:Site)<-[:HAS_SITE]-(d:Company)
  WHERE d <> c AND ds IN localSites
  RETURN d, output AS product, 'CUSTOMER' AS direction, feed.source AS source
}
RETURN DISTINCT c.id AS key, d, product, direction, 'POTENTIAL' AS kind, source, true AS local
UNION
MATCH (c:Company)-[l:SUPPLIES]-(d:Company) WHERE c.id IN $ids AND d <> c
MATCH (product:Product {id: l.productId})
RETURN c.id AS key, d, product, CASE WHEN startNode(l) = c THEN 'CUSTOMER' ELSE 'SUPPLIER' END AS direction,
       'OBSERVED' AS kind, l.source AS source,
       EXISTS { MATCH (d)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f:Region)
                WHERE f.id = $region OR f.nameZh = $region } AS local
