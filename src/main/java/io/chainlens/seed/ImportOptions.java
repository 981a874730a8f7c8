package io.chainlens.seed;

/**
 * How a bulk import runs.
 *
 * @param batchSize rows written per transaction
 * @param partial whether the accepted rows are written when some rows are refused
 * ({@code chainlens.import.partial}); by default an import with a refused row writes
 * nothing
 * @param maxLineLength the longest record (line) a file may hold, in characters
 * ({@code chainlens.import.max-line-length}); a longer one is refused without being held
 * in memory
 * @param user who the audit trail names as the importer ({@code chainlens.import.user})
 */
public record ImportOptions(int batchSize, boolean partial, int maxLineLength, String user) {

	public ImportOptions {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
		}
		if (maxLineLength < 1) {
			throw new IllegalArgumentException("the longest line must be at least 1 character, not " + maxLineLength);
		}
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("an import needs a user to name in the audit trail");
		}
	}

	/**
	 * All or nothing, lines up to {@value SeedDataSet#MAX_LINE} characters, recorded as
	 * the operating-system user that runs it.
	 */
	public static ImportOptions allOrNothing(int batchSize) {
		return new ImportOptions(batchSize, false, SeedDataSet.MAX_LINE, System.getProperty("user.name", "import"));
	}

	/** The same, writing the accepted rows when some are refused. */
	public ImportOptions partially() {
		return new ImportOptions(batchSize, true, maxLineLength, user);
	}

	public ImportOptions withMaxLineLength(int characters) {
		return new ImportOptions(batchSize, partial, characters, user);
	}

	public ImportOptions as(String importer) {
		return new ImportOptions(batchSize, partial, maxLineLength, importer);
	}

}
