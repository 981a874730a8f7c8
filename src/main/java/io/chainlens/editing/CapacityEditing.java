package io.chainlens.editing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.database.GraphState;
import io.chainlens.editing.Inputs.CapacityInput;
import io.chainlens.editing.Lookups.ProductRef;
import io.chainlens.editing.Lookups.RegionRef;
import io.chainlens.security.Caller;
import io.chainlens.security.WriteRights;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;

import static io.chainlens.editing.Lookups.params;

/** setCapacity: one capacity line of a company's site, in the product's unit. */
@Service
class CapacityEditing {

	static final String OPERATION = "setCapacity";

	private static final String SNAPSHOT = """
			MATCH (s:Site {id: $siteId})-[m:MAKES {status: $status}]->(p:Product {id: $productId})
			RETURN m {.*, site: s.id, product: p.id} AS snapshot""";

	private final Lookups lookups;

	private final Neo4jClient neo4j;

	private final AuditTrail audit;

	CapacityEditing(Lookups lookups, Neo4jClient neo4j, AuditTrail audit) {
		this.lookups = lookups;
		this.neo4j = neo4j;
		this.audit = audit;
	}

	/** The key of the capacity line written. */
	record Key(String siteId, String productId, String status) {
	}

	@Transactional
	Key setCapacity(Caller caller, CapacityInput in) {
		String companyId = Check.id("companyId", in.companyId());
		String productId = Check.id("productId", in.productId());
		String regionText = Check.text("region", in.region(), Check.NAME);
		double capacity = Check.amount("capacity", in.capacity());
		String unit = Check.text("unit", in.unit(), Check.UNIT);
		if (in.status() == null) {
			throw new BadArgument("status", "is required");
		}
		String source = Check.source(in.source());
		String siteId = Check.optionalId("siteId", in.siteId());
		Integer year = Check.year("year", in.year(), false);
		String note = Check.optionalNote(in.note());

		// every line of a company and its new sites are written one at a time
		lookups.lock("Company", companyId);
		lookups.requireCompany("companyId", companyId);
		ProductRef product = lookups.product("productId", productId);
		RegionRef region = lookups.region("region", regionText);
		WriteRights.requireEvery(caller, OPERATION, "product '" + productId + "'", product.chains());
		String writtenAs = Units.writtenAs(capacity, unit);
		double stored = Check.stored("capacity", capacity * product.factorFrom(unit), product.unit(), writtenAs);
		SiteChoice site = site(companyId, region, siteId);

		Key key = new Key(site.id(), productId, in.status().name());
		Map<String, Object> keyParams = params("siteId", key.siteId(), "productId", productId, "status", key.status());
		Map<String, Object> before = site.isNew() ? null : lookups.snapshot(SNAPSHOT, keyParams);
		if (site.isNew()) {
			// a site is the company's fact, not the product's: the company's chains
			// decide
			WriteRights.requireAny(caller, OPERATION,
					"company '" + companyId + "' (a new site in " + region.nameZh() + ")",
					lookups.chainsOfCompany("companyId", companyId));
			lookups.write("""
					MATCH (co:Company {id: $companyId}), (r:Region {id: $regionId})
					CREATE (s:Site {id: $siteId, source: $source})
					CREATE (co)-[:HAS_SITE]->(s), (s)-[:IN_REGION]->(r)""",
					params("companyId", companyId, "regionId", region.id(), "siteId", site.id(), "source", source));
		}
		Map<String, Object> write = params("capacity", stored, "writtenAs", writtenAs, "year", year, "source", source,
				"note", note, "byLead", !caller.isAdmin(), "conversion",
				product.conversionFrom(unit).map(c -> c.words()).orElse(null));
		write.putAll(keyParams);
		lookups.write("""
				MATCH (s:Site {id: $siteId}), (p:Product {id: $productId})
				MERGE (s)-[m:MAKES {status: $status}]->(p)
				ON CREATE SET m.addedByLead = CASE WHEN $byLead THEN true END
				SET m.capacity = $capacity, m.unit = p.unit, m.writtenAs = $writtenAs, m.year = $year,
				    m.source = $source, m.note = $note, m.conversion = $conversion""", write);
		// a new MAKES (or a new site of the company) may add a maker of the product
		lookups.write(GraphState.RECOUNT_MAKERS, params("productIds", List.of(productId), "siteIds", List.of()));
		Map<String, Object> after = new TreeMap<>(lookups.snapshot(SNAPSHOT, keyParams));
		if (site.isNew()) {
			after.put("newSite", Map.of("id", site.id(), "region", region.id()));
		}
		audit.record(caller, OPERATION, source,
				new Written("Production", key.siteId() + "/" + productId + "/" + key.status(), before, after,
						product.chains().keySet()),
				new GraphState.Touched(Set.of(key.siteId()), Set.of(productId), before == null));
		return key;
	}

	private record SiteChoice(String id, boolean isNew) {
	}

	private record CompanySite(String id, boolean inRegion, String regionName) {
	}

	/**
	 * The company's site in the region (or within it); a new one when there is none, and
	 * the one {@code siteId} names when there are several.
	 */
	private SiteChoice site(String companyId, RegionRef region, String siteId) {
		List<CompanySite> sites = List.copyOf(neo4j.query("""
				MATCH (:Company {id: $companyId})-[:HAS_SITE]->(s:Site)-[:IN_REGION]->(r:Region)
				RETURN s.id AS id, EXISTS { MATCH (r)-[:PART_OF*0..5]->(:Region {id: $regionId}) } AS inRegion,
				       r.nameZh AS regionName
				ORDER BY s.id""")
			.bindAll(params("companyId", companyId, "regionId", region.id()))
			.fetchAs(CompanySite.class)
			.mappedBy((t, r) -> new CompanySite(r.get("id").asString(), r.get("inRegion").asBoolean(),
					r.get("regionName").asString()))
			.all());
		List<String> inRegion = sites.stream().filter(CompanySite::inRegion).map(CompanySite::id).toList();
		if (siteId != null) {
			Optional<CompanySite> named = sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
			if (named.isPresent()) {
				if (!named.get().inRegion()) {
					throw new BadArgument("siteId", "'" + siteId + "' is in " + named.get().regionName() + ", not in "
							+ region.nameZh() + " (region)");
				}
				return new SiteChoice(siteId, false);
			}
			if (!inRegion.isEmpty()) {
				throw new BadArgument("siteId", "'" + siteId + "' is none of " + companyId + "'s sites in "
						+ region.nameZh() + ": " + inRegion);
			}
			if (lookups.exists("Site", siteId)) {
				throw new BadArgument("siteId", "'" + siteId + "' is a site of another company");
			}
			return new SiteChoice(siteId, true);
		}
		if (inRegion.size() > 1) {
			throw new BadArgument("siteId",
					"is needed: " + companyId + " has several sites in " + region.nameZh() + ": " + inRegion);
		}
		if (inRegion.size() == 1) {
			return new SiteChoice(inRegion.get(0), false);
		}
		String newId = companyId + "-" + region.id();
		if (lookups.exists("Site", newId)) {
			throw new BadArgument("siteId", "is needed: the new site's id '" + newId + "' is taken; give another");
		}
		return new SiteChoice(newId, true);
	}

}
