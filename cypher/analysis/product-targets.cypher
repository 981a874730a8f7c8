// Targets set for a product (the targets a gap puts at stake, and the ones progress is measured for).
MATCH (t:Target)-[:FOR_PRODUCT]->(p:Product)
OPTIONAL MATCH (t)-[:UNDER_ITEM]->(i:PolicyItem)
RETURN t, p.id AS productId, i.number AS item
ORDER BY t.id
