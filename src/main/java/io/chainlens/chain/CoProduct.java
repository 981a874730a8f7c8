package io.chainlens.chain;

/** A product made in a fixed share of another. */
public record CoProduct(Product product, double share, String source) {
}
