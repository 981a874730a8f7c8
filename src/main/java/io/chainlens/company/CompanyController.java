package io.chainlens.company;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;

import io.chainlens.chain.Chain;
import io.chainlens.chain.PolicyItem;
import io.chainlens.chain.Product;
import io.chainlens.chain.ProductLookup;
import io.chainlens.chain.Region;
import io.chainlens.chain.Segment;
import io.chainlens.web.BadArgument;
import io.chainlens.web.Primed;
import io.chainlens.web.Selected;
import io.chainlens.web.GraphQlLimits;
import reactor.core.publisher.Mono;

import static io.chainlens.database.Batched.byKey;
import static io.chainlens.database.Batched.ids;

@Controller
class CompanyController {

	private final CompanyQueries queries;

	private final ProductLookup products;

	private final GraphQlLimits limits;

	CompanyController(CompanyQueries queries, ChainCompanyPages chainCompanies, ProductLookup products,
			GraphQlLimits limits, BatchLoaderRegistry registry) {
		this.queries = queries;
		this.products = products;
		this.limits = limits;
		// Producers and a chain's companies take arguments (localOnly, first), which
		// batch
		// mappings cannot; a data loader keyed by the parent's id still reads all
		// parents'
		// lists in one query, each at most a page of the largest size, and every field
		// takes its own part of that.
		registry.<String, List<Production>>forName("producers")
			.registerMappedBatchLoader(
					(ids, env) -> Mono.fromCallable(() -> queries.producers(ids, limits.maxPageSize())));
		registry.<String, List<Company>>forName("chainCompanies")
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> chainCompanies.of(ids)));
	}

	@QueryMapping
	Company company(@Argument String id, DataFetchingEnvironment env) {
		if (!Selected.path(env, "sites", "productions")) {
			return queries.company(id).orElse(null);
		}
		// The company card (the map page's, and the usual way to browse) asks for sites,
		// their productions and products, and often the products' chains: one query reads
		// them all and hands them to the data loaders of those fields, which would
		// otherwise read them level by level, one round trip each.
		boolean withChains = Selected.path(env, "sites", "productions", "product", "chains");
		return queries.card(id, withChains, asksForPlaces(env)).map(card -> {
			Primed.prime(env, "Company.sites", card.company(),
					card.sites().stream().map(CompanyQueries.CardSite::site).toList());
			card.sites().forEach(site -> {
				Primed.prime(env, "Site.productions", site.site(),
						site.productions().stream().map(CompanyQueries.CardProduction::production).toList());
				site.productions().forEach(p -> {
					Primed.prime(env, "Production.product", p.production(), p.product());
					if (withChains) {
						Primed.prime(env, "Product.chains", p.product(), p.chains());
					}
				});
			});
			return card.company();
		}).orElse(null);
	}

	// whether anything in the request asks where a site lies: the card primes the
	// request's data loaders, so a site reached again through a production, or the same
	// company's sites reached by another path, would be answered from the card
	private static boolean asksForPlaces(DataFetchingEnvironment env) {
		return Selected.anywhereInRequest(env, PLACES);
	}

	private static final Set<String> PLACES = Set.of("region", "district", "local");

	@QueryMapping
	List<Company> searchCompanies(@Argument String text, @Argument Integer first, DataFetchingEnvironment env) {
		if (text == null || text.isBlank()) {
			throw new BadArgument("text", "must not be empty");
		}
		if (text.length() > 200) {
			throw new BadArgument("text", "must be at most 200 characters");
		}
		// an explicit null means the schema's default, as when first is left out
		List<CompanyQueries.Found> found = queries.search(text.strip(), limits.checkFirst(first == null ? 20 : first));
		// The search read whether each company is local; the batch mapping of the field
		// below then answers from the data loader's cache instead of asking again.
		found.forEach(f -> Primed.prime(env, "Company.local", f.company(), f.local()));
		return found.stream().map(CompanyQueries.Found::company).toList();
	}

	@BatchMapping
	Map<Company, Boolean> local(List<Company> companies) {
		return byKey(companies, Company::id, queries.local(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "Company", field = "productions")
	Map<Company, List<Production>> productionsOfCompanies(List<Company> companies) {
		return byKey(companies, Company::id, queries.productionsOfCompanies(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "Company", field = "projects")
	Map<Company, List<Project>> projectsOfCompanies(List<Company> companies) {
		return byKey(companies, Company::id, queries.projectsOfCompanies(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "Company", field = "platforms")
	Map<Company, List<Platform>> platformsOfCompanies(List<Company> companies) {
		return byKey(companies, Company::id, queries.platformsOfCompanies(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "Company", field = "chains")
	Map<Company, List<Chain>> chainsOfCompanies(List<Company> companies) {
		return byKey(companies, Company::id, queries.chainsOfCompanies(ids(companies, Company::id)));
	}

	@BatchMapping
	Map<Company, List<Site>> sites(List<Company> companies) {
		return byKey(companies, Company::id, queries.sites(ids(companies, Company::id)));
	}

	@BatchMapping
	Map<Company, Region> headquarters(List<Company> companies) {
		return byKey(companies, Company::id, queries.headquarters(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "SupplyLink", field = "supplier")
	Map<SupplyLink, Company> supplierOfLinks(List<SupplyLink> links) {
		return byKey(links, SupplyLink::supplierId, queries.companiesById(ids(links, SupplyLink::supplierId)));
	}

	@BatchMapping(typeName = "SupplyLink", field = "customer")
	Map<SupplyLink, Company> customerOfLinks(List<SupplyLink> links) {
		return byKey(links, SupplyLink::customerId, queries.companiesById(ids(links, SupplyLink::customerId)));
	}

	@BatchMapping(typeName = "SupplyLink", field = "product")
	Map<SupplyLink, Product> productOfLinks(List<SupplyLink> links) {
		return byKey(links, SupplyLink::productId, products.byId(ids(links, SupplyLink::productId)));
	}

	@BatchMapping(typeName = "Site", field = "company")
	Map<Site, Company> companyOfSites(List<Site> sites) {
		return byKey(sites, Site::companyId, queries.companiesById(ids(sites, Site::companyId)));
	}

	@BatchMapping(typeName = "Site", field = "productions")
	Map<Site, List<Production>> productionsOfSites(List<Site> sites) {
		return byKey(sites, Site::id, queries.productionsOfSites(ids(sites, Site::id)));
	}

	@BatchMapping(typeName = "Production", field = "product")
	Map<Production, Product> productOfProductions(List<Production> productions) {
		return byKey(productions, Production::productId, products.byId(ids(productions, Production::productId)));
	}

	@SchemaMapping(typeName = "Product", field = "producers")
	CompletableFuture<List<Production>> producers(Product product, @Argument Boolean localOnly, @Argument Integer first,
			DataLoader<String, List<Production>> producers) {
		int page = page(first);
		return producers.load(product.id())
			.thenApply(
					// an explicit null means the schema's default, false; local lines
					// come
					// first, so the local ones of a page are the first local ones
					all -> all == null ? List.of()
							: (Boolean.TRUE.equals(localOnly) ? all.stream().filter(Production::local) : all.stream())
								.limit(page)
								.toList());
	}

	/** {@code first} of a bounded list: the largest page when left out or null. */
	private int page(Integer first) {
		return (first == null) ? limits.maxPageSize() : limits.checkFirst(first);
	}

	@BatchMapping(typeName = "Project", field = "company")
	Map<Project, Company> companyOfProjects(List<Project> projects) {
		List<String> companyIds = projects.stream()
			.map(Project::companyId)
			.filter(id -> id != null)
			.distinct()
			.toList();
		Map<String, Company> companies = queries.companiesById(companyIds);
		Map<Project, Company> result = new LinkedHashMap<>();
		projects.stream()
			.filter(p -> companies.containsKey(p.companyId()))
			.forEach(p -> result.put(p, companies.get(p.companyId())));
		return result;
	}

	@QueryMapping
	List<Institution> institutions() {
		return queries.institutions();
	}

	@QueryMapping
	List<Platform> platforms(@Argument String chainId) {
		return queries.platforms(chainId);
	}

	@BatchMapping(typeName = "PolicyItem", field = "responsibleOrganisations")
	Map<PolicyItem, List<Object>> responsibleOrganisations(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.responsibleOrganisations(ids(items, PolicyItem::id)));
	}

	@BatchMapping(typeName = "PolicyItem", field = "projects")
	Map<PolicyItem, List<Project>> projectsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.projectsOfItems(ids(items, PolicyItem::id)));
	}

	@BatchMapping(typeName = "PolicyItem", field = "platforms")
	Map<PolicyItem, List<Platform>> platformsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.platformsOfItems(ids(items, PolicyItem::id)));
	}

	@BatchMapping(typeName = "Institution", field = "region")
	Map<Institution, Region> regionOfInstitutions(List<Institution> institutions) {
		return byKey(institutions, Institution::id, queries.regionsOfInstitutions(ids(institutions, Institution::id)));
	}

	@BatchMapping(typeName = "Institution", field = "platforms")
	Map<Institution, List<Platform>> platformsOfInstitutions(List<Institution> institutions) {
		return byKey(institutions, Institution::id,
				queries.platformsOfInstitutions(ids(institutions, Institution::id)));
	}

	@BatchMapping(typeName = "Project", field = "developers")
	Map<Project, List<Company>> developersOfProjects(List<Project> projects) {
		return byKey(projects, Project::id, queries.developers(ids(projects, Project::id)));
	}

	@BatchMapping(typeName = "Company", field = "groupParents")
	Map<Company, List<GroupLink>> groupParents(List<Company> companies) {
		return byKey(companies, Company::id, queries.groupLinks(ids(companies, Company::id), true));
	}

	@BatchMapping(typeName = "Company", field = "groupUnits")
	Map<Company, List<GroupLink>> groupUnits(List<Company> companies) {
		return byKey(companies, Company::id, queries.groupLinks(ids(companies, Company::id), false));
	}

	@BatchMapping(typeName = "Company", field = "group")
	Map<Company, List<Company>> group(List<Company> companies) {
		return byKey(companies, Company::id, queries.groupMembers(ids(companies, Company::id)));
	}

	@BatchMapping(typeName = "Project", field = "products")
	Map<Project, List<Product>> productsOfProjects(List<Project> projects) {
		Map<String, List<String>> productIds = queries.productIdsOfProjects(ids(projects, Project::id));
		Map<String, Product> byId = products
			.byId(productIds.values().stream().flatMap(List::stream).distinct().toList());
		Map<Project, List<Product>> result = new LinkedHashMap<>();
		projects
			.forEach(p -> result.put(p, productIds.getOrDefault(p.id(), List.of()).stream().map(byId::get).toList()));
		return result;
	}

	@SchemaMapping(typeName = "Chain", field = "companies")
	CompletableFuture<List<Company>> companiesOfChain(Chain chain, @Argument Integer first,
			DataLoader<String, List<Company>> chainCompanies) {
		int page = page(first);
		return chainCompanies.load(chain.id())
			.thenApply(all -> all == null ? List.of() : all.stream().limit(page).toList());
	}

	@BatchMapping(typeName = "Chain", field = "projects")
	Map<Chain, List<Project>> projectsOfChains(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.projectsOfChains(ids(chains, Chain::id)));
	}

	@BatchMapping(typeName = "Chain", field = "platforms")
	Map<Chain, List<Platform>> platformsOfChains(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.platformsOfChains(ids(chains, Chain::id)));
	}

	@BatchMapping(typeName = "Segment", field = "platforms")
	Map<Segment, List<Platform>> platformsOfSegments(List<Segment> segments) {
		return byKey(segments, Segment::id, queries.platformsOfSegments(ids(segments, Segment::id)));
	}

}
