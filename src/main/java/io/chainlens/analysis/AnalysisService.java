package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.analysis.Gap.CandidatePool;
import io.chainlens.analysis.LocalGraph.ChainInfo;
import io.chainlens.chain.Product;
import io.chainlens.chain.ProductLookup;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;
import io.chainlens.company.CompanyReads;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

/**
 * The analysis requests. Each reads what it needs in a fixed number of queries and
 * computes in memory: the cost does not grow with the number of chains, products, gaps or
 * companies asked about. The {@link LocalGraph} is taken from the {@link LocalGraphCache}
 * (read again only when the graph has changed) and passed in, so that the fields of one
 * GraphQL request share one snapshot.
 */
@Service
@Transactional(readOnly = true)
class AnalysisService {

	/** A chain measured in a scenario (key of the per-request data loaders). */
	record ChainScenario(String chainId, Scenario scenario, String region) {
	}

	/** A target measured in a scenario. */
	record TargetScenario(Target target, Scenario scenario, String region) {
	}

	/** The key of a chain's (or all chains', chainId null) gaps derived from a graph. */
	private record GapsOf(String chainId, Scenario scenario) {
	}

	private final AnalysisQueries queries;

	private final LocalGraphCache localGraphs;

	private final ProductLookup products;

	private final CompanyReads companies;

	private final GapFinder gapFinder;

	private final CandidateScorer scorer;

	private final ImpactAnalysis impactAnalysis;

	private final RankedCandidates rankedCandidates;

	AnalysisService(AnalysisQueries queries, LocalGraphCache localGraphs, ProductLookup products,
			CompanyReads companies, AnalysisSettings settings) {
		this.rankedCandidates = localGraphs.rankings();
		this.queries = queries;
		this.localGraphs = localGraphs;
		this.products = products;
		this.companies = companies;
		this.gapFinder = new GapFinder(settings);
		this.scorer = new CandidateScorer(settings);
		this.impactAnalysis = new ImpactAnalysis(settings);
	}

	/**
	 * Reads what an analysis computes on; a request reads it once and shares it among its
	 * fields.
	 */
	LocalGraph localGraph() {
		return localGraphs.get();
	}

	/**
	 * Whether a region as a request names it is the focus region by its configured name.
	 */
	boolean isFocus(String region) {
		return queries.isFocus(region);
	}

	/**
	 * The local graph of the region a request names (id or Chinese name; the focus region
	 * when null).
	 */
	LocalGraph localGraph(String region) {
		return localGraphs.get(queries.regionOf(region));
	}

	/**
	 * What the gaps of one chain in a region read ({@link LocalGraphCache#forChain}): for
	 * a request that asks nothing else of the region's graph.
	 */
	LocalGraph localGraphForChain(String region, String chainId) {
		return localGraphs.forChain(queries.regionOf(region), chainId);
	}

	List<Gap> gaps(LocalGraph graph, String chainId, Collection<GapKind> kinds, Scenario scenario, int first) {
		if (chainId != null) {
			chainOf(graph, chainId);
		}
		Set<GapKind> wanted = kinds == null || kinds.isEmpty() ? Set.of(GapKind.values()) : Set.copyOf(kinds);
		// gaps depend on the graph and the settings alone: computed once per graph
		List<Gap> all = graph.derived(new GapsOf(chainId, scenario), () -> gapFinder.find(graph, scenario, chainId));
		return all.stream().filter(g -> wanted.contains(g.kind())).limit(first).toList();
	}

	/**
	 * Local supplier and consumer pairs of the chain's products with no observed supply
	 * link.
	 */
	List<Matchmaking.Match> matchmaking(LocalGraph graph, String chainId, int first) {
		if (chainId != null) {
			chainOf(graph, chainId);
		}
		return Matchmaking.find(graph, chainId, queries.observedSupplyLinks()).stream().limit(first).toList();
	}

	/**
	 * The gaps of a chain (or of those chains, all when null) whose product no active
	 * lead proposes: "which gaps has nobody worked on?"
	 */
	List<Gap> gapsWithoutLeads(LocalGraph graph, String chainId, Set<String> chains, Scenario scenario) {
		Set<String> worked = queries.productsWithActiveLeads();
		return gaps(graph, chainId, null, scenario, Integer.MAX_VALUE).stream()
			.filter(g -> chains == null || chains.contains(g.chain().id()))
			.filter(g -> !worked.contains(g.product().id()))
			.toList();
	}

