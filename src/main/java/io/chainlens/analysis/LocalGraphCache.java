package io.chainlens.analysis;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;
import io.chainlens.web.GraphQlLimits;

/**
 * Keeps the last {@link LocalGraph} read per region, with the graph's version it was read
 * at, and the {@link LocalGraph.Catalogue} they all share. A request reads the version
 * (one small query) and reuses the graph when no write has committed since; otherwise one
 * thread reads it again while the others that need the same region wait for it (other
 * regions are read at the same time). Every write path moves the version on in its own
 * transaction ({@link GraphState}), and the version lives in the database, so a write
 * through another app instance on the same database is seen here too.
 *
 * <p>
 * A write that says what it touched (capacity lines of a few sites:
 * {@link GraphState.Touched}) does not cost a region its whole graph: the region's graph
 * takes in the current lines of those sites alone, the catalogue stays, and so do the
 * ranked candidates the write left as they were ({@link RankedCandidates#carryOver}). A
 * chain lead's capacity edit is then followed by answers in milliseconds, not by a
 * re-read of the region's thousands of lines.
 *
 * <p>
 * Bounded twice: at most {@link #REGIONS} graphs, the most recently used, and at most
 * {@link #LINES} local capacity lines in all, since a province of the national graph
 * holds a hundred times the lines of a district. Chains' parts of regions
 * ({@link #forChain}) are kept among them and let go first; a region's parts are let go
 * when its whole graph is kept. The graph most recently read is kept whatever its size.
 */
@Component
class LocalGraphCache {

	/**
	 * The regions whose local graphs are kept at the most: the explorer's comparisons ask
	 * for a level's regions together (15 provinces per chain on the page).
	 */
	static final int REGIONS = 64;

	/** The local capacity lines kept in all, a few hundred bytes each. */
	static final int LINES = 400_000;

	// one lock per stripe of regions: a region is read by one thread at a time, and
	// different regions at the same time
	private static final int STRIPES = 32;

	private static final Logger log = LoggerFactory.getLogger(LocalGraphCache.class);

	private record Entry(GraphState.Version version, LocalGraph graph) {
	}

	private record KeptCatalogue(GraphState.Version version, LocalGraph.Catalogue catalogue) {
	}

	private final AnalysisQueries queries;

	private final RankedCandidates rankings;

	private final int maxRegions;

	private final int maxLines;

	private final ReentrantLock[] reading = new ReentrantLock[STRIPES];

	private final ReentrantLock readingCatalogue = new ReentrantLock();

	private volatile KeptCatalogue catalogue;

	// access order: the eldest is the least recently used
	private final LinkedHashMap<String, Entry> cached = new LinkedHashMap<>(32, 0.75f, true);

	private long lines;

	@Autowired
	LocalGraphCache(AnalysisQueries queries, GraphQlLimits limits) {
		this(queries, REGIONS, LINES, limits.maxPageSize());
	}

