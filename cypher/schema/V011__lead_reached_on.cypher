// The day each lead first reached each stage (issue 15 item 9: a target rule counts the leads that
// reached a stage in a year through these indexes instead of every lead's steps). The app's writes
// set them after each step (LeadReads.REACHED_ON); V012 sets them on the leads written before.
CREATE INDEX lead_reached_preliminary IF NOT EXISTS FOR (n:Lead) ON (n.reachedPreliminary);
CREATE INDEX lead_reached_signed IF NOT EXISTS FOR (n:Lead) ON (n.reachedSigned);
CREATE INDEX lead_reached_construction IF NOT EXISTS FOR (n:Lead) ON (n.reachedConstruction);
CREATE INDEX lead_reached_production IF NOT EXISTS FOR (n:Lead) ON (n.reachedProduction);