	/**
	 * The FEEDS paths from {@code from} to {@code to} ({@link SupplyPaths}), each product
	 * with the focus region's balance and gap kinds in the scenario.
	 */
	List<SupplyPaths.SupplyPath> supplyPaths(LocalGraph graph, String from, String to, int maxHops, int first,
			Scenario scenario) {
		Product input = knownProduct(graph, "from", from);
		Product output = knownProduct(graph, "to", to);
		if (maxHops < 1 || maxHops > SupplyPaths.MAX_HOPS) {
			throw new BadArgument("maxHops", "must be between 1 and " + SupplyPaths.MAX_HOPS + ", not " + maxHops);
		}
		Balances balances = graph.balances(scenario);
		Map<String, List<GapKind>> gapKinds = new HashMap<>();
		for (Gap gap : gaps(graph, null, null, scenario, Integer.MAX_VALUE)) {
			List<GapKind> kinds = gapKinds.computeIfAbsent(gap.product().id(), id -> new ArrayList<>());
			if (!kinds.contains(gap.kind())) {
				kinds.add(gap.kind());
			}
		}
		Function<Product, SupplyPaths.PathProduct> onPath = p -> new SupplyPaths.PathProduct(p, balances.of(p.id()),
				gapKinds.getOrDefault(p.id(), List.of()).stream().sorted().toList());
		return SupplyPaths.find(graph, input.id(), output.id(), maxHops, first).stream().map(path -> {
			List<SupplyPaths.PathProduct> products = new ArrayList<>(List.of(onPath.apply(input)));
			List<SupplyPaths.SupplyStep> steps = new ArrayList<>();
			for (SupplyPaths.Link link : path) {
				Product out = graph.product(link.outputId());
				products.add(onPath.apply(out));
				boolean feeds = link.kind().equals("FEEDS");
				steps.add(new SupplyPaths.SupplyStep(graph.product(link.inputId()), out, link.kind(),
						feeds ? link.factor() : null, feeds ? null : link.factor(), link.writtenAs(), link.source()));
			}
			return new SupplyPaths.SupplyPath(steps.size(), products, steps);
		}).toList();
	}

	private static Product knownProduct(LocalGraph graph, String argument, String id) {
		Product product = graph.product(id);
		if (product == null) {
			throw new NotFound("There is no product with id '" + id + "' (argument '" + argument + "')");
		}
		return product;
	}

	List<ProductBalance> balance(LocalGraph graph, String chainId, Scenario scenario) {
		Balances balances = graph.balances(scenario);
		return chainOf(graph, chainId).segments()
			.stream()
			.flatMap(s -> s.products().stream())
			.map(Product::id)
			.distinct()
			.map(balances::of)
			.toList();
	}

	List<Candidate> candidates(String productId, int first, LocalGraph graph) {
		List<Candidate> ranked = rankedCandidates.get(graph, productId);
		if (ranked == null) {
			ranked = rankedCandidates.put(graph, productId, rank(productId, graph));
		}
		return ranked.stream().limit(first).toList();
	}

	// one product's ranking, scored again from the rows it was last scored from when
	// writes since changed only some makers' figures
	private List<Candidate> rank(String productId, LocalGraph graph) {
		RankedCandidates.Rows kept = rankedCandidates.rows(graph, productId);
		Product product;
		List<AnalysisQueries.CandidateRow> rows;
		List<AnalysisQueries.ProximityRow> proximity;
		if (kept != null) {
			product = kept.product();
			proximity = kept.proximity();
			rows = kept.rows();
			if (!kept.stale().isEmpty()) {
				Map<String, AnalysisQueries.Figures> figures = queries.figuresOfCompaniesAt(productId, kept.stale());
				rows = rows.stream().map(r -> {
					AnalysisQueries.Figures now = figures.get(r.company().id());
					return now == null ? r : r.with(now);
				}).toList();
			}
		}
		else {
			product = products.byId(List.of(productId)).get(productId);
			if (product == null) {
				throw new NotFound("product", productId);
			}
			rows = queries.candidates(Set.of(productId), graph.madeHere(), graph.region())
				.getOrDefault(productId, List.of());
			proximity = queries.proximity(Set.of(productId), graph.madeHere()).getOrDefault(productId, List.of());
		}
		rankedCandidates.putRows(graph, product, rows, proximity);
		return scorer.score(product, rows, proximity, graph.regionName());
	}

