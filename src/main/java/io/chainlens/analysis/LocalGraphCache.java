package io.chainlens.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;

/**
 * Keeps the last {@link LocalGraph} read per region (of the {@link #REGIONS} used last),
 * with the graph's version it was read at. A request reads the version (one small query)
 * and reuses the graph when no write has committed since; otherwise one thread reads it
 * again while the others that need the new version wait for it. Every write path moves
 * the version on in its own transaction ({@link GraphState}), and the version lives in
 * the database, so a write through another app instance on the same database is seen here
 * too.
 */
@Component
class LocalGraphCache {

	/**
	 * The regions whose local graphs are kept, the most recently used; a city's graph is
	 * a few MB, so 300 regions in use cost no more than these.
	 */
	static final int REGIONS = 16;

	private static final Logger log = LoggerFactory.getLogger(LocalGraphCache.class);

	private record Entry(GraphState.Version version, LocalGraph graph) {
	}

	private final AnalysisQueries queries;

	private final ReentrantLock reading = new ReentrantLock();

	private final Map<String, Entry> cached = new LinkedHashMap<>(32, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > REGIONS;
		}
	};

	LocalGraphCache(AnalysisQueries queries) {
		this.queries = queries;
	}

	/** The focus region's local graph. */
	LocalGraph get() {
		return get(queries.regionOf(null));
	}

	/**
	 * The local graph of a region as of now; called inside the request's read
	 * transaction, so the version is read before the graph: a write committing in between
	 * makes the graph newer than its version says, never older, and the next request
	 * reads it again.
	 */
	LocalGraph get(String region) {
		Optional<GraphState.Version> read = queries.version();
		if (read.isEmpty()) {
			// no version written (a graph from outside the app's write paths): nothing to
			// tell a change by, so nothing is kept
			return queries.localGraph(region);
		}
		GraphState.Version version = read.get();
		Entry entry = cachedEntry(region);
		if (entry != null && entry.version().covers(version)) {
			return entry.graph();
		}
		reading.lock();
		try {
			entry = cachedEntry(region);
			if (entry != null && entry.version().covers(version)) {
				return entry.graph();
			}
			long started = System.nanoTime();
			LocalGraph graph = queries.localGraph(region);
			synchronized (cached) {
				cached.put(region, new Entry(version, graph));
			}
			log.debug("Read the local graph of {} at version {} in {} ms", region, version.number(),
					(System.nanoTime() - started) / 1_000_000);
			return graph;
		}
		finally {
			reading.unlock();
		}
	}

	/** How many regions' graphs are kept. */
	int size() {
		synchronized (cached) {
			return cached.size();
		}
	}

	private Entry cachedEntry(String region) {
		synchronized (cached) {
			return cached.get(region);
		}
	}

}
