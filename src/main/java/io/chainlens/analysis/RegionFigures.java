package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.analysis.LocalGraph.ChainInfo;
import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.SegmentInfo;
import io.chainlens.analysis.LocalGraph.Yield;
import io.chainlens.chain.Region;
import io.chainlens.database.KeptByVersion;

/**
 * The analysis of many regions side by side, for the explorer's comparisons: each figure
 * is the one {@code balance} and {@code gaps} answer with that {@code region}, computed
 * by the same code.
 */
@Component
@Transactional(readOnly = true)
public class RegionFigures {

	/** A product in one region: its balance and its gap kinds there (empty: no gap). */
	public record Cell(ProductBalance balance, List<GapKind> gaps) {
	}

	private final AnalysisService analysis;

	private final LocalGraphCache localGraphs;

	private final AnalysisQueries queries;

	RegionFigures(AnalysisService analysis, LocalGraphCache localGraphs, AnalysisQueries queries) {
		this.analysis = analysis;
		this.localGraphs = localGraphs;
		this.queries = queries;
	}

	/**
	 * Per region id, per product of the chain: the region's balance and gap kinds. A
	 * region's whole local graph is not needed for one chain: one query reads, in all the
	 * regions, the lines of the chain's products, of the process products yielding them
	 * and of the products they feed, and each region's figures are computed on the shared
	 * catalogue with its own lines and platforms, by the same code as for any region
	 * (reading 15 provinces' local graphs whole took seconds at national scale). Kept per
	 * graph version for the matrices asked last: the page asks the same ones again.
	 */
	public Map<String, Map<String, Cell>> ofChain(String chainId, List<String> regionIds, Scenario scenario) {
		return matrices.get(queries.version(), new MatrixKey(chainId, List.copyOf(regionIds), scenario),
				() -> computeOfChain(chainId, regionIds, scenario));
	}

	private record MatrixKey(String chainId, List<String> regionIds, Scenario scenario) {
	}

	private final KeptByVersion<MatrixKey, Map<String, Map<String, Cell>>> matrices = new KeptByVersion<>(32);

	private Map<String, Map<String, Cell>> computeOfChain(String chainId, List<String> regionIds, Scenario scenario) {
		LocalGraph.Catalogue catalogue = localGraphs.catalogue();
		Set<String> lines = new LinkedHashSet<>();
		LocalGraph outline = new LocalGraph("", "", catalogue, List.of(), List.of(), List.of(), Map.of());
		outline.chain(chainId)
			.ifPresent(chain -> chain.segments().forEach(segment -> segment.products().forEach(product -> {
				lines.add(product.id());
				outline.feedsFrom(product.id()).forEach(f -> lines.add(f.outputId()));
				outline.yieldsInto(product.id()).forEach(y -> lines.add(y.processId()));
			})));
		Map<String, List<LocalGraph.Make>> makes = queries.makesInRegions(lines, regionIds);
		Map<String, String> names = queries.regionNames(regionIds);
		Map<String, Map<String, Cell>> result = new LinkedHashMap<>();
		for (String regionId : regionIds) {
			LocalGraph graph = new LocalGraph(regionId, names.getOrDefault(regionId, regionId), catalogue,
					makes.getOrDefault(regionId, List.of()), queries.platforms(regionId), queries.targets(regionId),
					Map.of());
			Map<String, List<GapKind>> kinds = new LinkedHashMap<>();
			for (Gap gap : analysis.gaps(graph, chainId, null, scenario, Integer.MAX_VALUE)) {
				List<GapKind> of = kinds.computeIfAbsent(gap.product().id(), id -> new ArrayList<>());
				if (!of.contains(gap.kind())) {
					of.add(gap.kind());
				}
			}
			Map<String, Cell> cells = new LinkedHashMap<>();
			for (ProductBalance balance : analysis.balance(graph, chainId, scenario)) {
				String productId = balance.product().id();
				cells.put(productId,
						new Cell(balance, kinds.getOrDefault(productId, List.of()).stream().sorted().toList()));
			}
			result.put(regionId, cells);
		}
		return result;
	}

	/**
	 * Per region of {@code level} that makes the product or one of its consumers: the
	 * product's balance there. A region's whole local graph is not needed for one
	 * product: one query reads the lines of the product, of the process products yielding
	 * it and of the products it feeds, across the country, and each region's balance is
	 * computed on the catalogue's links with its own lines only, by {@link Balances} as
	 * for any region. Empty for a product of no chain (no balance is defined).
	 */
	public Map<String, ProductBalance> ofProduct(String productId, String level, Scenario scenario) {
		LocalGraph catalogue = localGraphs.get();
		if (catalogue.product(productId) == null) {
			return Map.of();
		}
		List<Feed> feeds = catalogue.feedsFrom(productId);
		List<Yield> yields = catalogue.yieldsInto(productId);
		Set<String> lines = new LinkedHashSet<>(List.of(productId));
		feeds.forEach(f -> lines.add(f.outputId()));
		yields.forEach(y -> lines.add(y.processId()));
		Set<String> named = new LinkedHashSet<>(List.of(productId));
		feeds.forEach(f -> named.add(f.outputId()));
		List<ChainInfo> chains = new ArrayList<>();
		for (ChainInfo chain : catalogue.chains()) {
			List<SegmentInfo> segments = chain.segments()
				.stream()
				.map(s -> new SegmentInfo(s.segment(), s.chain(),
						s.products().stream().filter(p -> named.contains(p.id())).toList()))
				.filter(s -> !s.products().isEmpty())
				.toList();
			if (!segments.isEmpty()) {
				chains.add(new ChainInfo(chain.chain(), segments));
			}
		}
		Map<String, ProductBalance> result = new LinkedHashMap<>();
		for (Map.Entry<Region, List<LocalGraph.Make>> region : queries.makesByRegion(lines, level).entrySet()) {
			LocalGraph graph = new LocalGraph(region.getKey().id(), region.getKey().nameZh(), chains, feeds, yields,
					region.getValue(), List.of(), List.of(), Map.of());
			result.put(region.getKey().id(), graph.balances(scenario).of(productId));
		}
		return result;
	}

}
