package io.chainlens.export;

import org.springframework.http.HttpStatus;

/**
 * An export was refused before anything was written; the message says what to fix.
 */
class ExportRefused extends RuntimeException {

	private final HttpStatus status;

	ExportRefused(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
