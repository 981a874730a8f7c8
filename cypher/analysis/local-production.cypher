// What the focus region makes: every MAKES of a site in the region, with its company, status and
// capacity in the product's canonical unit (null = not known), its source (an 'estimate:' is counted
// apart from sourced figures), and the other companies of its group (group links are few, so the walk
// is short): control links (subsidiary, branch) chain, a joint venture joins only the venture and its
// own partners, not the partners with each other. Walks down from the focus region to
// its districts and their sites rather than up from every site in the graph.
// The leads in talks (stage PRELIMINARY) of the region come with them as lines of status
// LEAD_PRELIMINARY at a site 'lead:<id>': only the PIPELINE scenario counts them; signed leads are
// MAKES of a site already.
// One row per company with its lines: a company's node and its group walk once, not once per line
// (a region with thousands of lines repeated both for each). The lines are sorted by the app, whose
// sort costs less than the database's.
// $products: the ids of the products whose lines are read, null for all: the gaps of one chain need
// the lines of its products, of those they feed and of those yielding any of them (a seventh of a
// national region's lines for one chain; the sites and their links are walked all the same).
MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
MATCH (r:Region)-[:PART_OF*0..4]->(f)
WITH collect(DISTINCT r) AS regions
CALL (regions) {
  UNWIND regions AS r
  MATCH (s:Site)-[:IN_REGION]->(r)
  MATCH (s)-[m:MAKES]->(p:Product) WHERE $products IS NULL OR p.id IN $products
  MATCH (co:Company)-[:HAS_SITE]->(s)
  RETURN co, {siteId: s.id, productId: p.id, status: m.status, capacity: m.capacity, source: m.source,
              year: m.year} AS line
  UNION ALL
  // from the stage's index: a city's IN_REGION links are mostly its sites'
  MATCH (l:Lead {stage: 'PRELIMINARY'})-[:IN_REGION]->(r) WHERE r IN regions
  MATCH (l)-[:ATTRACTS]->(co:Company)
  MATCH (l)-[m:PROPOSES]->(p:Product) WHERE $products IS NULL OR p.id IN $products
  RETURN co, {siteId: 'lead:' + l.id, productId: p.id, status: 'LEAD_PRELIMINARY', capacity: m.capacity,
              source: l.source, year: null} AS line
}
WITH co, collect(line) AS lines
RETURN co, lines,
       COLLECT { MATCH g = (co)-[:GROUP_UNIT_OF*1..6]-(o:Company)
                 WHERE o <> co AND (length(g) = 1 OR none(x IN relationships(g) WHERE x.kind = 'JOINT_VENTURE'))
                 RETURN DISTINCT o.id } AS groupIds
