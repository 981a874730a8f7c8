package io.chainlens;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Counts the Cypher queries the Neo4j driver runs, as the driver reports them to
 * Micrometer: the proof that a request costs a bounded number of queries, whatever the
 * app's own code believes.
 */
public class QueryCounter implements ObservationHandler<Observation.Context> {

	private final AtomicInteger queries = new AtomicInteger();

	@Override
	public boolean supportsContext(Observation.Context context) {
		// the driver names its observations only after asking, so filter on start
		return true;
	}

	@Override
	public void onStart(Observation.Context context) {
		String name = context.getName();
		if (name != null && name.startsWith("neo4j.db.client.")
				&& (name.endsWith("transaction.run.duration") || name.endsWith("session.run.duration"))) {
			queries.incrementAndGet();
		}
	}

	/** Runs the action and returns how many queries it ran. */
	public int countDuring(Runnable action) {
		int before = queries.get();
		action.run();
		return queries.get() - before;
	}

}
