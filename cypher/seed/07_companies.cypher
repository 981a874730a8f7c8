UNWIND $rows AS row
MERGE (c:Company {id: row.id})
SET c.nameZh = row.name_zh, c.name = row.name_en, c.aliases = coalesce(row.aliases, []), c.source = row.source,
    c.note = row.note
// a row is the whole company: a seat it names replaces the one the graph held (an import that
// moves a headquarters must not leave two)
WITH c, row
OPTIONAL MATCH (c)-[old:HEADQUARTERED_IN]->(o:Region) WHERE o.id <> coalesce(row.hq_region_id, '')
DELETE old
WITH DISTINCT c, row WHERE row.hq_region_id IS NOT NULL
MATCH (r:Region {id: row.hq_region_id})
MERGE (c)-[:HEADQUARTERED_IN]->(r);
