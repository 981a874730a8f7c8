package io.chainlens.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An offline import that wrote nothing ends the start: its outcome, not a stack trace.
 */
class OfflineImportFailureAnalyzer extends AbstractFailureAnalyzer<OfflineImportStart.Ended> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OfflineImportStart.Ended cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Every refused row is in the import report (chainlens.import.report) with its file, line, field and reason; "
						+ "fix them and run the import again (graph-seed/README.md, Import: the first national load offline).",
				cause);
	}

}
