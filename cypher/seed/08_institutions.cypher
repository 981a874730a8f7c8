UNWIND $rows AS row
MERGE (i:Institution {id: row.id})
SET i.nameZh = row.name_zh, i.name = row.name_en, i.kind = row.kind, i.source = row.source
WITH i, row WHERE row.region_id IS NOT NULL
MATCH (r:Region {id: row.region_id})
MERGE (i)-[:IN_REGION]->(r);
