package io.chainlens.seed;

import java.util.List;

import io.chainlens.seed.SeedInvalid.Problem;

/**
 * What a bulk import did.
 *
 * @param outcome what was written, as a whole
 * @param files files read
 * @param read rows read
 * @param accepted rows that passed every check
 * @param created rows written that created an entity or link
 * @param updated rows written that updated an existing one (with the same values or not)
 * @param overwritten existing things whose values the import changed, each with its
 * before and after in the audit trail
 * @param rejected rows refused, each with its file, line and reason in {@code rejections}
 * (which also lists problems of whole files: an unknown file or column)
 * @param importId the {@code entityId} of the import's changes in the audit trail (null
 * when nothing was written)
 */
public record ImportReport(Outcome outcome, int files, long read, long accepted, long created, long updated,
		long overwritten, long rejected, List<Problem> rejections, long millis, String importId) {

	/** What was written; each has its exit code of the import command. */
	public enum Outcome {

		/** Every row was accepted and written. */
		WRITTEN(0, "every row was accepted and written"),
		/**
		 * Some rows (or files) were refused, so nothing was written (the default).
		 */
		REFUSED(1, "rows were refused, so nothing was written"),
		/**
		 * Some rows were refused and the accepted ones were written
		 * ({@code chainlens.import.partial=true}).
		 */
		PARTIAL(2, "the accepted rows were written, the refused ones not"),
		/**
		 * The import stopped before its end; what was written before stays and running it
		 * again finishes it.
		 */
		STOPPED(3, "the import stopped before its end; the rows written before stay, run it again to finish");

		public final int exitCode;

		public final String meaning;

		Outcome(int exitCode, String meaning) {
			this.exitCode = exitCode;
			this.meaning = meaning;
		}

	}

	public ImportReport {
		rejections = List.copyOf(rejections);
	}

	/** Rows written, created or updated. */
	public long written() {
		return created + updated;
	}

	public double rowsPerSecond() {
		return millis == 0 ? read : read * 1000.0 / millis;
	}

	public String summary() {
		return "%s: %d files, %d rows read: %d created, %d updated (%d of them changed), %d rejected in %.1f s (%.0f rows/s); %s"
			.formatted(outcome, files, read, created, updated, overwritten, rejected, millis / 1000.0, rowsPerSecond(),
					outcome.meaning);
	}

}
