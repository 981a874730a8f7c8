UNWIND $rows AS row
MERGE (i:PolicyItem {id: row.id})
SET i.number = row.number, i.scope = coalesce(row.scope, 'CHAIN'), i.titleZh = row.title_zh, i.title = coalesce(row.title_en, row.title_zh),
    i.source = row.source
WITH i, row
CALL (i, row) {
  UNWIND coalesce(row.chain_ids, []) AS chainId
  MATCH (c:Chain {id: chainId})
  MERGE (i)-[:CONCERNS]->(c)
}
CALL (i, row) {
  UNWIND coalesce(row.lead_unit_ids, []) AS unitId
  MATCH (g:GovUnit {id: unitId})
  MERGE (g)-[:LEADS]->(i)
}
CALL (i, row) {
  UNWIND coalesce(row.responsible_unit_ids, []) AS unitId
  MATCH (g:GovUnit {id: unitId})
  MERGE (g)-[:RESPONSIBLE_FOR]->(i)
}
CALL (i, row) {
  UNWIND coalesce(row.responsible_org_ids, []) AS orgId
  MATCH (o) WHERE (o:Company OR o:Institution) AND o.id = orgId
  MERGE (o)-[:RESPONSIBLE_FOR]->(i)
};
