package io.chainlens.company;

/**
 * An observed supply of a product from one company to another, as a write answers with
 * it.
 */
public record SupplyLink(String supplierId, String customerId, String productId, String source, String note) {

}
