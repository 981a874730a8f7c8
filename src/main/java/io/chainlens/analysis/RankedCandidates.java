package io.chainlens.analysis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainlens.database.GraphState;

/**
 * The ranked candidates of the products asked about most recently, each kept with the
 * local graph it was computed at: the graph is replaced when the graph's version moves on
 * (any write), so a kept list is used only while nothing has been written since, or while
 * the writes since left it as it was ({@link #carryOver}). Ranking a national product
 * reads and scores every maker (hundreds), while the list changes only when the graph
 * does. Bounded in products and in candidates per product (as many as one request may ask
 * for), so it stays a few megabytes at national scale. Kept per region and product: a
 * candidate is a maker outside the region asked about.
 */
final class RankedCandidates {

	static final int PRODUCTS = 256;

	private record Entry(LocalGraph graph, List<Candidate> ranked) {
	}

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
		return entry != null && entry.graph() == graph ? entry.ranked() : null;
	}

	/** Keeps the best of a ranked list for this graph and returns what is kept. */
	synchronized List<Candidate> put(LocalGraph graph, String productId, List<Candidate> ranked) {
		List<Candidate> kept = List.copyOf(ranked.subList(0, Math.min(perProduct, ranked.size())));
		entries.put(graph.region() + "/" + productId, new Entry(graph, kept));
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
		Iterator<Map.Entry<String, Entry>> all = entries.entrySet().iterator();
		Map<String, Entry> carried = new LinkedHashMap<>();
		while (all.hasNext()) {
			Map.Entry<String, Entry> entry = all.next();
			if (entry.getValue().graph() != from) {
				continue;
			}
			all.remove();
			String productId = entry.getKey().substring(from.region().length() + 1);
			if (onlyLocalFigures || keepAny && !touched.productIds().contains(productId)) {
				carried.put(entry.getKey(), new Entry(to, entry.getValue().ranked()));
			}
		}
		entries.putAll(carried);
	}

}
