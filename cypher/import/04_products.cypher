// Products whose ids the graph did not hold before the import: created, not merged (no
// unique-index seek and lock per row). An id the graph holds goes through cypher/seed/.
UNWIND $rows AS row
MATCH (s:Segment {id: row.segment_id})
CREATE (s)-[:HAS_PRODUCT]->(:Product {id: row.id, nameZh: row.name_zh, name: row.name_en, unit: row.unit,
  source: row.source, note: row.note});
