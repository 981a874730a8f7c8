// The product graph: FEEDS (input per unit of output, in canonical units) and YIELDS (co-product
// share per unit of the process product). STOCK links (an installed base needed once, such as wind
// farms behind green hydrogen) create no yearly demand, so the balance leaves them out.
MATCH (i:Product)-[f:FEEDS]->(o:Product)
WHERE coalesce(f.basis, 'FLOW') = 'FLOW'
RETURN 'FEEDS' AS type, i.id AS fromId, o.id AS toId, f.perUnit AS factor, f.writtenAs AS writtenAs,
       f.source AS source
UNION ALL
MATCH (p:Product)-[y:YIELDS]->(c:Product)
RETURN 'YIELDS' AS type, p.id AS fromId, c.id AS toId, y.share AS factor, null AS writtenAs, y.source AS source
