UNWIND $rows AS row
MERGE (c:Company {id: row.id})
SET c.nameZh = row.name_zh, c.name = row.name_en, c.aliases = coalesce(row.aliases, []), c.source = row.source,
    c.note = row.note
WITH c, row WHERE row.hq_region_id IS NOT NULL
MATCH (r:Region {id: row.hq_region_id})
MERGE (c)-[:HEADQUARTERED_IN]->(r);
