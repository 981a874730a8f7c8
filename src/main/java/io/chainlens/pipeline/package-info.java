/**
 * The 招商 pipeline of seed §20–§22: leads from a gap's candidate to a project in
 * production, their progress against the year's targets, and local supply matchmaking.
 */
package io.chainlens.pipeline;
