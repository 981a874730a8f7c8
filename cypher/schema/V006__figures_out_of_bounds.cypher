// Figures a store written before the bounds of io.chainlens.seed.Units may hold: Infinity, NaN, a
// negative number or one above its unit's bound (1e308 万t was stored as Infinity). Each broke every
// read that met it and overflowed the sums of the analysis. They are set aside, not lost, for an
// ADMIN to enter again: a capacity line becomes REFUSED_MAKES (the analysis and the reads follow
// MAKES only), a target RefusedTarget, and a project's capacity moves to refusedCapacity (a project
// of unknown capacity is allowed). The bounds are those of Units (UnitsTest compares them). Data
// statements only; repeating them finds nothing more.
WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,
      `家`: 1.0e7, `项`: 1.0e7, `个`: 1.0e7, `件`: 1.0e9, `人`: 1.0e9, `座`: 1.0e7, `台`: 1.0e9, `辆`: 1.0e9,
      `次`: 1.0e9} AS bound
MATCH (s:Site)-[m:MAKES]->(p:Product)
WHERE m.capacity IS NOT NULL AND NOT (m.capacity >= 0 AND m.capacity <= coalesce(bound[m.unit], 1.0e10))
CREATE (s)-[r:REFUSED_MAKES]->(p)
SET r = properties(m), r.refusedBy = 'V006'
DELETE m;
WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,
      `家`: 1.0e7, `项`: 1.0e7, `个`: 1.0e7, `件`: 1.0e9, `人`: 1.0e9, `座`: 1.0e7, `台`: 1.0e9, `辆`: 1.0e9,
      `次`: 1.0e9} AS bound
MATCH (pr:Project)
WHERE pr.capacity IS NOT NULL AND NOT (pr.capacity >= 0 AND pr.capacity <= coalesce(bound[pr.unit], 1.0e10))
SET pr.refusedCapacity = toString(pr.capacity), pr.capacity = null;
WITH {t: 1.0e10, GW: 1.0e5, MW: 1.0e8, GWh: 1.0e8, units: 1.0e10, Mm2: 1.0e6, `亿元`: 1.0e7, `%`: 1.0e4,
      `家`: 1.0e7, `项`: 1.0e7, `个`: 1.0e7, `件`: 1.0e9, `人`: 1.0e9, `座`: 1.0e7, `台`: 1.0e9, `辆`: 1.0e9,
      `次`: 1.0e9} AS bound
MATCH (t:Target)
WHERE t.value IS NOT NULL AND NOT (t.value >= 0 AND t.value <= coalesce(bound[t.unit], 1.0e10))
SET t:RefusedTarget, t.refusedBy = 'V006'
REMOVE t:Target;
// what the lines set aside made: the makers' count and the version the analysis caches against
MATCH (p:Product)
SET p.makers = COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c };
MATCH (p:Product)
WITH count(p) AS products
WHERE products > 0
MERGE (g:GraphState {id: 'graph'})
ON CREATE SET g.epoch = randomUUID(), g.version = 1
ON MATCH SET g.version = g.version + 1;
