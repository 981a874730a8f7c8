UNWIND $rows AS row
MERGE (p:Platform {id: row.id})
SET p.nameZh = row.name_zh, p.name = row.name_en, p.kind = row.kind, p.status = row.status, p.source = row.source,
    p.note = row.note
WITH p, row
CALL (p, row) {
  UNWIND coalesce(row.operator_ids, []) AS orgId
  MATCH (o) WHERE (o:Company OR o:Institution) AND o.id = orgId
  MERGE (p)-[:OPERATED_BY]->(o)
}
CALL (p, row) {
  UNWIND coalesce(row.chain_ids, []) AS chainId
  MATCH (c:Chain {id: chainId})
  MERGE (p)-[:SUPPORTS]->(c)
}
CALL (p, row) {
  UNWIND coalesce(row.segment_ids, []) AS segmentId
  MATCH (s:Segment {id: segmentId})
  MERGE (p)-[:SUPPORTS]->(s)
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
