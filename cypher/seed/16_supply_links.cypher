UNWIND $rows AS row
MATCH (s:Company {id: row.supplier_id}), (c:Company {id: row.customer_id}), (p:Product {id: row.product_id})
MERGE (s)-[l:SUPPLIES {productId: row.product_id}]->(c)
SET l.source = row.source, l.note = row.note;
