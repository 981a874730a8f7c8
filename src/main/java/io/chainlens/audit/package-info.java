/**
 * The audit trail: every successful write records who, when, which operation and the
 * values before and after as a {@code (:Change)-[:ON_CHAIN]->(:Chain)} in the same
 * transaction as the write; {@code changes(chainId, since, first)} reads them.
 */
package io.chainlens.audit;
