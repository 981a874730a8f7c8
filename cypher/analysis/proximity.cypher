// Proximity between products from which companies make which (any site, any status): for each product
// p of $ids and each product q that some maker of p also makes, the companies making both and the
// companies making each (whether the focus region makes q is looked up in the cached local graph by
// the caller). phi(p, q) = both / max(makersOfP, makersOfQ).
// The companies making a product are Product.makers, kept by every write path (docs/analysis.md),
// not counted here: counting them would walk every maker of every q nationwide.
MATCH (p:Product) WHERE p.id IN $ids
MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p)
MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
WITH p, q, count(DISTINCT c) AS both
RETURN p.id AS key, q.id AS otherId, q.nameZh AS otherName, both, p.makers AS makersOfP,
       q.makers AS makersOfQ
ORDER BY key, otherId
