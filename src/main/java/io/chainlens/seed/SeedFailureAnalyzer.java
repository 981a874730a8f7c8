package io.chainlens.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an invalid seed data set as its list of problems instead of a stack trace. */
class SeedFailureAnalyzer extends AbstractFailureAnalyzer<SeedInvalid> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SeedInvalid cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files named above (see graph-seed/README.md for the format), or point chainlens.seed.location elsewhere.",
				cause);
	}

}
