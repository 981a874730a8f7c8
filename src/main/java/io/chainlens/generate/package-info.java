/**
 * A seeded generator of a synthetic national graph in the bulk import's CSV format, for
 * benchmarks at national scale.
 */
package io.chainlens.generate;
