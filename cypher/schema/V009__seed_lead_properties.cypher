// The leads of the seed (graph-seed leads.csv, issue 15 item 4) name the project they were made
// from before it is signed (seedProjectId), and their first step says whether its date is when the
// stage was known rather than reached (asOf). As in V008: the names only, so that reads of a store
// without seed leads do not warn that they do not exist.
CALL db.createProperty('seedProjectId');
CALL db.createProperty('asOf');
