// Reads of the 招商 pipeline at national scale (issue 15 item 9): a page of leads walks `created`
// down from its cursor; a target rule finds the steps of its year by their date.
CREATE INDEX lead_created IF NOT EXISTS FOR (n:Lead) ON (n.created);
CREATE INDEX lead_step_on IF NOT EXISTS FOR (n:LeadStep) ON (n.on);
