package io.chainlens.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import io.chainlens.analysis.Bound;
import io.chainlens.analysis.Candidate;
import io.chainlens.analysis.Gap;
import io.chainlens.analysis.GapKind;
import io.chainlens.analysis.Scenario;
import io.chainlens.chain.Chain;
import io.chainlens.chain.GovUnit;
import io.chainlens.chain.Product;
import io.chainlens.chain.ProductLookup;
import io.chainlens.chain.Region;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;
import io.chainlens.company.CompanyReads;
import io.chainlens.company.Project;
import io.chainlens.pipeline.LeadReads.Cursor;
import io.chainlens.pipeline.LeadReads.Readable;
import io.chainlens.security.Caller;
import io.chainlens.security.LeadRights;
import io.chainlens.security.NotPermitted;
import io.chainlens.web.GraphQlLimits;
import org.dataloader.DataLoader;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

/**
 * The reads of the pipeline: the leads a caller may see, their counts for everyone with a
 * login, the leads behind each gap and candidate, and the progress of the COUNT targets
 * whose rule is configured. Every list of a parent (a lead's company, products, chains)
 * is read in one batch.
 */
@Controller
class PipelineController {

	private final LeadReads leads;

	private final CompanyReads companies;

	private final ProductLookup products;

	private final GraphQlLimits limits;

	private final PipelineSettings settings;

