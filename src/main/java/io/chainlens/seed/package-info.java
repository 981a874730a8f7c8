/**
 * The seed graph: reads the CSV data set in {@code graph-seed/}, validates it whole, and
 * writes it in one transaction into an empty database.
 */
package io.chainlens.seed;
