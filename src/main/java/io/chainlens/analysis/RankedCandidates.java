package io.chainlens.analysis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.chainlens.chain.Product;
import io.chainlens.database.GraphState;

/**
 * The ranked candidates of the products asked about most recently, each kept with the
 * identity of the local graph it was computed at (not the graph: that would hold its
 * lines): the graph is replaced when the graph's version moves on (any write), so a kept
 * list is used only while nothing has been written since, or while the writes since left
 * it as it was ({@link #carryOver}). Ranking a national product reads and scores every
 * maker (hundreds), while the list changes only when the graph does. Bounded in products
 * and in candidates per product (as many as one request may ask for), so it stays a few
 * megabytes at national scale. Kept per region and product: a candidate is a maker
 * outside the region asked about. Beside the lists, the rows the most recent rankings
 * were scored from ({@link Rows}, at most {@link #ROWS} in all): a write that changed
 * only some makers' figures costs a ranking those makers' figures and a scoring, not a
 * read of every maker.
 */
final class RankedCandidates {

	static final int PRODUCTS = 256;

	// carry-overs remembered: enough for the writes during one ranking's computation
	static final int CARRIED = 1024;

	// graph: the identity of the local graph it was computed at (or carried over to)
	private record Entry(long graph, List<Candidate> ranked) {
	}

	// what a carry-over from a graph to its successor kept
	private record Carried(long to, boolean keepAny, boolean keepTouched, Set<String> touchedProducts,
			Set<String> touchedSites) {

		boolean keeps(String productId) {
			return keepAny && (keepTouched || !touchedProducts.contains(productId));
		}

		// the sites whose figures of the product the write changed, for a ranking's rows
		Set<String> changed(String productId) {
			return keeps(productId) ? Set.of() : touchedSites;
		}

	}

	/** Rows kept in all, across products: ~1.5 kB each, so some tens of megabytes. */
	static final int ROWS = 20_000;

	/**
	 * What a ranking was scored from, kept for a graph: when a write changed only the
	 * figures of some makers' lines ({@code stale}: their sites), the ranking is scored
	 * again from these rows with those makers' figures read afresh, instead of reading
	 * every maker again.
	 */
	record Rows(long graph, Product product, List<AnalysisQueries.CandidateRow> rows,
			List<AnalysisQueries.ProximityRow> proximity, Set<String> stale) {

		Rows {
			rows = List.copyOf(rows);
			proximity = List.copyOf(proximity);
			stale = Set.copyOf(stale);
		}

		Rows at(long graph, Set<String> moreStale) {
			if (moreStale.isEmpty()) {
				return new Rows(graph, product, rows, proximity, stale);
			}
			Set<String> all = new TreeSet<>(stale);
			all.addAll(moreStale);
			return new Rows(graph, product, rows, proximity, all);
		}

	}

	private int rowCount;

	private final Map<String, Rows> rows = new LinkedHashMap<>(64, 0.75f, true);

