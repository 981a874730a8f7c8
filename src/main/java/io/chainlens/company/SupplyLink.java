package io.chainlens.company;

import org.neo4j.driver.Record;

/** An observed supply of a product from one company to another. */
public record SupplyLink(String supplierId, String customerId, String productId, String source, String note) {

	/**
	 * Columns for variables {@code s} (supplier), {@code cu} (customer) and {@code l}
	 * (SUPPLIES).
	 */
	static final String COLUMNS = """
			s.id AS supplierId, cu.id AS customerId, l.productId AS productId, l.source AS source, l.note AS note""";

	static SupplyLink of(Record r) {
		return new SupplyLink(r.get("supplierId").asString(), r.get("customerId").asString(),
				r.get("productId").asString(), r.get("source").asString(""), r.get("note").asString(null));
	}

}
