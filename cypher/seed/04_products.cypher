UNWIND $rows AS row
MATCH (s:Segment {id: row.segment_id})
MERGE (p:Product {id: row.id})
SET p.nameZh = row.name_zh, p.name = row.name_en, p.unit = row.unit, p.source = row.source, p.note = row.note
MERGE (s)-[:HAS_PRODUCT]->(p);
