// Capacity lines of sites the graph did not hold before the import: such a site has no
// MAKES yet and the import refuses a second line with the same site, product and status,
// so each line is created, not merged.
UNWIND $rows AS row
MATCH (s:Site {id: row.site_id}), (p:Product {id: row.product_id})
CREATE (s)-[:MAKES {status: row.status, capacity: row.capacity, unit: p.unit, writtenAs: row.written_as,
  conversion: row.conversion,
  year: row.year, projectId: row.project_id, source: row.source, note: row.note}]->(p);
