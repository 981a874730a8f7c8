package io.chainlens.seed;

/**
 * A bulk import stopped before its end (the database or a file could not be read or
 * written, a file changed while it was imported); its report says what was written
 * before.
 */
public class ImportStopped extends RuntimeException {

	private final transient ImportReport report;

	ImportStopped(String message, ImportReport report, Throwable cause) {
		super(message, cause);
		this.report = report;
	}

	public ImportReport report() {
		return report;
	}

}
