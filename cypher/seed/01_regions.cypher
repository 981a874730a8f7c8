UNWIND $rows AS row
MERGE (r:Region {id: row.id})
SET r.nameZh = row.name_zh, r.name = coalesce(row.name_en, row.name_zh), r.level = row.level, r.source = row.source;
UNWIND $rows AS row
WITH row WHERE row.parent_id IS NOT NULL
MATCH (r:Region {id: row.id}), (p:Region {id: row.parent_id})
MERGE (r)-[:PART_OF]->(p);
