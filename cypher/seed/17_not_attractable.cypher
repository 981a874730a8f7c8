// Candidates a Chinese city cannot credibly attract (graph-seed/common/not_attractable.csv): for one
// product a NOT_ATTRACTABLE relationship to it; for every product (empty product_id) the reason
// on the company itself.
UNWIND $rows AS row
MATCH (c:Company {id: row.company_id})
CALL (c, row) {
  WITH c, row WHERE row.product_id IS NOT NULL
  MATCH (p:Product {id: row.product_id})
  MERGE (c)-[n:NOT_ATTRACTABLE]->(p)
  SET n.reason = row.reason, n.source = row.source
}
CALL (c, row) {
  WITH c, row WHERE row.product_id IS NULL
  SET c.notAttractableReason = row.reason, c.notAttractableSource = row.source
};
