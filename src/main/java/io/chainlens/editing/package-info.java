/**
 * Writes by chain-leader units (链长制牵头单位) and admins: capacities, companies, sites,
 * projects and their status, platforms, targets and observed supply links. Every mutation
 * is one transaction that validates its input, checks the caller's rights on the chains
 * it touches, writes, and records the change in the audit trail; on any error nothing is
 * written.
 */
package io.chainlens.editing;
