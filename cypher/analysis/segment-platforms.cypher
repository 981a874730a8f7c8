// Platforms that support a segment directly (a platform supporting a whole chain is not counted
// for each of its segments).
MATCH (pl:Platform)-[:SUPPORTS]->(s:Segment)
RETURN s.id AS segmentId, pl.id AS id, pl.nameZh AS nameZh, pl.kind AS kind, pl.status AS status
ORDER BY s.id, pl.id
