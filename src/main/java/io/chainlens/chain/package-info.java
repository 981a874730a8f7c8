/**
 * The structure of the industrial chains: chains, their segments and products, the FEEDS
 * links between products, and the policy items, units and targets that govern each chain.
 */
package io.chainlens.chain;
