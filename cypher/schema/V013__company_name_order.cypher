// Company lists in name order: a page after a cursor deep in a large list (a chain's companies
// nationwide) walks this index from the cursor and tests the filter on each company until the
// page is full, instead of reading and sorting every company the filter keeps.
CREATE INDEX company_name_zh IF NOT EXISTS FOR (n:Company) ON (n.nameZh);
