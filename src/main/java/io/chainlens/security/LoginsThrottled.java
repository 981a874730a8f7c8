package io.chainlens.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins of a name or from an address: the attempt is refused (HTTP 429)
 * without checking the password.
 */
final class LoginsThrottled extends AuthenticationException {

	private final Duration wait;

	LoginsThrottled(Duration wait) {
		super("Too many failed logins for this user or from this address; try again in " + seconds(wait) + " s");
		this.wait = wait;
	}

	/** Whole seconds to wait, at least 1. */
	long retryAfterSeconds() {
		return seconds(wait);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
