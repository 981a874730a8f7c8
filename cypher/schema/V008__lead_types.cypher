// The reads of leads name types and properties a store without leads (or without contacts, drops,
// signed leads) does not hold yet; each such read would log a warning that they do not exist.
// Creating the names (no data) makes them known. Apart from V007: a name is no schema statement.
CALL db.createLabel('LeadStep');
CALL db.createLabel('LeadContact');
CALL db.createRelationshipType('ATTRACTS');
CALL db.createRelationshipType('PROPOSES');
CALL db.createRelationshipType('OWNED_BY');
CALL db.createRelationshipType('STEP');
CALL db.createRelationshipType('CONTACT');
CALL db.createRelationshipType('BECAME');
CALL db.createProperty('title');
CALL db.createProperty('stage');
CALL db.createProperty('investment');
CALL db.createProperty('ownerLogin');
CALL db.createProperty('chainIds');
CALL db.createProperty('created');
CALL db.createProperty('nextStep');
CALL db.createProperty('nextStepDue');
CALL db.createProperty('droppedFrom');
CALL db.createProperty('dropReason');
CALL db.createProperty('conversion');
CALL db.createProperty('who');
CALL db.createProperty('agreed');
CALL db.createProperty('due');
CALL db.createProperty('on');
CALL db.createProperty('seq');
CALL db.createProperty('recordedBy');
CALL db.createProperty('recordedAt');
CALL db.createProperty('leadId');
