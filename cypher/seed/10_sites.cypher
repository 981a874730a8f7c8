UNWIND $rows AS row
MATCH (c:Company {id: row.company_id}), (r:Region {id: row.region_id})
MERGE (s:Site {id: row.id})
SET s.nameZh = row.name_zh, s.source = row.source, s.note = row.note
// a row is the whole site: its region and company replace those the graph held, so that a
// corrected district or owner leaves one link each
WITH s, c, r
OPTIONAL MATCH (s)-[oldRegion:IN_REGION]->(o:Region) WHERE o <> r
DELETE oldRegion
WITH DISTINCT s, c, r
OPTIONAL MATCH (oc:Company)-[oldOwner:HAS_SITE]->(s) WHERE oc <> c
DELETE oldOwner
WITH DISTINCT s, c, r
MERGE (c)-[:HAS_SITE]->(s)
MERGE (s)-[:IN_REGION]->(r);
