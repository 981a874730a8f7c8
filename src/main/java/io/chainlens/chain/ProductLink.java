package io.chainlens.chain;

/** One end of a FEEDS link, seen from the other end. */
public record ProductLink(Product product, Double perUnit, String basis, String writtenAs, String source, String note) {
}
