package io.chainlens.editing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write again when the store rolled it back for a reason of the moment, not of the
 * input: two writers that lock the same nodes in opposite orders (a deadlock), or a lock
 * that could not be had in time. The store has undone the attempt, so each new attempt is
 * a new transaction and the caller sees one answer, not a conflict another writer caused.
 * Only {@link TransientException} is retried: an unavailable server or an expired session
 * may have committed before the answer was lost, and repeating would write twice.
 */
final class TransientRetry {

	private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

	/** Attempts in all, the first included. */
	static final int ATTEMPTS = 4;

	private static final long FIRST_PAUSE_MILLIS = 20;

	private TransientRetry() {
	}

	static <T> T run(String operation, Supplier<T> attempt) {
		for (int n = 1;; n++) {
			try {
				return attempt.get();
			}
			catch (RuntimeException ex) {
				TransientException cause = transientCause(ex);
				if (cause == null || n == ATTEMPTS) {
					throw ex;
				}
				log.info("{}: attempt {} of {} rolled back by the store ({}), trying again", operation, n, ATTEMPTS,
						cause.code());
				pause(n);
			}
		}
	}

	static TransientException transientCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TransientException transientException) {
				return transientException;
			}
		}
		return null;
	}

	// doubling, with jitter, so that the two writers that met do not meet again
	private static void pause(int attempt) {
		long base = FIRST_PAUSE_MILLIS << (attempt - 1);
		try {
			Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry a write", ex);
		}
	}

}