	/** The candidates of many gaps at once: three queries whatever the number of gaps. */
	Map<CandidatePool, List<Candidate>> candidates(Collection<CandidatePool> pools, LocalGraph graph) {
		Set<String> ids = new LinkedHashSet<>();
		pools.forEach(p -> {
			ids.add(p.gapProductId());
			ids.addAll(p.productIds());
		});
		Map<String, Product> byId = products.byId(ids);
		Map<String, Product> wanted = new LinkedHashMap<>();
		pools.forEach(p -> p.productIds().forEach(id -> wanted.put(id, byId.get(id))));
		wanted.values().removeIf(p -> p == null);
		Map<String, List<Candidate>> byProduct = candidatesByProduct(wanted, graph);
		Map<CandidatePool, List<Candidate>> result = new LinkedHashMap<>();
		pools.forEach(p -> result.put(p, CandidateScorer.forPool(p, byProduct, byId)));
		return result;
	}

	private Map<String, List<Candidate>> candidatesByProduct(Map<String, Product> wanted, LocalGraph graph) {
		Map<String, List<Candidate>> result = new LinkedHashMap<>();
		if (wanted.isEmpty()) {
			return result;
		}
		Map<String, List<AnalysisQueries.CandidateRow>> rows = queries.candidates(wanted.keySet(), graph.madeHere(),
				graph.region());
		Map<String, List<AnalysisQueries.ProximityRow>> proximity = queries.proximity(wanted.keySet(),
				graph.madeHere());
		wanted.forEach((id, product) -> result.put(id,
				scorer.score(product, rows.get(id), proximity.get(id), graph.regionName())));
		return result;
	}

	Impact impact(Supplier<LocalGraph> graph, String companyId, Scenario scenario) {
		Company company = companies.company(companyId).orElseThrow(() -> new NotFound("company", companyId));
		return impactAnalysis.of(graph.get(), scenario, company);
	}

	Map<ChainScenario, LocalSupport> localSupport(LocalGraph graph, Collection<ChainScenario> keys) {
		Map<ChainScenario, LocalSupport> result = new LinkedHashMap<>();
		for (ChainScenario key : keys) {
			graph.chain(key.chainId())
				.ifPresent(chain -> result.put(key, ChainMeasures.localSupport(chain, graph.balances(key.scenario()))));
		}
		return result;
	}

	Map<TargetScenario, TargetProgress> progress(LocalGraph graph, Collection<TargetScenario> keys) {
		Map<TargetScenario, TargetProgress> result = new LinkedHashMap<>();
		for (TargetScenario key : keys) {
			TargetProgress progress = ChainMeasures.progress(key.target(),
					graph.balancesDueBy(key.scenario(), key.target().year()));
			if (progress != null) {
				result.put(key, progress);
			}
		}
		return result;
	}

	/**
	 * Supply links per company: observed links first, then potential ones; a link both
	 * observed and derived from FEEDS is listed once, as observed.
	 */
	Map<String, List<CompanyLink>> links(Collection<String> companyIds) {
		Map<String, List<CompanyLink>> result = new LinkedHashMap<>();
		queries.links(companyIds).forEach((companyId, rows) -> {
			Map<String, CompanyLink> unique = new LinkedHashMap<>();
			rows.stream()
				.sorted(Comparator.comparing(AnalysisQueries.LinkRow::direction)
					.thenComparing(AnalysisQueries.LinkRow::kind)
					.thenComparing(r -> r.other().id())
					.thenComparing(r -> r.product().id()))
				.forEach(r -> unique.putIfAbsent(r.direction() + "|" + r.other().id() + "|" + r.product().id(),
						new CompanyLink(r.other(), r.product(), r.direction(), r.kind(), r.source())));
			result.put(companyId, new ArrayList<>(unique.values()));
		});
		return result;
	}

	/** Local partners per company in one direction, from {@link #links}. */
	Map<String, List<Company>> partners(Collection<String> companyIds, CompanyLink.Direction direction) {
		Map<String, List<Company>> result = new LinkedHashMap<>();
		queries.links(companyIds).forEach((companyId, rows) -> {
			Map<String, Company> partners = new TreeMap<>();
			rows.stream()
				.filter(r -> r.direction() == direction && r.otherLocal())
				.forEach(r -> partners.put(r.other().id(), r.other()));
			result.put(companyId, List.copyOf(partners.values()));
		});
		return result;
	}

	private static ChainInfo chainOf(LocalGraph graph, String chainId) {
		return graph.chain(chainId).orElseThrow(() -> new NotFound("chain", chainId));
	}

}
