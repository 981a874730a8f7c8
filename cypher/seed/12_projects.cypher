UNWIND $rows AS row
MERGE (p:Project {id: row.id})
SET p.nameZh = row.name_zh, p.name = coalesce(row.name_en, row.name_zh), p.capacity = row.capacity,
    p.unit = row.unit, p.writtenAs = row.written_as, p.conversion = row.conversion, p.status = row.status, p.source = row.source, p.note = row.note
WITH p, row
CALL (p, row) {
  // several developers: the first named leads (position 0), the others co-develop
  WITH p, coalesce(row.company_id, []) AS companyIds
  UNWIND range(0, size(companyIds) - 1) AS position
  MATCH (c:Company {id: companyIds[position]})
  MERGE (p)-[by:BY]->(c)
  SET by.position = position
}
CALL (p, row) {
  UNWIND coalesce(row.product_ids, []) AS productId
  MATCH (x:Product {id: productId})
  MERGE (p)-[:FOR_PRODUCT]->(x)
}
CALL (p, row) {
  WITH p, row WHERE row.region_id IS NOT NULL
  MATCH (r:Region {id: row.region_id})
  MERGE (p)-[:IN_REGION]->(r)
}
CALL (p, row) {
  WITH p, row WHERE row.item IS NOT NULL
  MATCH (i:PolicyItem {id: row.item})
  MERGE (p)-[:UNDER_ITEM]->(i)
};
