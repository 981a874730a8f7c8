// Proximity between products from which companies make which (any site, any status): for each product
// p of $ids and each product q that some maker of p also makes, the companies making both and the
// companies making each; and whether the focus region makes q. phi(p, q) = both / max(makersOfP, makersOfQ).
CALL () {
  OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
  OPTIONAL MATCH (s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f)
  WITH collect(DISTINCT s) AS localSites
  RETURN COLLECT { UNWIND localSites AS s MATCH (s)-[:MAKES]->(q:Product) RETURN DISTINCT q } AS madeHere
}
MATCH (p:Product) WHERE p.id IN $ids
CALL (p) {
  MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p)
  RETURN count(DISTINCT c) AS makersOfP
}
MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p)
MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
WITH madeHere, p, makersOfP, q, count(DISTINCT c) AS both
RETURN p.id AS key, q.id AS otherId, q.nameZh AS otherName, both, makersOfP,
       COUNT { MATCH (x:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(q) RETURN DISTINCT x } AS makersOfQ,
       q IN madeHere AS local
ORDER BY key, otherId
