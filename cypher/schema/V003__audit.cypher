// The audit trail: every write through the API leaves a (:Change)-[:ON_CHAIN]->(:Chain).
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
// changes(chainId, since) reads newest first.
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
