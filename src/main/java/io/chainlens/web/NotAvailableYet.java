package io.chainlens.web;

/** A field of the published API whose implementation has not landed yet. */
public class NotAvailableYet extends RuntimeException {

	public NotAvailableYet(String field, String reason) {
		super("'" + field + "' is not available in this version of chainlens: " + reason);
	}

}
