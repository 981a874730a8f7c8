// Supply links of the companies $ids. POTENTIAL: a local site of one company makes (directly, or as a
// co-product of its process) a product that a local site of the other consumes (FEEDS), whatever the
// status of either. OBSERVED: a SUPPLIES relationship in the data, with any company.
// direction is the other company's role: SUPPLIER supplies the company in key, CUSTOMER buys from it.
MATCH (c:Company)-[:HAS_SITE]->(cs:Site)-[:IN_REGION]->(cr:Region), (cs)-[:MAKES]->(made:Product)
WHERE c.id IN $ids
  AND EXISTS { MATCH (cr)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region }
WITH DISTINCT c, made
CALL (c, made) {
  MATCH (input:Product)-[feed:FEEDS]->(made)
  MATCH (d:Company)-[:HAS_SITE]->(ds:Site)-[:MAKES]->(x:Product), (ds)-[:IN_REGION]->(dr:Region)
  WHERE d <> c AND (x = input OR (x)-[:YIELDS]->(input))
    AND EXISTS { MATCH (dr)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region }
  RETURN d, input AS product, 'SUPPLIER' AS direction, feed.source AS source
  UNION
  MATCH (made)-[:YIELDS*0..1]->(output:Product)-[feed:FEEDS]->(q:Product)<-[:MAKES]-(ds:Site)<-[:HAS_SITE]-(d:Company)
  MATCH (ds)-[:IN_REGION]->(dr:Region)
  WHERE d <> c AND EXISTS { MATCH (dr)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region }
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
