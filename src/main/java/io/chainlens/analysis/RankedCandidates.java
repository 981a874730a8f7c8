package io.chainlens.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked candidates of the products asked about most recently, each kept with the
 * local graph it was computed at: the graph is replaced when the graph's version moves on
 * (any write), so a kept list is used only while nothing has been written since. Ranking
 * a national product reads and scores every maker (hundreds), while the list changes only
 * when the graph does. Bounded in products and in candidates per product (as many as one
 * request may ask for), so it stays a few megabytes at national scale. Kept per region
 * and product: a candidate is a maker outside the region asked about.
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

}
