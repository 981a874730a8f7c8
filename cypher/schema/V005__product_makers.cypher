// Product.makers: the number of distinct companies with a site that MAKES the product (any status),
// read by cypher/analysis/proximity.cypher instead of counting the makers nationwide on every request.
// Every write path keeps it current (io.chainlens.database.GraphState.RECOUNT_MAKERS); this counts it
// once for a store written before it existed. It runs after V004 in a transaction of its own (data
// cannot share one with schema statements) and may run again after an interrupted start: both
// statements give the same result when repeated.
MATCH (p:Product)
SET p.makers = COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c };
// A store that holds a graph gets its version now, so that its analysis is cached from the first
// request; an empty one gets it from the seed load, and stays empty until then.
MATCH (p:Product)
WITH count(p) AS products
WHERE products > 0
MERGE (g:GraphState {id: 'graph'})
ON CREATE SET g.epoch = randomUUID(), g.version = 1
ON MATCH SET g.version = g.version + 1;
