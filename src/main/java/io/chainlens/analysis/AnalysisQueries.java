package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.chain.Chain;
import io.chainlens.chain.FocusRegion;
import io.chainlens.chain.Product;
import io.chainlens.chain.Region;
import io.chainlens.chain.Segment;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;
import io.chainlens.database.Batched;
import io.chainlens.database.CypherScript;
import io.chainlens.database.GraphState;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

/**
 * Reads what the analysis computes on. The Cypher lives in {@code cypher/analysis/};
 * every query is parameterised and runs once per request, whatever the number of chains,
 * products or companies.
 */
@Repository
@Transactional(readOnly = true)
class AnalysisQueries {

	private static final String STRUCTURE = cypher("structure");

	private static final String PRODUCT_GRAPH = cypher("product-graph");

	private static final String LOCAL_PRODUCTION = cypher("local-production");

	private static final String LOCAL_PRODUCTION_OF_SITES = cypher("local-production-of-sites");

	private static final String SEGMENT_PLATFORMS = cypher("segment-platforms");

	private static final String PRODUCT_TARGETS = cypher("product-targets");

	private static final String CANDIDATES = cypher("candidates");

	private static final String PROXIMITY = cypher("proximity");

	private static final String COMPANY_LINKS = cypher("company-links");

	/** Another product a candidate makes, and whether the focus region makes it. */
	record OtherProduct(String id, String nameZh, boolean local) {
	}

	/**
	 * A supply link of a candidate with a local company; supplies = the candidate is the
	 * supplier.
	 */
	record SupplyTie(String partner, String product, boolean supplies) {
	}

	/** A company making the product outside the focus region and not inside it. */
	record CandidateRow(String productId, Company company, double capacity, double operating, int unknownSites,
			int knownSites, List<OtherProduct> others, int localSites, List<String> localProducts,
			List<SupplyTie> supplyTies, String notAttractable, Region headquarters, List<String> siteRegions,
			List<String> localProjects) {

		/** This row with the figures of its lines of the product as read again. */
		CandidateRow with(Figures figures) {
			return new CandidateRow(productId, company, figures.capacity(), figures.operating(), figures.unknown(),
					figures.known(), others, localSites, localProducts, supplyTies, notAttractable, headquarters,
					siteRegions, localProjects);
		}

	}

	/**
	 * A company's lines of one product, summed as candidates.cypher sums a candidate's:
	 * capacity and operating capacity of the lines of known capacity, and how many lines
	 * are of known and unknown capacity.
	 */
	record Figures(double capacity, double operating, int unknown, int known) {
	}

	/** Companies making both p and q, p, and q; and whether the focus region makes q. */
	record ProximityRow(String productId, String otherId, String otherName, long both, long makersOfP, long makersOfQ,
			boolean local) {

		double phi() {
			return (double) both / Math.max(makersOfP, makersOfQ);
		}

	}

	/** A supply link of the company in {@code key} with company {@code other}. */
	record LinkRow(Company other, Product product, CompanyLink.Direction direction, CompanyLink.Kind kind,
			String source, boolean otherLocal) {
	}

	private final Neo4jClient neo4j;

	private final FocusRegion focus;

	AnalysisQueries(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.focus = focus;
	}

	/** Every observed supply link as {@code supplierId/customerId/productId}. */
	Set<String> observedSupplyLinks() {
		return Set.copyOf(neo4j.query("""
				MATCH (s:Company)-[l:SUPPLIES]->(c:Company)
				RETURN s.id + '/' + c.id + '/' + l.productId AS key""").fetchAs(String.class).all());
	}

	/** The products an active (not dropped) lead proposes. */
	Set<String> productsWithActiveLeads() {
		return Set.copyOf(neo4j.query("""
				MATCH (l:Lead)-[:PROPOSES]->(p:Product) WHERE l.stage <> 'DROPPED'
				RETURN DISTINCT p.id AS id""").fetchAs(String.class).all());
	}

