UNWIND $rows AS row
MATCH (s:Site {id: row.site_id}), (p:Product {id: row.product_id})
MERGE (s)-[m:MAKES {status: row.status}]->(p)
SET m.capacity = row.capacity, m.unit = p.unit, m.writtenAs = row.written_as, m.conversion = row.conversion,
    m.year = row.year,
    m.projectId = row.project_id, m.source = row.source, m.note = row.note;