	PipelineController(LeadReads leads, CompanyReads companies, ProductLookup products, BatchLoaderRegistry registry,
			GraphQlLimits limits, PipelineSettings settings) {
		this.leads = leads;
		registry.<String, List<LeadReads.Proposing>>forName("activeLeads")
			.registerMappedBatchLoader((productIds, env) -> Mono.fromCallable(() -> leads.activeByProduct(productIds)));
		registry.<String, Lead>forName("leadById")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> leads.leads(ids)));
		this.companies = companies;
		this.products = products;
		this.limits = limits;
		this.settings = settings;
	}

	/**
	 * The request's context key of the {@link LeadDigest.References} of its page of
	 * leads.
	 */
	private static final String REFERENCES = PipelineController.class.getName() + ".references";

	record PageInfo(boolean hasNextPage, String endCursor) {
	}

	record LeadEdge(String cursor, Lead node) {
	}

	record LeadConnection(List<LeadEdge> edges, PageInfo pageInfo, long totalCount) {
	}

	record LeadCount(Chain chain, LeadStage stage, long count) {
	}

	/**
	 * A lead of a gap, by id: the lead itself is read only when a request asks for more.
	 */
	record GapLead(String leadId, LeadStage stage, Double capacity, boolean counted) {
	}

	record GapPipeline(List<GapLead> leads, Double addedCapacity, Double closedShare, int leadsOfUnknownCapacity) {
	}

	/** A target's progress: the rule in words, its count and share, and how it counts. */
	record PipelineProgress(String rule, int count, double share, PipelineSettings.TargetRule counting, int year) {
	}

	@QueryMapping
	LeadConnection leads(@Argument String chainId, @Argument LeadStage stage, @Argument Integer first,
			@Argument String after, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
		Caller caller = Caller.current();
		LeadRights.requireReader(caller, "leads", chainId);
		int size = limits.checkFirst(first == null ? 20 : first);
		Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after);
		// a list that shows no lead's history or contacts (the board, the bench's page)
		// does not read them
		boolean withLog = selection.contains("edges/node/history") || selection.contains("edges/node/contacts");
		LeadReads.Page page = leads.page(Readable.of(caller), chainId, stage, size, cursor, withLog);
		context.put(REFERENCES, page.references());
		List<LeadEdge> edges = page.leads()
			.stream()
			.map(l -> new LeadEdge(new Cursor(l.created(), l.id()).encode(), l))
			.toList();
		return new LeadConnection(edges,
				new PageInfo(page.hasNext(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
				page.total());
	}

	@QueryMapping
	Lead lead(@Argument String id) {
		Caller caller = Caller.current();
		LeadRights.requireReader(caller, "lead");
		Lead lead = leads.lead(id).orElse(null);
		if (lead != null && !LeadRights.mayRead(caller, lead.chainIds())) {
			throw new NotPermitted(caller.describe() + " may not read lead '" + id + "': it is of chains "
					+ lead.chainIds() + ", none of which this login leads");
		}
		return lead;
	}

	@QueryMapping
	List<LeadCount> leadCounts(@Argument String chainId) {
		LeadRights.requireCounter(Caller.current(), "leadCounts");
		List<LeadReads.Count> counts = leads.counts(chainId);
		Map<String, Chain> chains = chains(counts.stream().map(LeadReads.Count::chainId).toList());
		return counts.stream().map(c -> new LeadCount(chains.get(c.chainId()), c.stage(), c.count())).toList();
	}

	@BatchMapping(typeName = "Lead", field = "company")
	List<Company> company(List<Lead> list, GraphQLContext context) {
		Map<String, Company> found = referred(context, r -> r.companies, list, Lead::companyId, companies::companies);
		return list.stream().map(l -> found.get(l.companyId())).toList();
	}

	/**
	 * What the leads refer to by {@code id}: kept with the digest that gave this request
	 * its page of leads (each read once per graph version), or read when the leads came
	 * another way.
	 */
	private static <P, T> Map<String, T> referred(GraphQLContext context,
			Function<LeadDigest.References, Map<String, T>> kept, List<P> parents, Function<P, String> id,
			Function<List<String>, Map<String, T>> read) {
		List<String> ids = parents.stream().map(id).filter(Objects::nonNull).distinct().toList();
		LeadDigest.References references = context.get(REFERENCES);
		return references == null ? read.apply(ids) : LeadDigest.References.lookUp(kept.apply(references), ids, read);
	}

	@BatchMapping(typeName = "Lead", field = "chains")
	List<List<Chain>> chainsOfLead(List<Lead> list) {
		Map<String, Chain> found = chains(list.stream().flatMap(l -> l.chainIds().stream()).distinct().toList());
		return list.stream().map(l -> l.chainIds().stream().map(found::get).toList()).toList();
	}

	@BatchMapping(typeName = "Lead", field = "owner")
	List<GovUnit> owner(List<Lead> list, GraphQLContext context) {
		Map<String, GovUnit> found = referred(context, r -> r.owners, list, Lead::ownerUnitId,
				ids -> leads.byIds(LeadReads.UNITS, ids, r -> GovUnit.of(r.get("g"))));
		return list.stream().map(l -> found.get(l.ownerUnitId())).toList();
	}

	@BatchMapping(typeName = "Lead", field = "region")
	List<Region> region(List<Lead> list) {
		Map<String, Region> found = leads.byIds("MATCH (r:Region) WHERE r.id IN $ids RETURN r.id AS key, r",
				list.stream().map(Lead::regionId).distinct().toList(), r -> Region.of(r.get("r")));
		return list.stream().map(l -> found.get(l.regionId())).toList();
	}

	@BatchMapping(typeName = "Lead", field = "project")
	Map<Lead, Project> project(List<Lead> list) {
		Map<Lead, Project> projects = new LinkedHashMap<>();
		for (Lead lead : list) {
			if (lead.projectId() != null) {
				companies.project(lead.projectId()).ifPresent(p -> projects.put(lead, p));
			}
		}
		return projects;
	}

	@BatchMapping(typeName = "LeadProduct", field = "product")
	List<Product> productOfLead(List<Lead.Proposed> list, GraphQLContext context) {
		Map<String, Product> found = referred(context, r -> r.products, list, Lead.Proposed::productId, products::byId);
		return list.stream().map(p -> found.get(p.productId())).toList();
	}

	/**
	 * The leads of the gap's product, for a caller who may read the gap's chain's leads
	 * (null for the others: names and amounts are confidential). Gap.pipeline, Gap.leads
	 * and Gap.leadCount share one load of a request's gap products ({@code activeLeads}).
	 */
	@SchemaMapping(typeName = "Gap", field = "pipeline")
	CompletableFuture<GapPipeline> pipeline(Gap gap, DataLoader<String, List<LeadReads.Proposing>> activeLeads) {
		if (!mayReadLeadsOf(gap)) {
			return CompletableFuture.completedFuture(null);
		}
		return activeLeads.load(gap.product().id())
			.thenApply(active -> pipelineOf(gap, active == null ? List.of() : active));
	}

	@SchemaMapping(typeName = "Gap", field = "leads")
	CompletableFuture<List<GapLead>> leadsOfGap(Gap gap, DataLoader<String, List<LeadReads.Proposing>> activeLeads) {
		return pipeline(gap, activeLeads).thenApply(pipeline -> pipeline == null ? null : pipeline.leads());
	}

	/**
	 * The lead of a gap's lead: its id alone needs no read (the common case of a client
	 * linking to it); any other field reads the request's leads in one batch.
	 */
	@SchemaMapping(typeName = "GapLead", field = "lead")
	CompletableFuture<Lead> leadOfGapLead(GapLead gapLead, DataLoader<String, Lead> leadById,
			DataFetchingFieldSelectionSet selection) {
		if (selection.getImmediateFields()
			.stream()
			.allMatch(f -> f.getName().equals("id") || f.getName().equals("__typename"))) {
			return CompletableFuture.completedFuture(Lead.identifiedBy(gapLead.leadId()));
		}
		return leadById.load(gapLead.leadId());
	}

	private static boolean mayReadLeadsOf(Gap gap) {
		Caller caller = Caller.current();
		return !caller.isAnonymous() && LeadRights.mayRead(caller, List.of(gap.chain().id()));
	}

	static GapPipeline pipelineOf(Gap gap, List<LeadReads.Proposing> active) {
		List<GapLead> gapLeads = new ArrayList<>();
		double added = 0;
		int unknown = 0;
		int known = 0;
		for (LeadReads.Proposing lead : active) {
			Double capacity = lead.capacity();
			boolean counted = counted(gap.scenario(), lead.stage());
			gapLeads.add(new GapLead(lead.leadId(), lead.stage(), capacity, counted));
			if (!counted) {
				if (capacity == null) {
					unknown++;
				}
				else {
					added += capacity;
					known++;
				}
			}
		}
		gapLeads
			.sort(Comparator.comparing((GapLead g) -> g.stage().ordinal()).reversed().thenComparing(GapLead::leadId));
		Double addedCapacity = known == 0 && unknown > 0 ? null : added;
		return new GapPipeline(List.copyOf(gapLeads), addedCapacity, closedShare(gap, addedCapacity), unknown);
	}

	/** Whether the scenario's figures already hold a lead at this stage. */
	static boolean counted(Scenario scenario, LeadStage stage) {
		return switch (scenario) {
			case CURRENT -> stage == LeadStage.PRODUCTION;
			case PLANNED -> stage.reached(LeadStage.SIGNED);
			case PIPELINE -> stage.reached(LeadStage.PRELIMINARY);
		};
	}

	/**
	 * The share of a quantified shortfall the leads would close: for SHORTFALL and
	 * MISSING with a known demand and an exact capacity.
	 */
	private static Double closedShare(Gap gap, Double added) {
		if (added == null || (gap.kind() != GapKind.SHORTFALL && gap.kind() != GapKind.MISSING)) {
			return null;
		}
		Double demand = gap.localDemand();
		Double capacity = gap.kind() == GapKind.MISSING ? Double.valueOf(0) : gap.localCapacity();
		if (demand == null || capacity == null || gap.demandBound() == Bound.UNKNOWN
				|| (gap.kind() == GapKind.SHORTFALL && gap.capacityBound() != Bound.EXACT)) {
			return null;
		}
		double shortfall = demand - capacity;
		return shortfall <= 0 ? null : Math.min(1.0, added / shortfall);
	}

	@SchemaMapping(typeName = "Gap", field = "leadCount")
	CompletableFuture<Integer> leadCount(Gap gap, DataLoader<String, List<LeadReads.Proposing>> activeLeads) {
		if (Caller.current().isAnonymous()) {
			return CompletableFuture.completedFuture(null);
		}
		return activeLeads.load(gap.product().id()).thenApply(active -> active == null ? 0 : active.size());
	}

	/** The caller's readable active lead for the candidate's company and product. */
	@BatchMapping(typeName = "Candidate", field = "lead")
	Map<Candidate, Lead> leadOfCandidate(List<Candidate> candidates) {
		Caller caller = Caller.current();
		Map<Candidate, Lead> found = new LinkedHashMap<>();
		if (caller.isAnonymous()) {
			return found;
		}
		Map<String, List<Lead>> byKey = leads
			.activeByCompanyAndProduct(candidates.stream().map(PipelineController::key).distinct().toList());
		for (Candidate candidate : candidates) {
			byKey.getOrDefault(key(candidate), List.of())
				.stream()
				.filter(l -> LeadRights.mayRead(caller, l.chainIds()))
				.findFirst()
				.ifPresent(l -> found.put(candidate, l));
		}
		return found;
	}

	private static String key(Candidate candidate) {
		return candidate.company().id() + "/" + candidate.product().id();
	}

	@BatchMapping(typeName = "Target", field = "pipelineProgress")
	Map<Target, PipelineProgress> pipelineProgress(List<Target> targets) {
		Caller caller = Caller.current();
		Map<Target, PipelineProgress> result = new LinkedHashMap<>();
		// targets of one rule and year count the same leads: one count each
		Map<List<Object>, Long> counts = new HashMap<>();
		for (Target target : targets) {
			PipelineSettings.TargetRule rule = settings.targetRules().get(target.id());
			if (rule == null || caller.isAnonymous() || caller.roles().isEmpty()) {
				continue;
			}
			long count = counts.computeIfAbsent(Arrays.asList(rule.stage(), target.year(), rule.minInvestment()),
					k -> leads.countReachedInYear(rule.stage(), target.year(), rule.minInvestment()));
			result.put(target, new PipelineProgress(rule.describe(target.year()), (int) count,
					target.value() <= 0 ? 0 : count / target.value(), rule, target.year()));
		}
		return result;
	}

	/** The counted leads the caller may read, read only when asked for. */
	@SchemaMapping(typeName = "PipelineProgress", field = "leads")
	List<Lead> leadsOfProgress(PipelineProgress progress) {
		return leads.reachedInYear(progress.counting().stage(), progress.year(), progress.counting().minInvestment(),
				Readable.of(Caller.current()));
	}

	private Map<String, Chain> chains(List<String> ids) {
		return leads.byIds("MATCH (c:Chain) WHERE c.id IN $ids RETURN c.id AS key, c", Set.copyOf(ids),
				r -> Chain.of(r.get("c")));
	}

}