	/**
	 * The id of the region a request names (id or Chinese name, its full or short form);
	 * the focus region's configured name when it names none.
	 * @throws NotFound when no region has that name
	 * @throws BadArgument when several do
	 */
	String regionOf(String text) {
		// the focus region as configured needs no query (and is one cache entry)
		if (text == null || text.isBlank() || text.strip().equals(focus.region())) {
			return focus.region();
		}
		String name = text.strip();
		List<Map<String, Object>> found = List.copyOf(neo4j.query("""
				MATCH (r:Region)
				WHERE r.id = $text OR r.nameZh = $text OR r.nameZh STARTS WITH $text + '('
				   OR r.nameZh CONTAINS '(' + $text + ')'
				RETURN r.id AS id, r.nameZh AS nameZh ORDER BY r.id LIMIT 10""").bind(name).to("text").fetch().all());
		if (found.isEmpty()) {
			throw new NotFound("There is no region '" + name + "' (argument 'region'); give a region id such as "
					+ "baotou-qingshan or a Chinese name such as 青山区");
		}
		if (found.size() > 1 && found.stream().noneMatch(r -> name.equals(r.get("id")))) {
			throw new BadArgument("region", "'" + name + "' names several regions: "
					+ found.stream().map(r -> (String) r.get("id")).toList() + "; give the region id");
		}
		return found.stream()
			.filter(r -> name.equals(r.get("id")))
			.findFirst()
			.orElse(found.get(0))
			.get("id")
			.toString();
	}

	/** Whether a region key is the configured focus region's (its name or id). */
	boolean isFocus(String region) {
		return region.equals(focus.region());
	}

	/**
	 * The chains, products and product graph, which every region's local graph shares at
	 * one version of the graph.
	 */
	LocalGraph.Catalogue catalogue() {
		Map<String, LocalGraph.ChainInfo> chains = new LinkedHashMap<>();
		Map<String, LocalGraph.SegmentInfo> segments = new LinkedHashMap<>();
		each(STRUCTURE, Map.of(), r -> {
			Chain chain = Chain.of(r.get("c"));
			LocalGraph.ChainInfo chainInfo = chains.computeIfAbsent(chain.id(),
					id -> new LocalGraph.ChainInfo(chain, new ArrayList<>()));
			Segment segment = Segment.of(r.get("s"));
			LocalGraph.SegmentInfo segmentInfo = segments.computeIfAbsent(segment.id(), id -> {
				LocalGraph.SegmentInfo created = new LocalGraph.SegmentInfo(segment, chain, new ArrayList<>());
				chainInfo.segments().add(created);
				return created;
			});
			segmentInfo.products().addAll(r.get("products").asList(Product::of));
		});
		List<LocalGraph.Feed> feeds = new ArrayList<>();
		List<LocalGraph.Yield> yields = new ArrayList<>();
		each(PRODUCT_GRAPH, Map.of(), r -> {
			if ("FEEDS".equals(r.get("type").asString())) {
				feeds.add(new LocalGraph.Feed(r.get("fromId").asString(), r.get("toId").asString(),
						number(r.get("factor")), r.get("writtenAs").asString(null), r.get("source").asString(null)));
			}
			else {
				yields.add(new LocalGraph.Yield(r.get("fromId").asString(), r.get("toId").asString(),
						r.get("factor").asDouble(), r.get("source").asString(null)));
			}
		});
		return new LocalGraph.Catalogue(List.copyOf(chains.values()), feeds, yields);
	}

	/**
	 * The local graph of a region (id or Chinese name) on the catalogue: its sites, and
	 * the platforms and targets of its documents. Targets and platforms without a region
	 * belong to the focus region's policy document, so another region is read with its
	 * own located platforms and no targets.
	 */
	LocalGraph localGraph(String regionKey, LocalGraph.Catalogue catalogue) {
		return localGraph(regionKey, catalogue, null);
	}

