UNWIND $rows AS row
MATCH (c:Chain {id: row.chain_id})
MERGE (s:Segment {id: row.id})
SET s.nameZh = row.name_zh, s.name = row.name_en, s.stage = row.stage, s.position = row.position,
    s.source = row.source
MERGE (c)-[:HAS_SEGMENT]->(s);
