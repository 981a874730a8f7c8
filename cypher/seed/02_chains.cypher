UNWIND $rows AS row
MERGE (c:Chain {id: row.id})
SET c.nameZh = row.name_zh, c.name = row.name_en, c.source = row.source, c.note = row.note;
