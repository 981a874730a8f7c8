UNWIND $rows AS row
MATCH (c:Company {id: row.company_id}), (r:Region {id: row.region_id})
MERGE (s:Site {id: row.id})
SET s.nameZh = row.name_zh, s.source = row.source, s.note = row.note
MERGE (c)-[:HAS_SITE]->(s)
MERGE (s)-[:IN_REGION]->(r);
