/**
 * Questions over the whole national graph rather than one focus region: where in the
 * country a product is made and who leads there.
 */
package io.chainlens.explore;
