package io.chainlens.web;

/** An id in a request names nothing; the message says which id and of what. */
public class NotFound extends RuntimeException {

	public NotFound(String what, String id) {
		super("There is no " + what + " with id '" + id + "'");
	}

	public NotFound(String message) {
		super(message);
	}

}
