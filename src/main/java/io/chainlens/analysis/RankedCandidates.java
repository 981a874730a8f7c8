package io.chainlens.analysis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * outside the region asked about.
 */
final class RankedCandidates {

	static final int PRODUCTS = 256;

	// carry-overs remembered: enough for the writes during one ranking's computation
	static final int CARRIED = 1024;

	// graph: the identity of the local graph it was computed at (or carried over to)
	private record Entry(long graph, List<Candidate> ranked) {
	}

	// what a carry-over from a graph to its successor kept
	private record Carried(long to, boolean keepAny, boolean keepTouched, Set<String> touchedProducts) {

		boolean keeps(String productId) {
			return keepAny && (keepTouched || !touchedProducts.contains(productId));
		}

	}

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
	 */
	synchronized void carryOver(LocalGraph from, LocalGraph to, GraphState.Touched touched) {
		boolean keepAny = !touched.newLines() && from.madeHere().equals(to.madeHere());
		boolean onlyLocalFigures = keepAny && touched.siteIds().stream().allMatch(id -> to.hasLinesOf(Set.of(id)));
		Carried kept = new Carried(to.identity(), keepAny, onlyLocalFigures, touched.productIds());
		carried.put(from.identity(), kept);
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