	// by the identity of the graph carried from
	private final Map<Long, Carried> carried = new LinkedHashMap<>(64, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Carried> eldest) {
			return size() > CARRIED;
		}

	};

	private final int perProduct;

	private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > PRODUCTS;
		}

	};

	RankedCandidates(int perProduct) {
		this.perProduct = perProduct;
	}

	/** The list kept for the product at this graph, or null. */
	synchronized List<Candidate> get(LocalGraph graph, String productId) {
		Entry entry = entries.get(graph.region() + "/" + productId);
		return entry != null && entry.graph() == graph.identity() ? entry.ranked() : null;
	}

	/**
	 * Keeps the best of a ranked list for this graph and returns what is kept. A ranking
	 * takes a while; when writes since have given the graph successors that kept the
	 * product's ranking as it was ({@link #carryOver}), it is kept for the latest of
	 * them, as it would have been carried over had it been kept in time.
	 */
	synchronized List<Candidate> put(LocalGraph graph, String productId, List<Candidate> ranked) {
		List<Candidate> kept = List.copyOf(ranked.subList(0, Math.min(perProduct, ranked.size())));
		long at = graph.identity();
		for (Carried next = carried.get(at); next != null && next.keeps(productId); next = carried.get(at)) {
			at = next.to();
		}
		String key = graph.region() + "/" + productId;
		Entry newer = entries.get(key);
		// a ranking of a later graph is not replaced by this one's
		if (newer == null || newer.graph() < at) {
			entries.put(key, new Entry(at, kept));
		}
		return kept;
	}

	/**
	 * The rows the product's ranking was last scored from, carried to this graph, with
	 * the sites whose figures changed since; null when none are kept for it.
	 */
	synchronized Rows rows(LocalGraph graph, String productId) {
		Rows kept = rows.get(graph.region() + "/" + productId);
		return kept != null && kept.graph() == graph.identity() ? kept : null;
	}

	/**
	 * Keeps the rows a ranking of this graph was scored from, carried along the writes
	 * since as {@link #carryOver} carries them.
	 */
	synchronized void putRows(LocalGraph graph, Product product, List<AnalysisQueries.CandidateRow> scored,
			List<AnalysisQueries.ProximityRow> proximity) {
		if (scored.size() > ROWS / 4) {
			// a product made nearly everywhere: scoring it again would not pay for the
			// room
			return;
		}
		Rows kept = new Rows(graph.identity(), product, scored, proximity, Set.of());
		for (Carried next = carried.get(kept.graph()); next != null; next = carried.get(kept.graph())) {
			if (!next.keepAny()) {
				return;
			}
			kept = kept.at(next.to(), next.changed(product.id()));
		}
		String key = graph.region() + "/" + product.id();
		Rows newer = rows.get(key);
		// rows of a later graph stay; at the same graph, those with fewer stale sites win
		// (the rows just scored again have none)
		if (newer != null && (newer.graph() > kept.graph()
				|| newer.graph() == kept.graph() && !newer.stale().containsAll(kept.stale()))) {
			return;
		}
		keepRows(key, kept);
	}

	private void keepRows(String key, Rows kept) {
		Rows replaced = rows.put(key, kept);
		rowCount += kept.rows().size() - (replaced == null ? 0 : replaced.rows().size());
		Iterator<Rows> eldest = rows.values().iterator();
		while (rowCount > ROWS && eldest.hasNext()) {
			Rows evicted = eldest.next();
			if (evicted == kept) {
				continue;
			}
			rowCount -= evicted.rows().size();
			eldest.remove();
		}
	}

	/**
	 * Keeps the lists of the graph {@code from} for its successor {@code to} after writes
	 * that touched only {@code touched}: a ranking reads the product's makers nationwide
	 * (their lines of it, other products, sites, ties, group) and, from the local graph,
	 * the products made here. Writes that changed only the figures of existing lines
	 * leave all but their products' rankings as they were, unless the products made here
	 * changed; writes that added a line or a site may change any (a new maker, another
	 * product of a candidate), so nothing of {@code from} is kept. When every touched
	 * site lies in the region, even the touched products' rankings are kept: a company
	 * with a line of the product in the region is no candidate for it, and only whether
	 * local lines exist enters a ranking (proximity, group, ties), never their figures.
	 * @param touchedSitesInRegion whether every touched site has lines in the region in
	 * both graphs
	 */
	synchronized void carryOver(LocalGraph from, LocalGraph to, GraphState.Touched touched,
			boolean touchedSitesInRegion) {
		boolean keepAny = !touched.newLines() && from.madeHere().equals(to.madeHere());
		boolean onlyLocalFigures = keepAny && touchedSitesInRegion;
		Carried kept = new Carried(to.identity(), keepAny, onlyLocalFigures, touched.productIds(), touched.siteIds());
		carried.put(from.identity(), kept);
		Iterator<Map.Entry<String, Rows>> allRows = rows.entrySet().iterator();
		Map<String, Rows> movedRows = new LinkedHashMap<>();
		while (allRows.hasNext()) {
			Map.Entry<String, Rows> entry = allRows.next();
			Rows was = entry.getValue();
			if (was.graph() != from.identity()) {
				continue;
			}
			allRows.remove();
			rowCount -= was.rows().size();
			if (keepAny) {
				movedRows.put(entry.getKey(), was.at(to.identity(), kept.changed(was.product().id())));
			}
		}
		movedRows.forEach(this::keepRows);
		Iterator<Map.Entry<String, Entry>> all = entries.entrySet().iterator();
		Map<String, Entry> moved = new LinkedHashMap<>();
		while (all.hasNext()) {
			Map.Entry<String, Entry> entry = all.next();
			if (entry.getValue().graph() != from.identity()) {
				continue;
			}
			all.remove();
			if (kept.keeps(entry.getKey().substring(from.region().length() + 1))) {
				moved.put(entry.getKey(), new Entry(to.identity(), entry.getValue().ranked()));
			}
		}
		entries.putAll(moved);
	}

}
