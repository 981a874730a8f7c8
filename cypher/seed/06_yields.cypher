UNWIND $rows AS row
MATCH (p:Product {id: row.process_id}), (c:Product {id: row.product_id})
MERGE (p)-[y:YIELDS]->(c)
SET y.share = row.share, y.source = row.source, y.note = row.note;
