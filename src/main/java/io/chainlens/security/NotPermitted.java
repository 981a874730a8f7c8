package io.chainlens.security;

/** A write the caller's login does not allow; the message names the chain. */
public class NotPermitted extends RuntimeException {

	public NotPermitted(String message) {
		super(message);
	}

}
