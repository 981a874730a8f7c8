// The seed's own projects on the stages of seed §21 (issue 15): a 招商 lead made from its project,
// attracting its leading developer, proposing its products (the project's capacity for the product
// it is of, the others unknown), in its region, owned by the item's lead unit, with one step: the
// stage on the date it is known at (on_is KNOWN: reached on or before it) or reached (REACHED).
// From SIGNED on the lead BECAME its project, whose capacity lines it moves; before, it names the
// project (seedProjectId) that signing it takes on. A lead is written once: one the board has moved on
// since is left as it is. `created` is the day's epoch milliseconds plus the row's index, so that
// the board's order does not depend on when the seed was loaded.
UNWIND range(0, size($rows) - 1) AS index
WITH $rows[index] AS row, index
OPTIONAL MATCH (existing:Lead {id: row.id})
WITH row, index WHERE existing IS NULL
MATCH (pr:Project {id: row.project_id})-[:BY {position: 0}]->(c:Company)
MATCH (pr)-[:IN_REGION]->(r:Region)
MATCH (g:GovUnit {id: row.owner_unit_id})
CREATE (l:Lead {id: row.id, title: pr.nameZh, stage: row.stage, ownerLogin: 'seed', source: row.source,
                note: row.note, seedProjectId: pr.id,
                chainIds: COLLECT { MATCH (pr)-[:FOR_PRODUCT]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(ch:Chain)
                                    RETURN DISTINCT ch.id ORDER BY ch.id },
                created: datetime({date: date(row.on)}).epochMillis + index})
CREATE (l)-[:ATTRACTS]->(c), (l)-[:OWNED_BY]->(g), (l)-[:IN_REGION]->(r)
// the day each stage was first reached (LeadReads.REACHED_ON): the one step's, unless it is only known
WITH l, pr, row, c, g, r, CASE WHEN coalesce(row.on_is, 'KNOWN') = 'KNOWN' THEN null ELSE date(row.on) END AS on,
     ['RESERVE', 'PRELIMINARY', 'SIGNED', 'CONSTRUCTION', 'PRODUCTION'] AS order
WITH l, pr, row, on, [i IN range(0, 4) WHERE order[i] = row.stage][0] AS rank
SET l.reachedPreliminary = CASE WHEN rank >= 1 THEN on END, l.reachedSigned = CASE WHEN rank >= 2 THEN on END,
    l.reachedConstruction = CASE WHEN rank >= 3 THEN on END, l.reachedProduction = CASE WHEN rank >= 4 THEN on END
CREATE (l)-[:STEP]->(:LeadStep {stage: row.stage, on: date(row.on), recordedBy: 'seed', seq: 1, source: row.source,
                                asOf: coalesce(row.on_is, 'KNOWN') = 'KNOWN',
                                note: CASE coalesce(row.on_is, 'KNOWN')
                                        WHEN 'KNOWN' THEN '种子数据: ' + row.on + ' 已知处于此阶段(当日或之前达到); ' + row.source
                                        ELSE '种子数据: ' + row.on + ' 达到此阶段; ' + row.source END})
WITH l, pr, row
CALL (l, pr, row) {
  MATCH (pr)-[:FOR_PRODUCT]->(p:Product)
  CREATE (l)-[:PROPOSES {capacity: CASE WHEN p.id = row.first_product_id THEN pr.capacity END, unit: p.unit,
                         writtenAs: CASE WHEN p.id = row.first_product_id THEN pr.writtenAs END,
                         conversion: CASE WHEN p.id = row.first_product_id THEN pr.conversion END}]->(p)
}
CALL (l, pr, row) {
  WITH l, pr, row WHERE row.stage IN ['SIGNED', 'CONSTRUCTION', 'PRODUCTION']
  CREATE (l)-[:BECAME]->(pr)
};
