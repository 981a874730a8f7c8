package io.chainlens.security;

/** A write without a login; the message says which login it needs. */
public class NotAuthenticated extends RuntimeException {

	public NotAuthenticated(String message) {
		super(message);
	}

}
