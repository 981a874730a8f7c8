// The days of V011 on the leads written before it (schema and data cannot share a transaction).
MATCH (l:Lead)
WITH l, COLLECT { MATCH (l)-[:STEP]->(s) RETURN s ORDER BY s.seq } AS steps,
     ['PRELIMINARY', 'SIGNED', 'CONSTRUCTION', 'PRODUCTION'] AS later
WITH l, [i IN range(0, 3) | [s IN steps WHERE s.stage IN later[i..]][0]] AS first
WITH l, [s IN first | CASE WHEN s IS NULL OR coalesce(s.asOf, false) THEN null ELSE s.on END] AS on
SET l.reachedPreliminary = on[0], l.reachedSigned = on[1], l.reachedConstruction = on[2],
    l.reachedProduction = on[3];
