UNWIND $rows AS row
MATCH (i:Product {id: row.input_id}), (o:Product {id: row.output_id})
MERGE (i)-[f:FEEDS]->(o)
SET f.perUnit = row.per_unit, f.basis = coalesce(row.basis, 'FLOW'), f.writtenAs = row.written_as, f.source = row.source, f.note = row.note;
