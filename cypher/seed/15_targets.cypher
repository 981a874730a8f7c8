UNWIND $rows AS row
MERGE (t:Target {id: row.id})
SET t.metric = row.metric, t.value = row.value, t.unit = row.unit, t.writtenAs = row.written_as, t.year = row.year, t.source = row.source,
    t.note = row.note
WITH t, row
CALL (t, row) {
  WITH t, row WHERE row.chain_id IS NOT NULL
  MATCH (c:Chain {id: row.chain_id})
  MERGE (t)-[:FOR_CHAIN]->(c)
}
CALL (t, row) {
  WITH t, row WHERE row.product_id IS NOT NULL
  MATCH (p:Product {id: row.product_id})
  MERGE (t)-[:FOR_PRODUCT]->(p)
}
CALL (t, row) {
  WITH t, row WHERE row.item IS NOT NULL
  MATCH (i:PolicyItem {id: row.item})
  MERGE (t)-[:UNDER_ITEM]->(i)
};
