package io.chainlens.web;

/** A request named a chain, product, company or other thing that is not in the graph. */
public class NotFound extends RuntimeException {

	public NotFound(String what, String id) {
		super("There is no " + what + " with id '" + id + "'");
	}

	public NotFound(String message) {
		super(message);
	}

}
