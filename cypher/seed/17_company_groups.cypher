// A company that is a unit of another (subsidiary, joint venture, branch): one group, so that its
// units are neither "other companies" hit by its stop nor outside candidates where it is local.
UNWIND $rows AS row
MATCH (child:Company {id: row.child_id})
MATCH (parent:Company {id: row.parent_id})
MERGE (child)-[g:GROUP_UNIT_OF]->(parent)
SET g.kind = row.kind, g.share = row.share, g.source = row.source, g.note = row.note;