	LocalGraphCache(AnalysisQueries queries, int maxRegions, int maxLines, int candidatesPerProduct) {
		this.queries = queries;
		this.rankings = new RankedCandidates(candidatesPerProduct);
		this.maxRegions = maxRegions;
		this.maxLines = maxLines;
		for (int i = 0; i < STRIPES; i++) {
			reading[i] = new ReentrantLock();
		}
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
			return queries.localGraph(region, queries.catalogue());
		}
		return get(region, region, null, read.get());
	}

	/**
	 * What the gaps of one chain in a region read: the region's whole graph when one is
	 * kept (brought to this version); otherwise the region's lines of the products the
	 * chain's balances need ({@link LocalGraph.Catalogue#linesForChain}), kept as a graph
	 * of its own beside the whole ones. A region asked about for one chain (the
	 * explorer's first question of a city) reads a fraction of its lines. Only the gaps
	 * may use it: what else a region's graph answers (candidates, what the region makes)
	 * needs all of its lines.
	 */
	LocalGraph forChain(String region, String chainId) {
		Optional<GraphState.Version> read = queries.version();
		if (read.isEmpty()) {
			return get(region);
		}
		GraphState.Version version = read.get();
		if (cachedEntry(region) != null) {
			// a region in use as a whole stays whole: a write that said what it
			// touched is taken into its graph, cheaper than reading a part
			return get(region, region, null, version);
		}
		Set<String> products = catalogue(version).linesForChain(chainId);
		if (products == null) {
			// an unknown chain: the whole graph's answer names it
			return get(region, region, null, version);
		}
		return get(region + CHAIN_KEY + chainId, region, products, version);
	}

	// separates a region from a chain in the key of a chain's part of a region's graph:
	// no region id or name holds it
	private static final String CHAIN_KEY = "\n";

	/**
	 * The graph kept under {@code key} at a version covering {@code version}, else read
	 * (or taken on from the kept one when the writes since said what they touched).
	 * @param products the products whose lines it holds, all when null
	 */
	private LocalGraph get(String key, String region, Set<String> products, GraphState.Version version) {
		Entry entry = cachedEntry(key);
		if (entry != null && entry.version().covers(version)) {
			return entry.graph();
		}
		ReentrantLock lock = reading[Math.floorMod(key.hashCode(), STRIPES)];
		lock.lock();
		try {
			entry = cachedEntry(key);
			if (entry != null && entry.version().covers(version)) {
				return entry.graph();
			}
			long started = System.nanoTime();
			LocalGraph graph = entry == null ? null : successor(region, products, entry, version);
			String how = "Took the writes into";
			if (graph == null) {
				graph = queries.localGraph(region, catalogue(version), products);
				how = "Read";
			}
			keep(key, new Entry(version, graph));
			log.debug("{} the local graph of {}{} at version {} in {} ms", how, region,
					products == null ? "" : " (" + products.size() + " products)", version.number(),
					(System.nanoTime() - started) / 1_000_000);
			return graph;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The graph of {@code kept} after the writes up to {@code version}, when each of them
	 * said what it touched; null when any did not (then the region is read afresh).
	 */
	private LocalGraph successor(String region, Set<String> products, Entry kept, GraphState.Version version) {
		Optional<GraphState.Touched> touched = queries.touchedBetween(kept.version(), version)
			.map(GraphState.Touched::union);
		if (touched.isEmpty()) {
			return null;
		}
		LocalGraph before = kept.graph();
		keepCatalogue(before.catalogue(), version);
		Set<String> sites = touched.get().siteIds();
		AnalysisQueries.Lines read = queries.linesOfSites(region, sites);
		// a chain's part of a region holds the lines of its products alone
		AnalysisQueries.Lines now = products == null ? read : new AnalysisQueries.Lines(
				read.makes().stream().filter(m -> products.contains(m.productId())).toList(), read.groups());
		Set<String> hadLines = before.sitesWithLines(sites);
		LocalGraph after = now.makes().isEmpty() && hadLines.isEmpty() ? before.restamped()
				: before.withLinesOf(sites, now.makes(), now.groups());
		// whether every touched site lies in the region, before and after the writes
		// (scanned here, not under the rankings' lock)
		Set<String> stillHere = new HashSet<>();
		now.makes().forEach(m -> stillHere.add(m.siteId()));
		boolean inRegion = stillHere.containsAll(sites) && hadLines.equals(sites);
		if (products == null) {
			// rankings are kept for whole graphs only: a chain's part answers
			// no candidates
			rankings.carryOver(before, after, touched.get(), inRegion);
		}
		return after;
	}

	/** The ranked candidates kept per region's graph. */
	RankedCandidates rankings() {
		return rankings;
	}

	/**
	 * The catalogue at the graph's version now, shared with the regions' local graphs.
	 */
	LocalGraph.Catalogue catalogue() {
		Optional<GraphState.Version> read = queries.version();
		return read.isEmpty() ? queries.catalogue() : catalogue(read.get());
	}

	private LocalGraph.Catalogue catalogue(GraphState.Version version) {
		KeptCatalogue kept = this.catalogue;
		if (kept != null && kept.version().covers(version)) {
			return kept.catalogue();
		}
		readingCatalogue.lock();
		try {
			kept = this.catalogue;
			if (kept != null && kept.version().covers(version)) {
				return kept.catalogue();
			}
			if (kept != null && queries.touchedBetween(kept.version(), version).isPresent()) {
				// writes of capacity lines alone leave chains, products and FEEDS as they
				// were
				this.catalogue = new KeptCatalogue(version, kept.catalogue());
				return kept.catalogue();
			}
			LocalGraph.Catalogue read = queries.catalogue();
			this.catalogue = new KeptCatalogue(version, read);
			return read;
		}
		finally {
			readingCatalogue.unlock();
		}
	}

	/**
	 * Keeps {@code catalogue}, valid at {@code version}, as the shared one unless a newer
	 * one is kept.
	 */
	private void keepCatalogue(LocalGraph.Catalogue catalogue, GraphState.Version version) {
		readingCatalogue.lock();
		try {
			KeptCatalogue kept = this.catalogue;
			if (kept == null || !kept.version().covers(version)) {
				this.catalogue = new KeptCatalogue(version, catalogue);
			}
		}
		finally {
			readingCatalogue.unlock();
		}
	}

	private void keep(String key, Entry entry) {
		synchronized (cached) {
			Entry replaced = cached.put(key, entry);
			if (replaced != null) {
				lines -= replaced.graph().lines();
			}
			lines += entry.graph().lines();
			if (!key.contains(CHAIN_KEY)) {
				// the region's whole graph answers its chains' gaps from now on
				cached.entrySet().removeIf(e -> {
					boolean part = e.getKey().startsWith(key + CHAIN_KEY);
					if (part) {
						lines -= e.getValue().graph().lines();
					}
					return part;
				});
			}
			// chains' parts go first: a whole graph costs more to read again
			for (boolean parts : new boolean[] { true, false }) {
				Iterator<Map.Entry<String, Entry>> eldest = cached.entrySet().iterator();
				while ((cached.size() > maxRegions || lines > maxLines) && eldest.hasNext()) {
					Map.Entry<String, Entry> evicted = eldest.next();
					if (evicted.getKey().equals(key) || evicted.getKey().contains(CHAIN_KEY) != parts) {
						continue;
					}
					lines -= evicted.getValue().graph().lines();
					eldest.remove();
				}
			}
		}
	}

	/** How many regions' graphs are kept. */
	int size() {
		synchronized (cached) {
			return cached.size();
		}
	}

	/** Lets every kept graph go: a test then starts from an empty cache. */
	void clear() {
		synchronized (cached) {
			cached.clear();
			lines = 0;
		}
	}

	/** How many of the kept graphs are a chain's part of a region. */
	int parts() {
		synchronized (cached) {
			return (int) cached.keySet().stream().filter(k -> k.contains(CHAIN_KEY)).count();
		}
	}

	/** How many local capacity lines the kept graphs hold. */
	long lines() {
		synchronized (cached) {
			return lines;
		}
	}

	private Entry cachedEntry(String region) {
		synchronized (cached) {
			return cached.get(region);
		}
	}

}
