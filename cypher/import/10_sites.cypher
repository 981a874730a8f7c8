// Sites whose ids the graph did not hold before the import: created, not merged.
UNWIND $rows AS row
MATCH (c:Company {id: row.company_id}), (r:Region {id: row.region_id})
CREATE (c)-[:HAS_SITE]->(:Site {id: row.id, nameZh: row.name_zh, source: row.source, note: row.note})-[:IN_REGION]->(r);
