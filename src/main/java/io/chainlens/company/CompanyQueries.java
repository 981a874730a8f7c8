package io.chainlens.company;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.chainlens.database.Batched;
import io.chainlens.database.GraphState;

/**
 * Reads companies and what they make; every nested list is read for many parents in one
 * query.
 */
@Repository
@Transactional(readOnly = true)
class CompanyQueries {

	/**
	 * Cypher true when company {@code c} has a site in the focus region
	 * ({@code $region}).
	 */
	// a seat (headquarters, registered office) in the region makes an organisation local
	// as
	// much as a site does
	static final String LOCAL = """
			(EXISTS { MATCH (c)-[:HAS_SITE]->(:Site)-[:IN_REGION]->(r:Region) WHERE %1$s }
			 OR EXISTS { MATCH (c)-[:HEADQUARTERED_IN]->(r:Region) WHERE %1$s })""".formatted(FocusRegion.IN_FOCUS);

	private final Neo4jClient neo4j;

	private final Map<String, Object> region;

	CompanyQueries(Neo4jClient neo4j, FocusRegion focus) {
		this.neo4j = neo4j;
		this.region = Map.of("region", focus.region());
	}

	Optional<Company> company(String id) {
		return neo4j.query("MATCH (c:Company {id: $id}) RETURN c")
			.bind(id)
			.to("id")
			.fetchAs(Company.class)
			.mappedBy((t, r) -> Company.of(r.get("c")))
			.one();
	}

	/**
	 * Full-text search over Chinese and English names and aliases; an exact name or alias
	 * ranks first. Falls back to a substring match for text the analyzer drops, such as a
	 * stop word.
	 */
	List<Found> search(String text, int first) {
		Map<String, Object> params = new HashMap<>(region);
		params
			.putAll(Map.of("query", luceneQuery(text), "text", text, "limit", Math.max(first * 5, 50), "first", first));
		List<Found> found = found(
				"""
						CALL db.index.fulltext.queryNodes('company_names', $query, {limit: $limit}) YIELD node, score
						WITH node, score
						     + CASE WHEN node.nameZh = $text OR toLower(node.name) = toLower($text)
						                 OR any(a IN node.aliases WHERE toLower(a) = toLower($text)) THEN 100 ELSE 0 END
						     + CASE WHEN node.nameZh STARTS WITH $text OR toLower(node.name) STARTS WITH toLower($text) THEN 10 ELSE 0 END
						     AS rank
						WITH node AS c, rank ORDER BY rank DESC, c.id LIMIT $first
						""",
				params);
		if (!found.isEmpty()) {
			return found;
		}
		return found("""
				MATCH (c:Company)
				WHERE c.nameZh CONTAINS $text OR toLower(c.name) CONTAINS toLower($text)
				   OR any(a IN c.aliases WHERE toLower(a) CONTAINS toLower($text))
				WITH c, -size(c.nameZh) AS rank ORDER BY rank DESC, c.id LIMIT $first
				""", params);
	}

	/**
	 * A company found, with whether it is local: the list pages of the API show it beside
	 * each name, and reading it here saves a second round trip per search.
	 */
	record Found(Company company, boolean local) {
	}

	private List<Found> found(String match, Map<String, Object> params) {
		return neo4j.query(match + """
				RETURN c, %s AS local ORDER BY rank DESC, c.id""".formatted(LOCAL))
			.bindAll(params)
			.fetchAs(Found.class)
			.mappedBy((t, r) -> new Found(Company.of(r.get("c")), r.get("local").asBoolean()))
			.all()
			.stream()
			.toList();
	}

