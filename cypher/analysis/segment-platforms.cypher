// Platforms that support a segment directly (a platform supporting a whole chain is not counted
// for each of its segments). For the focus region ($all): every platform of its policy document,
// enclaves (飞地) elsewhere included; for any other region: the platforms located in it.
MATCH (pl:Platform)-[:SUPPORTS]->(s:Segment)
WHERE $all OR EXISTS {
  MATCH (pl)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(f:Region) WHERE f.id = $region OR f.nameZh = $region
}
RETURN s.id AS segmentId, pl.id AS id, pl.nameZh AS nameZh, pl.kind AS kind, pl.status AS status
ORDER BY s.id, pl.id
