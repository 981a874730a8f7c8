// Per-product unit conversions (graph-seed/common/conversions.csv): 1 fromUnit of the product =
// factor toUnit. Kept in the graph so that setCapacity converts as the seed load does.
UNWIND $rows AS row
MATCH (p:Product {id: row.product_id})
MERGE (c:Conversion {productId: row.product_id, fromUnit: row.from_unit})
SET c.toUnit = row.to_unit, c.factor = row.factor, c.source = row.source, c.note = row.note
MERGE (c)-[:OF]->(p);
