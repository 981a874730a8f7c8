// Companies whose ids the graph did not hold before the import: created, not merged.
UNWIND $rows AS row
CREATE (c:Company {id: row.id, nameZh: row.name_zh, name: row.name_en, aliases: coalesce(row.aliases, []),
  source: row.source, note: row.note})
WITH c, row WHERE row.hq_region_id IS NOT NULL
MATCH (r:Region {id: row.hq_region_id})
CREATE (c)-[:HEADQUARTERED_IN]->(r);