	/**
	 * Every word of the text as a quoted Lucene phrase, so that input is never query
	 * syntax: not punctuation, not the operators AND, OR, NOT.
	 */
	static String luceneQuery(String text) {
		StringBuilder query = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			if (query.length() > 0) {
				query.append(' ');
			}
			query.append('"').append(word.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return query.toString();
	}

	Map<String, Company> companiesById(Collection<String> ids) {
		return single("MATCH (c:Company) WHERE c.id IN $ids RETURN c.id AS key, c", ids, r -> Company.of(r.get("c")));
	}

	/** The graph's version ({@link GraphState}); empty when no write path wrote one. */
	Optional<GraphState.Version> version() {
		return GraphState.read(neo4j);
	}

	Map<String, Boolean> local(Collection<String> companyIds) {
		return single("MATCH (c:Company) WHERE c.id IN $ids RETURN c.id AS key, %s AS local".formatted(LOCAL),
				companyIds, r -> r.get("local").asBoolean());
	}

	Map<String, List<Production>> productionsOfCompanies(Collection<String> companyIds) {
		return grouped("""
				MATCH (c:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p:Product) WHERE c.id IN $ids
				WITH s, m, p, c.id AS key ORDER BY p.id, s.id, m.status
				""" + Production.COLUMNS + ", key", companyIds, Production::of);
	}

	Map<String, List<Production>> productionsOfSites(Collection<String> siteIds) {
		return grouped("""
				MATCH (s:Site)-[m:MAKES]->(p:Product) WHERE s.id IN $ids
				WITH s, m, p, s.id AS key ORDER BY p.id, m.status
				""" + Production.COLUMNS + ", key", siteIds, Production::of);
	}

	/**
	 * A product's lines, local ones first, then by capacity (unknown last): at most
	 * {@code limit} per product. Only the lines kept get their columns (the region walk
	 * of each), so a product made at thousands of sites costs one sort, not thousands of
	 * rows.
	 */
	Map<String, List<Production>> producers(Collection<String> productIds, int limit) {
		// the focus region's tree is read once, not walked up from each of a product's
		// sites; each line's company, site and region are expanded once, for the sort and
		// the columns alike (a second expansion of the kept lines was a third of the
		// query's db hits at LARGE)
		return grouped("""
				OPTIONAL MATCH (f:Region) WHERE f.id = $region OR f.nameZh = $region
				OPTIONAL MATCH (f)<-[:PART_OF*0..4]-(fr:Region)
				WITH collect(DISTINCT fr) AS focus
				MATCH (p:Product) WHERE p.id IN $ids
				CALL (p, focus) {
				  MATCH (co:Company)-[:HAS_SITE]->(s:Site)-[m:MAKES]->(p), (s)-[:IN_REGION]->(r:Region)
				  WITH co, s, m, r, r IN focus AS local
				  ORDER BY local DESC, coalesce(m.capacity, -1) DESC, s.id, m.status
				  LIMIT $limit
				  RETURN co, s, m, r, local
				}
				""" + Production.returned("local") + """
				, p.id AS key
				ORDER BY key, local DESC, coalesce(capacity, -1) DESC, siteId, status
				""", productIds, Map.of("limit", limit), Production::of);
	}

	/** Columns of a site, for {@code s} (Site) and {@code key} in scope. */
	static final String SITE_COLUMNS = """
			MATCH (c:Company)-[:HAS_SITE]->(s)-[:IN_REGION]->(r:Region)
			RETURN key, s, c.id AS companyId, %s AS region, CASE r.level WHEN 'DISTRICT' THEN r.nameZh END AS district
			""".formatted(FocusRegion.CITY_OF_R);

	Optional<Production> production(String siteId, String productId, String status) {
		return neo4j.query("""
				MATCH (s:Site {id: $siteId})-[m:MAKES {status: $status}]->(p:Product {id: $productId})
				WITH s, m, p
				""" + Production.COLUMNS)
			.bindAll(Map.of("siteId", siteId, "productId", productId, "status", status, "region", region.get("region")))
			.fetchAs(Production.class)
			.mappedBy((t, r) -> Production.of(r))
			.one();
	}

	Map<String, Project> projectsById(Collection<String> projectIds) {
		return single("""
				MATCH (pr:Project) WHERE pr.id IN $ids
				WITH pr, pr.id AS key
				""" + Project.COLUMNS + ", key", projectIds, Project::of);
	}

	Map<String, Platform> platformsById(Collection<String> platformIds) {
		return single("""
				MATCH (pl:Platform) WHERE pl.id IN $ids
				WITH pl, pl.id AS key
				""" + Platform.COLUMNS + ", key", platformIds, Platform::of);
	}

	/** A company with its sites, their productions, products and the products' chains. */
	record Card(Company company, List<CardSite> sites) {
	}

	record CardSite(Site site, List<CardProduction> productions) {
	}

	record CardProduction(Production production, Product product, List<Chain> chains) {
	}

	/**
	 * The company card in one query: what the batch mappings of {@code Company.sites},
	 * {@code Site.productions}, {@code Production.product} and {@code Product.chains}
	 * read in four, with the same rows in the same order. {@code withPlaces} false when
	 * the request asks for neither a site's nor a production's region, district or
	 * {@code local}: those are then left out (empty, null, false) instead of walking the
	 * region tree up from every site, the larger part of the card's cost in Neo4j.
	 */
	Optional<Card> card(String id, boolean withChains, boolean withPlaces) {
		Map<String, Object> params = new HashMap<>(region);
		params.put("id", id);
		// Maps of the properties the records read rather than whole nodes, and the
		// company once rather than with every production: less for Neo4j to write and
		// for the driver to read (the card was half as dear again in Neo4j as the same
		// answer from @neo4j/graphql, issue #17). The chains' subquery is written only
		// when asked for: switched off by a CASE, Neo4j evaluates it as an expression
		// with a plan of its own for every production instead of planning it with the
		// rest.
		return neo4j
			.query("""
					MATCH (c:Company {id: $id})
					RETURN c {.id, .name, .nameZh, .aliases, .source} AS c, COLLECT {
					  MATCH (c)-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(r:Region)
					  WITH s, %s AS region, %s AS district, %s AS local
					  RETURN {s: s {.id, .nameZh, .source}, region: region, district: district, local: local, productions: COLLECT {
					    MATCH (s)-[m:MAKES]->(p:Product)
					    RETURN {capacity: m.capacity, unit: m.unit, status: m.status, source: m.source, year: m.year,
					            writtenAs: m.writtenAs, conversion: m.conversion, p: p {.id, .name, .nameZh, .unit, .source}%s
					           } AS production ORDER BY p.id, m.status
					  }} AS site ORDER BY s.id
					} AS sites"""
				.formatted(withPlaces ? FocusRegion.CITY_OF_R : "''",
						withPlaces ? "CASE r.level WHEN 'DISTRICT' THEN r.nameZh END" : "null",
						withPlaces ? FocusRegion.IN_FOCUS : "false", withChains ? """
								, chains: COLLECT {
								              MATCH (p)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(ch:Chain)
								              WITH DISTINCT ch ORDER BY ch.id RETURN ch {.id, .name, .nameZh, .source}
								            }""" : ""))
			.bindAll(params)
			.fetchAs(Card.class)
			.mappedBy((t, r) -> card(Company.of(r.get("c")), r.get("sites")))
			.one();
	}

	private static Card card(Company company, Value sites) {
		return new Card(company, sites.asList(s -> {
			Site site = site(s.get("s"), company.id(), s);
			boolean local = s.get("local").asBoolean();
			return new CardSite(site, s.get("productions").asList(m -> {
				Product product = Product.of(m.get("p"));
				List<Chain> chains = m.get("chains").isNull() ? List.of() : m.get("chains").asList(Chain::of);
				return new CardProduction(Production.of(m, product.id(), local, company, site), product, chains);
			}));
		}));
	}

	Map<String, List<Site>> sites(Collection<String> companyIds) {
		return grouped("MATCH (co:Company)-[:HAS_SITE]->(s:Site) WHERE co.id IN $ids WITH s, co.id AS key "
				+ SITE_COLUMNS + " ORDER BY s.id", companyIds, CompanyQueries::site);
	}

	Map<String, Site> sitesById(Collection<String> siteIds) {
		return single("MATCH (s:Site) WHERE s.id IN $ids WITH s, s.id AS key " + SITE_COLUMNS, siteIds,
				CompanyQueries::site);
	}

	static Site site(MapAccessor r) {
		return site(r.get("s"), r.get("companyId").asString(), r);
	}

	/** The site {@code s}, with where it lies read from {@code where}. */
	private static Site site(Value s, String companyId, MapAccessor where) {
		return new Site(s.get("id").asString(), s.get("nameZh").asString(null), companyId,
				where.get("region").asString(), where.get("district").asString(null), s.get("source").asString(""));
	}

	Map<String, Region> headquarters(Collection<String> companyIds) {
		return single("""
				MATCH (c:Company)-[:HEADQUARTERED_IN]->(r:Region) WHERE c.id IN $ids
				RETURN c.id AS key, r""", companyIds, r -> Region.of(r.get("r")));
	}

	Map<String, List<Project>> projectsOfCompanies(Collection<String> companyIds) {
		return grouped("""
				MATCH (pr:Project)-[:BY]->(c:Company) WHERE c.id IN $ids
				WITH pr, c.id AS key ORDER BY pr.id
				""" + Project.COLUMNS + ", key", companyIds, Project::of);
	}

	Map<String, List<Project>> projectsOfChains(Collection<String> chainIds) {
		return grouped("""
				MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)-[:HAS_PRODUCT]->(:Product)<-[:FOR_PRODUCT]-(pr:Project)
				WHERE c.id IN $ids
				WITH DISTINCT pr, c.id AS key ORDER BY pr.id
				""" + Project.COLUMNS + ", key", chainIds, Project::of);
	}

	Map<String, List<String>> productIdsOfProjects(Collection<String> projectIds) {
		return grouped("""
				MATCH (pr:Project)-[:FOR_PRODUCT]->(p:Product) WHERE pr.id IN $ids
				RETURN pr.id AS key, p.id AS productId ORDER BY p.id""", projectIds,
				r -> r.get("productId").asString());
	}

	Map<String, List<Platform>> platformsOfCompanies(Collection<String> companyIds) {
		return grouped("""
				MATCH (pl:Platform)-[:OPERATED_BY]->(c:Company) WHERE c.id IN $ids
				WITH pl, c.id AS key ORDER BY pl.id
				""" + Platform.COLUMNS + ", key", companyIds, Platform::of);
	}

	Map<String, List<Platform>> platformsOfChains(Collection<String> chainIds) {
		return grouped("""
				MATCH (c:Chain) WHERE c.id IN $ids
				MATCH (pl:Platform)-[:SUPPORTS]->(x) WHERE x = c OR (c)-[:HAS_SEGMENT]->(x)
				WITH DISTINCT pl, c.id AS key ORDER BY pl.id
				""" + Platform.COLUMNS + ", key", chainIds, Platform::of);
	}

	Map<String, List<Platform>> platformsOfSegments(Collection<String> segmentIds) {
		return grouped("""
				MATCH (pl:Platform)-[:SUPPORTS]->(s:Segment) WHERE s.id IN $ids
				WITH pl, s.id AS key ORDER BY pl.id
				""" + Platform.COLUMNS + ", key", segmentIds, Platform::of);
	}

	/**
	 * Every chain a company takes part in: it makes one of the chain's products, builds
	 * or co-develops a project for one, or runs a platform supporting the chain or one of
	 * its segments.
	 */
	Map<String, List<Chain>> chainsOfCompanies(Collection<String> companyIds) {
		return grouped(
				"""
						MATCH (co:Company) WHERE co.id IN $ids
						CALL (co) {
						  MATCH (co)-[:HAS_SITE]->(:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(c:Chain)
						  RETURN c
						  UNION
						  MATCH (co)<-[:BY]-(:Project)-[:FOR_PRODUCT]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(c:Chain)
						  RETURN c
						  UNION
						  MATCH (co)<-[:OPERATED_BY]-(:Platform)-[:SUPPORTS]->(c:Chain)
						  RETURN c
						  UNION
						  MATCH (co)<-[:OPERATED_BY]-(:Platform)-[:SUPPORTS]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain)
						  RETURN c
						}
						RETURN co.id AS key, c ORDER BY c.id""",
				companyIds, r -> Chain.of(r.get("c")));
	}

	/**
	 * The group links of companies: {@code up} the companies they are units of, otherwise
	 * their own units.
	 */
	Map<String, List<GroupLink>> groupLinks(Collection<String> companyIds, boolean up) {
		String pattern = up ? "(c)-[g:GROUP_UNIT_OF]->(o:Company)" : "(c)<-[g:GROUP_UNIT_OF]-(o:Company)";
		return grouped("MATCH " + pattern + """
				 WHERE c.id IN $ids
				RETURN c.id AS key, o, g ORDER BY o.id""", companyIds,
				r -> new GroupLink(Company.of(r.get("o")), r.get("g").get("kind").asString(),
						r.get("g").get("share").isNull() ? null : r.get("g").get("share").asDouble(),
						r.get("g").get("source").asString(""), r.get("g").get("note").asString(null)));
	}

	/**
	 * The other companies of each company's group: every company reached through control
	 * links (subsidiary, branch) in either direction (a parent, its other units, their
	 * units), and the direct partners of a joint venture, which do not join the partners'
	 * own groups with each other.
	 */
	Map<String, List<Company>> groupMembers(Collection<String> companyIds) {
		return grouped("""
				MATCH g = (c:Company)-[:GROUP_UNIT_OF*1..6]-(o:Company) WHERE c.id IN $ids AND o <> c
				  AND (length(g) = 1 OR none(x IN relationships(g) WHERE x.kind = 'JOINT_VENTURE'))
				RETURN DISTINCT c.id AS key, o ORDER BY o.id""", companyIds, r -> Company.of(r.get("o")));
	}

	List<Institution> institutions() {
		return neo4j.query("MATCH (i:Institution) RETURN i ORDER BY i.id")
			.fetchAs(Institution.class)
			.mappedBy((t, r) -> Institution.of(r.get("i")))
			.all()
			.stream()
			.toList();
	}

	/** Every platform, or those supporting one chain or one of its segments. */
	List<Platform> platforms(String chainId) {
		return neo4j.query("""
				MATCH (pl:Platform)
				WHERE $chainId IS NULL OR EXISTS { (pl)-[:SUPPORTS]->(:Chain {id: $chainId}) }
				   OR EXISTS { (pl)-[:SUPPORTS]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) }
				WITH pl ORDER BY pl.id
				""" + Platform.COLUMNS)
			.bindAll(Collections.singletonMap("chainId", chainId))
			.fetchAs(Platform.class)
			.mappedBy((t, r) -> Platform.of(r))
			.all()
			.stream()
			.toList();
	}

	/**
	 * The companies and institutions responsible for each policy item (责任单位 that are not
	 * government units), as {@link Company} or {@link Institution}.
	 */
	Map<String, List<Object>> responsibleOrganisations(Collection<String> itemIds) {
		return grouped("""
				MATCH (o)-[:RESPONSIBLE_FOR]->(i:PolicyItem) WHERE i.id IN $ids AND (o:Company OR o:Institution)
				RETURN i.id AS key, o, o:Company AS company ORDER BY o.id""", itemIds,
				r -> r.get("company").asBoolean() ? Company.of(r.get("o")) : Institution.of(r.get("o")));
	}

	Map<String, List<Project>> projectsOfItems(Collection<String> itemIds) {
		return grouped("""
				MATCH (pr:Project)-[:UNDER_ITEM]->(it:PolicyItem) WHERE it.id IN $ids
				WITH pr, it.id AS key ORDER BY pr.id
				""" + Project.COLUMNS + ", key", itemIds, Project::of);
	}

	Map<String, List<Platform>> platformsOfItems(Collection<String> itemIds) {
		return grouped("""
				MATCH (pl:Platform)-[:UNDER_ITEM]->(it:PolicyItem) WHERE it.id IN $ids
				WITH pl, it.id AS key ORDER BY pl.id
				""" + Platform.COLUMNS + ", key", itemIds, Platform::of);
	}

	Map<String, Region> regionsOfInstitutions(Collection<String> institutionIds) {
		return single("""
				MATCH (i:Institution)-[:IN_REGION]->(r:Region) WHERE i.id IN $ids
				RETURN i.id AS key, r""", institutionIds, r -> Region.of(r.get("r")));
	}

	Map<String, List<Platform>> platformsOfInstitutions(Collection<String> institutionIds) {
		return grouped("""
				MATCH (pl:Platform)-[:OPERATED_BY]->(i:Institution) WHERE i.id IN $ids
				WITH pl, i.id AS key ORDER BY pl.id
				""" + Platform.COLUMNS + ", key", institutionIds, Platform::of);
	}

	/** The developers of each project, the lead developer first. */
	Map<String, List<Company>> developers(Collection<String> projectIds) {
		return grouped("""
				MATCH (pr:Project)-[by:BY]->(c:Company) WHERE pr.id IN $ids
				RETURN pr.id AS key, c ORDER BY coalesce(by.position, 0), c.id""", projectIds,
				r -> Company.of(r.get("c")));
	}

	/**
	 * A chain's companies, local ones first, then by id: at most {@code limit} per chain.
	 * The local ones are found walking down from the focus region, the others in the
	 * order of the company id index until enough are found, so that a chain of a national
	 * register costs a page, not the register.
	 */
	Map<String, List<Company>> companiesOfChains(Collection<String> chainIds, int limit) {
		return grouped("""
				MATCH (c:Chain) WHERE c.id IN $ids
				CALL (c) {
				  MATCH (f:Region)<-[:PART_OF*0..4]-(r:Region) WHERE f.id = $region OR f.nameZh = $region
				  CALL (r) {
				    MATCH (r)<-[:IN_REGION]-(:Site)<-[:HAS_SITE]-(co:Company) RETURN co
				    UNION
				    MATCH (r)<-[:HEADQUARTERED_IN]-(co:Company) RETURN co
				  }
				  WITH DISTINCT co WHERE EXISTS { %s }
				  WITH co ORDER BY co.id LIMIT $limit
				  RETURN collect(co) AS locals
				}
				CALL (c, locals) {
				  MATCH (co:Company) WHERE co.id IS NOT NULL AND NOT co IN locals AND EXISTS { %s }
				  WITH co ORDER BY co.id LIMIT $limit
				  RETURN collect(co) AS others
				}
				UNWIND (locals + others)[..$limit] AS co
				RETURN c.id AS key, co""".formatted(MAKES_FOR_CHAIN, MAKES_FOR_CHAIN), chainIds, Map.of("limit", limit),
				r -> Company.of(r.get("co")));
	}

	/** A company {@code co} has a site making a product of the chain {@code c}. */
	private static final String MAKES_FOR_CHAIN = """
			MATCH (co)-[:HAS_SITE]->(:Site)-[:MAKES]->(:Product)<-[:HAS_PRODUCT]-(:Segment)<-[:HAS_SEGMENT]-(c)""";

	private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Map<String, Object> params,
			Function<Record, T> mapper) {
		Map<String, Object> all = new java.util.HashMap<>(region);
		all.putAll(params);
		return Batched.grouped(neo4j, cypher, ids, all, mapper);
	}

	private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		return Batched.grouped(neo4j, cypher, ids, region, mapper);
	}

	private <T> Map<String, T> single(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		return Batched.single(neo4j, cypher, ids, region, mapper);
	}

}
