UNWIND $rows AS row
MERGE (g:GovUnit {id: row.id})
SET g.nameZh = row.name_zh, g.name = row.name_en, g.source = row.source
WITH g, row WHERE row.region_id IS NOT NULL
MATCH (r:Region {id: row.region_id})
MERGE (g)-[:IN_REGION]->(r);
