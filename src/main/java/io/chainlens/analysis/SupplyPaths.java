package io.chainlens.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chainlens.chain.Product;

/**
 * The FEEDS paths from one product to another, across chains, over the product graph the
 * analysis reads (yearly FLOW links; a STOCK link is an installed base needed once, not a
 * supply). Shortest first, then by the products' ids; a path never visits a product
 * twice. Only partial paths that can still reach the target within the hops left are
 * extended, so the work grows with the paths found, not with the graph.
 */
final class SupplyPaths {

	/** The most hops a request may ask for. */
	static final int MAX_HOPS = 6;

	/** A guard for a dense product graph: partial paths held at once. */
	private static final int MAX_PARTIAL = 100_000;

	/**
	 * One path: its products in order, and for each step the input, the output and the
	 * link.
	 */
	record SupplyPath(int hops, List<PathProduct> products, List<SupplyStep> steps) {
	}

	/** A product on a path, with the focus region's balance of it and its gaps there. */
	record PathProduct(Product product, ProductBalance balance, List<GapKind> gaps) {
	}

	/**
	 * A step: FEEDS with {@code perUnit} of the input per one unit of the output, or
	 * YIELDS with {@code share} units of the output per unit of the input (the process
	 * product).
	 */
	record SupplyStep(Product input, Product output, String kind, Double perUnit, Double share, String writtenAs,
			String source) {
	}

	/** A link of the product graph, either kind. */
	record Link(String inputId, String outputId, String kind, Double factor, String writtenAs, String source) {

		static List<Link> from(LocalGraph graph, String productId) {
			List<Link> links = new ArrayList<>();
			graph.feedsFrom(productId)
				.forEach(f -> links
					.add(new Link(f.inputId(), f.outputId(), "FEEDS", f.perUnit(), f.writtenAs(), f.source())));
			graph.yieldsFrom(productId)
				.forEach(y -> links.add(new Link(y.processId(), y.productId(), "YIELDS", y.share(), null, y.source())));
			return links;
		}

		static List<String> inputsOf(LocalGraph graph, String productId) {
			List<String> inputs = new ArrayList<>();
			graph.feedsInto(productId).forEach(f -> inputs.add(f.inputId()));
			graph.yieldsInto(productId).forEach(y -> inputs.add(y.processId()));
			return inputs;
		}

	}

	private SupplyPaths() {
	}

	/**
	 * The first {@code first} paths of at most {@code maxHops} steps, as lists of feeds.
	 */
	static List<List<Link>> find(LocalGraph graph, String from, String to, int maxHops, int first) {
		Map<String, Integer> hopsToTarget = hopsTo(graph, to, maxHops);
		List<List<Link>> found = new ArrayList<>();
		if (from.equals(to) || !hopsToTarget.containsKey(from)) {
			return found;
		}
		List<List<Link>> level = List.of(List.of());
		for (int length = 0; length < maxHops && !level.isEmpty() && found.size() < first; length++) {
			List<List<Link>> next = new ArrayList<>();
			for (List<Link> path : level) {
				String at = path.isEmpty() ? from : path.get(path.size() - 1).outputId();
				for (Link link : Link.from(graph, at)) {
					String out = link.outputId();
					Integer left = hopsToTarget.get(out);
					if (left == null || left > maxHops - length - 1 || visits(path, from, out)) {
						continue;
					}
					List<Link> longer = new ArrayList<>(path);
					longer.add(link);
					if (out.equals(to)) {
						found.add(longer);
					}
					else if (next.size() < MAX_PARTIAL) {
						next.add(longer);
					}
				}
			}
			level = next;
		}
		found.sort(Comparator.<List<Link>>comparingInt(List::size).thenComparing(SupplyPaths::ids));
		return found.size() > first ? found.subList(0, first) : found;
	}

	/** Hops from each product to the target along FEEDS, up to {@code maxHops}. */
	private static Map<String, Integer> hopsTo(LocalGraph graph, String to, int maxHops) {
		Map<String, Integer> hops = new HashMap<>();
		hops.put(to, 0);
		Deque<String> queue = new ArrayDeque<>(List.of(to));
		while (!queue.isEmpty()) {
			String product = queue.poll();
			int h = hops.get(product);
			if (h == maxHops) {
				continue;
			}
			for (String input : Link.inputsOf(graph, product)) {
				if (hops.putIfAbsent(input, h + 1) == null) {
					queue.add(input);
				}
			}
		}
		return hops;
	}

	private static boolean visits(List<Link> path, String from, String product) {
		return from.equals(product) || path.stream().anyMatch(f -> f.outputId().equals(product));
	}

	private static String ids(List<Link> path) {
		return String.join(" ", path.stream().map(Link::outputId).toList());
	}

}
