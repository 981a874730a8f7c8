package io.chainlens.seed;

import java.util.List;

import io.chainlens.seed.SeedInvalid.Problem;

/**
 * What a bulk import did.
 *
 * @param files files read
 * @param read rows read
 * @param created rows that created an entity or link
 * @param updated rows that updated an existing one
 * @param rejected rows refused, each with its file, line and reason in {@code rejections}
 */
public record ImportReport(int files, long read, long created, long updated, long rejected, List<Problem> rejections,
		long millis) {

	public double rowsPerSecond() {
		return millis == 0 ? read : read * 1000.0 / millis;
	}

	public String summary() {
		return "%d files, %d rows read: %d created, %d updated, %d rejected in %.1f s (%.0f rows/s)".formatted(files,
				read, created, updated, rejected, millis / 1000.0, rowsPerSecond());
	}

}