	/**
	 * The local graph of a region holding only the lines of {@code productIds} (all when
	 * null): what one chain's balances read ({@link LocalGraph.Catalogue#linesForChain}).
	 */
	LocalGraph localGraph(String regionKey, LocalGraph.Catalogue catalogue, Set<String> productIds) {
		Map<String, Object> region = Map.of("region", regionKey);
		String regionName = list("""
				MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
				RETURN f.nameZh AS name ORDER BY f.id LIMIT 1""", region, r -> r.get("name").asString(regionKey))
			.stream()
			.findFirst()
			.orElse(regionKey);
		Map<String, Object> params = new HashMap<>(region);
		params.put("products", productIds == null ? null : List.copyOf(productIds));
		Lines lines = lines(LOCAL_PRODUCTION, params);
		return new LocalGraph(regionKey, regionName, catalogue, lines.makes(), platforms(regionKey), targets(regionKey),
				lines.groups());
	}

	/**
	 * Local lines with the group links of their companies, per company.
	 */
	record Lines(List<LocalGraph.Make> makes, Map<String, Set<String>> groups) {
	}

	/**
	 * The lines of the sites of {@code siteIds} that lie in the region, as
	 * {@link #localGraph} reads a region's lines; none for a site outside it.
	 */
	Lines linesOfSites(String regionKey, Collection<String> siteIds) {
		return lines(LOCAL_PRODUCTION_OF_SITES, Map.of("region", regionKey, "siteIds", List.copyOf(siteIds)));
	}

	private Lines lines(String cypher, Map<String, Object> params) {
		Map<String, Set<String>> groups = new LinkedHashMap<>();
		List<LocalGraph.Make> makes = new ArrayList<>();
		each(cypher, params, r -> {
			Company company = Company.of(r.get("co"));
			for (Value line : r.get("lines").values()) {
				makes.add(make(company, line));
			}
			List<String> group = r.get("groupIds").asList(Value::asString);
			if (!group.isEmpty()) {
				groups.putIfAbsent(company.id(), Set.copyOf(group));
			}
		});
		makes.sort(LocalGraph.READ_ORDER);
		return new Lines(makes, groups);
	}

	/**
	 * The platforms supporting segments for a region: the focus region's policy
	 * document's all, another region's those located in it.
	 */
	List<LocalGraph.PlatformSupport> platforms(String regionKey) {
		return list(SEGMENT_PLATFORMS, Map.of("region", regionKey, "all", isFocus(regionKey)),
				r -> new LocalGraph.PlatformSupport(r.get("segmentId").asString(), r.get("id").asString(),
						r.get("nameZh").asString(), r.get("kind").asString(), r.get("status").asString(null)));
	}

	/**
	 * The targets per product of a region: the focus region's document's, none elsewhere.
	 */
	List<Target> targets(String regionKey) {
		return isFocus(regionKey) ? list(PRODUCT_TARGETS, Map.of(), Target::of) : List.of();
	}

	/**
	 * The lines of the products in each of the regions (its sites and those of the
	 * regions under it), by region id in the order given: what a comparison of the
	 * regions needs of a chain, without each region's whole local graph.
	 */
	Map<String, List<LocalGraph.Make>> makesInRegions(Collection<String> productIds, List<String> regionIds) {
		Map<String, List<LocalGraph.Make>> result = new LinkedHashMap<>();
		regionIds.forEach(id -> result.put(id, new ArrayList<>()));
		each("""
				MATCH (p:Product) WHERE p.id IN $ids
				MATCH (p)<-[m:MAKES]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region)
				WHERE g.id IN $regions
				MATCH (co:Company)-[:HAS_SITE]->(s)
				RETURN g.id AS region, co, s.id AS siteId, p.id AS productId, m.status AS status,
				       m.capacity AS capacity, m.source AS source, m.year AS year
				ORDER BY region, co.id, siteId, productId, status""",
				Map.of("ids", List.copyOf(productIds), "regions", regionIds),
				r -> result.get(r.get("region").asString()).add(make(Company.of(r.get("co")), r)));
		return result;
	}

