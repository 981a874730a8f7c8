// The 招商 leads (issue 15): found by id and by stage; the capacity lines a signed lead made are found
// by the lead's id when it moves on or is dropped.
CREATE CONSTRAINT lead_id IF NOT EXISTS FOR (n:Lead) REQUIRE n.id IS UNIQUE;
CREATE INDEX lead_stage IF NOT EXISTS FOR (n:Lead) ON (n.stage);
CREATE INDEX makes_lead IF NOT EXISTS FOR ()-[m:MAKES]-() ON (m.leadId);
