package io.chainlens.analysis;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import graphql.GraphQLContext;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.schema.DataFetchingEnvironment;
import io.chainlens.analysis.AnalysisService.ChainScenario;
import io.chainlens.analysis.AnalysisService.TargetScenario;
import io.chainlens.analysis.Gap.CandidatePool;
import io.chainlens.chain.Chain;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;
import io.chainlens.security.Caller;
import io.chainlens.security.LeadRights;
import io.chainlens.web.GraphQlLimits;
import io.chainlens.web.NotAvailableYet;
import io.chainlens.web.Selected;
import reactor.core.publisher.Mono;

import static io.chainlens.database.Batched.byKey;
import static io.chainlens.database.Batched.ids;

/**
 * The analysis fields: balance, gaps, candidates, impact, local support rate, target
 * progress and supply links. Nested fields that take arguments (Gap.candidates,
 * Chain.localSupportRate, Target.progress) go through data loaders, so a list of gaps or
 * chains costs one batch, not one request per item.
 */
@Controller
class AnalysisController {

	private final AnalysisService analysis;

	private final GraphQlLimits limits;

	AnalysisController(AnalysisService analysis, GraphQlLimits limits, BatchLoaderRegistry registry) {
		this.analysis = analysis;
		this.limits = limits;
		registry.<CandidatePool, List<Candidate>>forName("gapCandidates")
			.registerMappedBatchLoader((pools, env) -> Mono.fromCallable(() -> byRegion(pools, CandidatePool::region,
					(region, some) -> analysis.candidates(some, graph(env.getContext(), region)))));
		registry.<ChainScenario, LocalSupport>forName("localSupport")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> byRegion(keys, ChainScenario::region,
					(region, some) -> analysis.localSupport(graph(env.getContext(), region), some))));
		registry.<TargetScenario, TargetProgress>forName("targetProgress")
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> byRegion(keys, TargetScenario::region,
					(region, some) -> analysis.progress(graph(env.getContext(), region), some))));
	}

	/**
	 * The request's snapshot of the local graph: read by the first analysis field that
	 * needs it and shared by the others (gaps with their chains' support rates and
	 * targets' progress read it once). Only reads use it: no mutation of this API returns
	 * analysis fields.
	 */
	private LocalGraph graph(GraphQLContext context, String region) {
		String given = region == null ? "" : region.strip();
		// the focus region by its configured name is the request's default graph
		String name = analysis.isFocus(given) ? "" : given;
		return context.computeIfAbsent(LocalGraph.class.getName() + "/" + name,
				key -> analysis.localGraph(name.isEmpty() ? null : name));
	}

	/**
	 * A batch's keys grouped by the region they are asked for, each group loaded alone.
	 */
	private static <K, V> Map<K, V> byRegion(Set<K> keys, Function<K, String> region,
			BiFunction<String, Set<K>, Map<K, V>> load) {
		Map<String, Set<K>> groups = new LinkedHashMap<>();
		keys.forEach(
				k -> groups.computeIfAbsent(Objects.toString(region.apply(k), ""), r -> new LinkedHashSet<>()).add(k));
		Map<K, V> result = new LinkedHashMap<>();
		groups.forEach((r, some) -> result.putAll(load.apply(r.isEmpty() ? null : r, some)));
		return result;
	}

	/**
	 * The scenario asked for, CURRENT when left out; PIPELINE only for those who may read
	 * the leads of the chain asked about, as it sums the capacities of leads in talks.
	 */
	private static Scenario scenario(Scenario scenario, String chainId) {
		if (scenario == Scenario.PIPELINE) {
			LeadRights.requirePipelineScenario(Caller.current(), chainId);
		}
		return Scenario.orDefault(scenario);
	}

	@QueryMapping
	List<Gap> gaps(@Argument String chainId, @Argument List<GapKind> kinds, @Argument Scenario scenario,
			@Argument Integer first, @Argument String region, GraphQLContext context, DataFetchingEnvironment env) {
		int limit = first(first, 50);
		LocalGraph graph = chainId != null && asksNothingElse(env) ? analysis.localGraphForChain(region, chainId)
				: graph(context, region);
		return analysis.gaps(graph, chainId, kinds, scenario(scenario, chainId), limit);
	}

	/**
	 * Whether the request is this one field and asks below it nothing answered from a
	 * region's whole graph: a request reading the whole graph anyway (or several chains'
	 * gaps) takes its gaps from it rather than from chains' parts read beside it, so that
	 * its fields also share one snapshot.
	 */
	private static boolean asksNothingElse(DataFetchingEnvironment env) {
		List<Selection> top = env.getOperationDefinition().getSelectionSet().getSelections();
		return top.size() == 1 && top.get(0) instanceof Field && !Selected.anywhereInRequest(env, NEED_THE_WHOLE_GRAPH);
	}

	/** The fields answered from a region's whole graph. */
	private static final Set<String> NEED_THE_WHOLE_GRAPH = Set.of("candidates", "localSupportRate", "localSupport",
			"progress", "balance", "impact", "supplyPaths", "matchmaking", "gapsWithoutLeads");

	@QueryMapping
	List<Gap> gapsWithoutLeads(@Argument String chainId, @Argument Scenario scenario, GraphQLContext context) {
		Caller caller = Caller.current();
		LeadRights.requireReader(caller, "gapsWithoutLeads", chainId);
		Set<String> chains = chainId != null || LeadRights.readsAll(caller) ? null : LeadRights.readableChains(caller);
		return analysis.gapsWithoutLeads(graph(context, null), chainId, chains, scenario(scenario, chainId));
	}

	@QueryMapping
	List<Matchmaking.Match> matchmaking(@Argument String chainId, @Argument Integer first, GraphQLContext context) {
		return analysis.matchmaking(graph(context, null), chainId, first(first, 20));
	}

	@QueryMapping
	List<ProductBalance> balance(@Argument String chainId, @Argument Scenario scenario, @Argument String region,
			GraphQLContext context) {
		return analysis.balance(graph(context, region), chainId, scenario(scenario, chainId));
	}

	@QueryMapping
	List<Candidate> candidates(@Argument String productId, @Argument Integer first, @Argument String region,
			GraphQLContext context) {
		return analysis.candidates(productId, first(first, 10), graph(context, region));
	}

	@QueryMapping
	Impact impact(@Argument String companyId, @Argument Scenario scenario, @Argument String region,
			GraphQLContext context) {
		return analysis.impact(() -> graph(context, region), companyId, scenario(scenario, null));
	}

	@QueryMapping
	List<SupplyPaths.SupplyPath> supplyPaths(@Argument String from, @Argument String to, @Argument Integer maxHops,
			@Argument Integer first, @Argument Scenario scenario, @Argument String region, GraphQLContext context) {
		return analysis.supplyPaths(graph(context, region), from, to, maxHops == null ? 4 : maxHops, first(first, 10),
				scenario(scenario, null));
	}

	@SchemaMapping(typeName = "Gap", field = "candidates")
	CompletableFuture<List<Candidate>> candidatesOfGap(Gap gap, @Argument Integer first,
			DataLoader<CandidatePool, List<Candidate>> gapCandidates) {
		int limit = first(first, 5);
		if (gap.candidatePool().productIds().isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return gapCandidates.load(gap.candidatePool())
			.thenApply(all -> all == null ? List.of() : all.stream().limit(limit).toList());
	}

	@SchemaMapping(typeName = "Chain", field = "localSupportRate")
	CompletableFuture<Double> localSupportRate(Chain chain, @Argument Scenario scenario, @Argument String region,
			DataLoader<ChainScenario, LocalSupport> localSupport) {
		return localSupport.load(new ChainScenario(chain.id(), scenario(scenario, chain.id()), region))
			.thenApply(support -> support == null ? null : support.rate());
	}

	@SchemaMapping(typeName = "Chain", field = "localSupport")
	CompletableFuture<LocalSupport> localSupport(Chain chain, @Argument Scenario scenario, @Argument String region,
			DataLoader<ChainScenario, LocalSupport> localSupport) {
		return localSupport.load(new ChainScenario(chain.id(), scenario(scenario, chain.id()), region));
	}

	@SchemaMapping(typeName = "Target", field = "progress")
	CompletableFuture<TargetProgress> progress(Target target, @Argument Scenario scenario, @Argument String region,
			DataLoader<TargetScenario, TargetProgress> targetProgress) {
		return targetProgress.load(new TargetScenario(target, scenario(scenario, null), region));
	}

	@BatchMapping(typeName = "Company", field = "suppliers")
	Map<Company, List<Company>> suppliers(List<Company> companies) {
		return byKey(companies, Company::id,
				analysis.partners(ids(companies, Company::id), CompanyLink.Direction.SUPPLIER));
	}

	@BatchMapping(typeName = "Company", field = "customers")
	Map<Company, List<Company>> customers(List<Company> companies) {
		return byKey(companies, Company::id,
				analysis.partners(ids(companies, Company::id), CompanyLink.Direction.CUSTOMER));
	}

	@BatchMapping(typeName = "Company", field = "links")
	Map<Company, List<CompanyLink>> links(List<Company> companies) {
		return byKey(companies, Company::id, analysis.links(ids(companies, Company::id)));
	}

	// The schema's defaults apply when a client leaves `first` out; a caller inside the
	// app may pass null. Either way the one configured page-size limit holds.
	private int first(Integer first, int defaultValue) {
		return this.limits.checkFirst(first == null ? defaultValue : first);
	}

}