	/**
	 * A capacity line of the company, from {@code siteId}, {@code productId},
	 * {@code status}, {@code capacity}, {@code source} and {@code year}.
	 */
	private static LocalGraph.Make make(Company company, MapAccessor line) {
		return new LocalGraph.Make(company, line.get("siteId").asString(), line.get("productId").asString(),
				line.get("status").asString(), number(line.get("capacity")),
				LocalGraph.Make.isEstimate(line.get("source").asString(null)),
				line.get("year").isNull() ? null : line.get("year").asInt());
	}

	/** The Chinese names of regions by id (an id not found is absent). */
	Map<String, String> regionNames(Collection<String> regionIds) {
		Map<String, String> names = new LinkedHashMap<>();
		each("MATCH (g:Region) WHERE g.id IN $regions RETURN g.id AS id, g.nameZh AS name",
				Map.of("regions", List.copyOf(regionIds)),
				r -> names.put(r.get("id").asString(), r.get("name").asString()));
		return names;
	}

	/** The graph's version; empty when none has been written. */
	Optional<GraphState.Version> version() {
		return GraphState.read(neo4j);
	}

	/** What the writes between two versions touched, if each of them said. */
	Optional<List<GraphState.Touched>> touchedBetween(GraphState.Version from, GraphState.Version to) {
		return GraphState.touchedBetween(neo4j, from, to);
	}

	/**
	 * Candidate rows per product id, for any number of products in one query;
	 * {@code madeHere}: the ids of the products the focus region makes (from the cached
	 * local graph: a set lookup here costs less than a list parameter tested per row).
	 */
	Map<String, List<CandidateRow>> candidates(Collection<String> productIds, Set<String> madeHere, String region) {
		return Batched.grouped(neo4j, CANDIDATES, productIds, Map.of("region", region),
				r -> new CandidateRow(r.get("key").asString(), Company.of(r.get("c")), r.get("capacity").asDouble(),
						r.get("operating").asDouble(), r.get("unknown").asInt(), r.get("known").asInt(),
						r.get("others")
							.asList(v -> new OtherProduct(v.get("id").asString(), v.get("nameZh").asString(),
									madeHere.contains(v.get("id").asString()))),
						r.get("localSites").size(), r.get("localProducts").asList(Value::asString),
						r.get("supplyLinks")
							.asList(v -> new SupplyTie(v.get("partner").asString(), v.get("product").asString(),
									v.get("supplies").asBoolean())),
						notAttractable(r),
						r.get("headquarters").isEmpty() ? null : Region.of(r.get("headquarters").get(0)),
						r.get("siteRegions").asList(Value::asString).stream().sorted().toList(),
						r.get("localProjects").asList(Value::asString)));
	}

	/**
	 * The figures of {@code productId} of the companies running the sites of
	 * {@code siteIds}, over all their lines of it: what a ranking's rows need again after
	 * a write changed those sites' figures (and nothing else).
	 */
	Map<String, Figures> figuresOfCompaniesAt(String productId, Collection<String> siteIds) {
		Map<String, Figures> figures = new LinkedHashMap<>();
		neo4j
			.query("""
					MATCH (p:Product {id: $productId})
					UNWIND $siteIds AS siteId
					MATCH (c:Company)-[:HAS_SITE]->(:Site {id: siteId})
					WITH DISTINCT p, c
					MATCH (c)-[:HAS_SITE]->(:Site)-[m:MAKES]->(p)
					WITH c, collect(m) AS makes
					RETURN c.id AS id,
					       reduce(total = 0.0, m IN makes | total + coalesce(m.capacity, 0.0)) AS capacity,
					       reduce(total = 0.0, m IN makes | total + CASE m.status WHEN 'OPERATING'
					                                                 THEN coalesce(m.capacity, 0.0) ELSE 0.0 END) AS operating,
					       size([m IN makes WHERE m.capacity IS NULL]) AS unknown,
					       size([m IN makes WHERE m.capacity IS NOT NULL]) AS known""")
			.bindAll(Map.of("productId", productId, "siteIds", List.copyOf(siteIds)))
			.fetch()
			.all()
			.forEach(r -> figures.put((String) r.get("id"),
					new Figures(((Number) r.get("capacity")).doubleValue(), ((Number) r.get("operating")).doubleValue(),
							((Number) r.get("unknown")).intValue(), ((Number) r.get("known")).intValue())));
		return figures;
	}

