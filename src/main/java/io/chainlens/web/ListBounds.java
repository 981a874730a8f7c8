package io.chainlens.web;

import java.util.Map;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;

/**
 * How many items the cost model of {@link QueryLimits} counts for each list field that
 * has no page size ({@code first}). Each bound is what the field holds at most on the
 * seed graph with room to grow (a city's chains, a chain's stages, a company's sites).
 * The lists that grow with a national company register (a chain's companies, a product's
 * producers) take a page size instead. A list that holds more on some graph is still
 * bounded while it is answered: the answer's values are counted
 * ({@code chainlens.graphql.max-response-values}) and the request is stopped over that
 * limit. docs/security.md lists these bounds; a list field of the schema without a
 * {@code first} and without a bound here fails {@code QueryCostTest}.
 */
final class ListBounds {

	/** A field's bound, by {@code Type.field}. */
	static final Map<String, Integer> BOUNDS = Map.ofEntries(
			// the city's strategy: a few chains and policy items
			Map.entry("Query.chains", 10), Map.entry("Query.policyItems", 100),
			// one chain's products (balance answers one line per product of the chain)
			Map.entry("Query.balance", 500),
			// a chain's stages, units, targets, items, projects, platforms
			Map.entry("Chain.segments", 12), Map.entry("Chain.leadUnits", 10), Map.entry("Chain.responsibleUnits", 20),
			Map.entry("Chain.targets", 50), Map.entry("Chain.policyItems", 30), Map.entry("Chain.projects", 100),
			Map.entry("Chain.platforms", 50),
			// a stage's products (a national graph has ~70), its platforms
			Map.entry("Segment.products", 100), Map.entry("Segment.platforms", 20),
			// a product's chains, stages, FEEDS, co-products
			Map.entry("Product.chains", 5), Map.entry("Product.segments", 5), Map.entry("Product.inputs", 10),
			Map.entry("Product.outputs", 20), Map.entry("Product.coProducts", 5),
			// the units of one dimension and a product's own conversions
			Map.entry("Product.acceptedUnits", 20),
			// one company: lists of a write are at most 50 entries (aliases); its sites,
			// lines, projects and chains
			Map.entry("Company.aliases", 50), Map.entry("Company.sites", 20), Map.entry("Company.productions", 20),
			Map.entry("Company.projects", 20), Map.entry("Company.platforms", 10), Map.entry("Company.chains", 7),
			Map.entry("Company.suppliers", 50), Map.entry("Company.customers", 50), Map.entry("Company.links", 100),
			Map.entry("Site.productions", 20),
			// lists given in one write: at most 50 entries
			Map.entry("Project.products", 50), Map.entry("Platform.operators", 50), Map.entry("PolicyItem.chains", 7),
			Map.entry("PolicyItem.leadUnits", 10), Map.entry("PolicyItem.responsibleUnits", 20),
			Map.entry("Change.chainIds", 7),
			// the chains a platform supports, like a company's
			Map.entry("Platform.chains", 7),
			// the analysis: one sentence per part of a score; targets at stake of a gap
			Map.entry("Candidate.reasons", 10), Map.entry("Candidate.breakdown", 10),
			// the regions of a candidate's sites making the product: at most its sites
			Map.entry("Candidate.siteRegions", 20), Map.entry("Gap.targets", 20),
			// a product's local producers and consumers grow with the register
			Map.entry("ProductBalance.producers", 200), Map.entry("ProductBalance.consumers", 200),
			Map.entry("ProductBalance.demandBy", 20), Map.entry("DemandShare.consumers", 200),
			// what one company's sites feed
			Map.entry("Impact.affectedProducts", 50), Map.entry("Impact.before", 50),
			Map.entry("Impact.affectedCompanies", 200), Map.entry("Impact.steps", 200),
			Map.entry("LocalSupport.inputs", 100), Map.entry("Impact.affectedGroupUnits", 30),
			// every target, platform, institution and unit of the city's documents
			Map.entry("Query.targets", 100), Map.entry("Query.platforms", 100), Map.entry("Query.institutions", 50),
			Map.entry("Query.govUnits", 50), Map.entry("PolicyItem.targets", 20), Map.entry("PolicyItem.projects", 20),
			Map.entry("PolicyItem.platforms", 20), Map.entry("PolicyItem.responsibleOrganisations", 20),
			Map.entry("GovUnit.leads", 26), Map.entry("GovUnit.responsibleFor", 26),
			Map.entry("Institution.platforms", 10),
			// a company's group and a project's developers
			Map.entry("Company.groupParents", 3), Map.entry("Company.groupUnits", 10), Map.entry("Company.group", 10),
			Map.entry("Project.developers", 5),
			// a supply path of at most 6 hops: 7 products, 6 steps, a product's gap kinds
			Map.entry("SupplyPath.products", 7), Map.entry("SupplyPath.steps", 6), Map.entry("PathProduct.gaps", 6),
			// the region tree of a national graph: about 2,900 counties and districts
			Map.entry("Query.regions", 3000), Map.entry("RegionRank.leaders", 3),
			// a region matrix: its page of regions (at most max-page-size), a national
			// chain's
			// products, and a cell for each made pair
			Map.entry("RegionMatrix.regions", 100), Map.entry("RegionMatrix.products", 500),
			Map.entry("RegionMatrix.cells", 50000),
			// a cell's gap kinds: at most one of each kind
			Map.entry("RegionCell.gaps", 6),
			// a page of Query.companies: its first, at most max-page-size
			Map.entry("CompanyConnection.edges", 100),
			// the pages of the nested connections and the audit trail's: at most
			// max-page-size
			Map.entry("ProductionConnection.edges", 100), Map.entry("SiteConnection.edges", 100),
			Map.entry("ChangeConnection.edges", 100),
			// the pipeline: a lead names at most 20 products (LeadEditing.MAX_PRODUCTS)
			// of
			// at most all seven chains; its stages; contacts grow with the talks
			Map.entry("LeadConnection.edges", 100), Map.entry("Lead.products", 20), Map.entry("Lead.chains", 7),
			Map.entry("Lead.history", 7), Map.entry("Lead.contacts", 200), Map.entry("Query.leadCounts", 50),
			// gaps of every chain; the leads of one product; the leads a year's target
			// counts
			Map.entry("Query.gapsWithoutLeads", 500), Map.entry("GapPipeline.leads", 50), Map.entry("Gap.leads", 50),
			Map.entry("PipelineProgress.leads", 500));

	private ListBounds() {
	}

	/**
	 * The items the cost model counts for a list field without a page size; null for a
	 * field that has none here.
	 */
	static Integer bound(GraphQLFieldsContainer parent, GraphQLFieldDefinition field) {
		return BOUNDS.get(parent.getName() + "." + field.getName());
	}

}
