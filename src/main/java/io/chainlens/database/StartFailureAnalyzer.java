package io.chainlens.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a store in use or an unreachable database as a plain message instead of a stack
 * trace.
 */
class StartFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		if (cause instanceof StoreInUse) {
			return new FailureAnalysis(cause.getMessage(),
					"Stop the other process, or give this one its own chainlens.neo4j.data-dir.", cause);
		}
		if (cause instanceof BoltPortInUse) {
			return new FailureAnalysis(cause.getMessage(),
					"Set chainlens.neo4j.bolt-port to a free port, or to 0 to let the app pick one.", cause);
		}
		if (cause instanceof DatabaseUnavailable unavailable) {
			return new FailureAnalysis(unavailable.getMessage(), unavailable.action(), cause);
		}
		return null;
	}

}