	/**
	 * Proximity rows per product id, for any number of products in one query;
	 * {@code madeHere} as for {@link #candidates}.
	 */
	Map<String, List<ProximityRow>> proximity(Collection<String> productIds, Set<String> madeHere) {
		return Batched.grouped(neo4j, PROXIMITY, productIds, Map.of(),
				r -> new ProximityRow(r.get("key").asString(), r.get("otherId").asString(),
						r.get("otherName").asString(), r.get("both").asLong(), r.get("makersOfP").asLong(),
						r.get("makersOfQ").asLong(), madeHere.contains(r.get("otherId").asString())));
	}

	/**
	 * Supply links per company id, potential and observed, for any number of companies in
	 * one query.
	 */
	Map<String, List<LinkRow>> links(Collection<String> companyIds) {
		return Batched.grouped(neo4j, COMPANY_LINKS, companyIds, Map.of("region", focus.region()),
				r -> new LinkRow(Company.of(r.get("d")), Product.of(r.get("product")),
						CompanyLink.Direction.valueOf(r.get("direction").asString()),
						CompanyLink.Kind.valueOf(r.get("kind").asString()), r.get("source").asString(null),
						r.get("local").asBoolean()));
	}

	/**
	 * The lines of some products across the regions of a level, per region id: every
	 * MAKES (any status; the balances filter by scenario) of a site lying in a region of
	 * that level, as {@link #localGraph} reads a region's own lines. A site placed only
	 * above the level is in none.
	 */
	Map<Region, List<LocalGraph.Make>> makesByRegion(Collection<String> productIds, String level) {
		Map<String, Region> regions = new LinkedHashMap<>();
		Map<Region, List<LocalGraph.Make>> result = new LinkedHashMap<>();
		each("""
				MATCH (p:Product) WHERE p.id IN $ids
				MATCH (p)<-[m:MAKES]-(s:Site)-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region {level: $level})
				MATCH (co:Company)-[:HAS_SITE]->(s)
				RETURN g, co, s.id AS siteId, p.id AS productId, m.status AS status, m.capacity AS capacity,
				       m.source AS source, m.year AS year
				ORDER BY g.id, co.id, siteId, productId, status""",
				Map.of("ids", List.copyOf(productIds), "level", level), r -> {
					Region region = regions.computeIfAbsent(r.get("g").get("id").asString(),
							id -> Region.of(r.get("g")));
					result.computeIfAbsent(region, k -> new ArrayList<>())
						.add(new LocalGraph.Make(Company.of(r.get("co")), r.get("siteId").asString(),
								r.get("productId").asString(), r.get("status").asString(), number(r.get("capacity")),
								LocalGraph.Make.isEstimate(r.get("source").asString(null)),
								r.get("year").isNull() ? null : r.get("year").asInt()));
				});
		return result;
	}

	private void each(String cypher, Map<String, Object> params, Consumer<Record> action) {
		neo4j.query(cypher).bindAll(params).fetchAs(Boolean.class).mappedBy((t, r) -> {
			action.accept(r);
			return Boolean.TRUE;
		}).all();
	}

	private <T> List<T> list(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
		List<T> result = new ArrayList<>();
		each(cypher, params, r -> result.add(mapper.apply(r)));
		return result;
	}

	/**
	 * Why a candidate row's company is not attractable for the row's product: its reason
	 * for that product, else its reason for every product; null when attractable.
	 */
	private static String notAttractable(Record r) {
		String product = r.get("key").asString();
		for (Value reason : r.get("notAttractableFor").values()) {
			if (product.equals(reason.get("productId").asString())) {
				return reason.get("reason").asString();
			}
		}
		return r.get("notAttractable").asString(null);
	}

	private static Double number(Value value) {
		return value.isNull() ? null : value.asDouble();
	}

	private static String cypher(String name) {
		return CypherScript.classpath("cypher/analysis/" + name + ".cypher").statements().get(0);
	}

}
