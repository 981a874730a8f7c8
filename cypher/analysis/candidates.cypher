// Candidates to attract for each product of $ids: companies that make it at a site outside the focus
// region and at no site inside it, nor through a unit of its group; with their capacity outside, their other products (whether the
// region makes them is looked up in the cached local graph by the caller), their sites in the region
// and their supply links with local companies, and whether the data mark it not attractable. Starts from the
// product's makers and tests each candidate's own sites and partners' sites: a site is local when its
// region is one of the focus region's (the region and those PART_OF it, a dozen nodes collected once).
// Patterns start from the candidate's site or company, so that the planner walks a hop or two from
// there rather than down from the focus region to all its sites.
CALL () {
  OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
  OPTIONAL MATCH (r:Region)-[:PART_OF*0..4]->(f)
  RETURN collect(DISTINCT r) AS localRegions
}
MATCH (p:Product) WHERE p.id IN $ids
// aggregated per product in a subquery, so that the grouping key is the company alone and not
// the list of local regions as well (hashing that list for every MAKES cost more than the match)
CALL (p, localRegions) {
  MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p)
  // the site's regions once: a second pattern comprehension over the same site, reading a
  // property, made the planner fail ("insertCachedProperties")
  WITH c, m, [(s)-[:IN_REGION]->(sr:Region) | sr] AS siteRegions
  WITH c, collect({local: any(r IN siteRegions WHERE r IN localRegions),
                   capacity: m.capacity, status: m.status,
                   region: head([r IN siteRegions | r.nameZh])}) AS makes
  WHERE none(x IN makes WHERE x.local)
    // a unit of a group that already makes the product here is not an outside candidate; control
    // (subsidiary, branch) carries along the group, a joint venture joins only its own partners
    AND NOT EXISTS {
      MATCH g = (c)-[:GROUP_UNIT_OF*1..6]-(u:Company)
      WHERE length(g) = 1 OR none(x IN relationships(g) WHERE x.kind = 'JOINT_VENTURE')
      MATCH (u)-[:HAS_SITE]->(gs:Site)-[:MAKES]->(p)
      WHERE any(r IN [(gs)-[:IN_REGION]->(gr:Region) | gr] WHERE r IN localRegions)
    }
  RETURN c, makes
}
WITH localRegions, p, c, makes,
     [(c)-[:HAS_SITE]->(ls:Site)-[:IN_REGION]->(lr:Region) WHERE lr IN localRegions | ls] AS localSites
RETURN p.id AS key, c,
       reduce(total = 0.0, x IN makes | total + coalesce(x.capacity, 0.0)) AS capacity,
       reduce(total = 0.0, x IN makes | total + CASE x.status WHEN 'OPERATING' THEN coalesce(x.capacity, 0.0) ELSE 0.0 END) AS operating,
       size([x IN makes WHERE x.capacity IS NULL]) AS unknown,
       size([x IN makes WHERE x.capacity IS NOT NULL]) AS known,
       // where it makes the product and where it is seated: said in the candidate's summary
       reduce(regions = [], x IN makes | CASE WHEN x.region IS NULL OR x.region IN regions THEN regions
                                              ELSE regions + x.region END) AS siteRegions,
       COLLECT { MATCH (c)-[:HEADQUARTERED_IN]->(h:Region) RETURN h ORDER BY h.id LIMIT 1 } AS headquarters,
       // graph-seed/common/not_attractable.csv: per product (the caller picks this one's; testing
       // the pattern against p here trips the planner), or for every product on the company
       [(c)-[n:NOT_ATTRACTABLE]->(x:Product) | {productId: x.id, reason: n.reason + '（' + n.source + '）'}]
         AS notAttractableFor,
       CASE WHEN c.notAttractableReason IS NOT NULL
            THEN c.notAttractableReason + '（' + c.notAttractableSource + '）' END AS notAttractable,
       COLLECT {
         MATCH (c)-[:HAS_SITE]->(:Site)-[:MAKES]->(q:Product) WHERE q <> p
         WITH DISTINCT q
         RETURN {id: q.id, nameZh: q.nameZh} ORDER BY q.id
       } AS others,
       [ls IN localSites | ls.id] AS localSites,
       COLLECT {
         UNWIND localSites AS ls
         MATCH (ls)-[:MAKES]->(lp:Product)
         RETURN DISTINCT lp.nameZh ORDER BY lp.nameZh
       } AS localProducts,
       // projects of the company in the region (built, being built or planned): a tie to name
       COLLECT {
         MATCH (pr:Project)-[:BY]->(c)
         WHERE any(r IN [(pr)-[:IN_REGION]->(pl:Region) | pl] WHERE r IN localRegions)
         RETURN DISTINCT pr.nameZh ORDER BY pr.nameZh
       } AS localProjects,
       COLLECT {
         MATCH (c)-[l:SUPPLIES]-(o:Company)
         WHERE any(r IN [(o)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(or:Region) | or] WHERE r IN localRegions)
         OPTIONAL MATCH (lp:Product {id: l.productId})
         RETURN {partner: o.nameZh, product: coalesce(lp.nameZh, l.productId), supplies: startNode(l) = c}
         ORDER BY o.id, l.productId
       } AS supplyLinks
ORDER BY key, c.id
