package io.chainlens.editing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.editing.Inputs.CompanyUpdate;
import io.chainlens.editing.Inputs.NewCompany;
import io.chainlens.editing.Inputs.NewSite;
import io.chainlens.editing.Lookups.RegionRef;
import io.chainlens.security.Caller;
import io.chainlens.security.Role;
import io.chainlens.security.WriteRights;
import io.chainlens.web.BadArgument;

import static io.chainlens.editing.Lookups.appendSource;
import static io.chainlens.editing.Lookups.params;
import static io.chainlens.editing.Lookups.relink;

/**
 * Companies and their sites. A company belongs to the chains of what it makes and builds,
 * and to the chain it was added for; the lead of any of them may change it.
 */
@Service
class CompanyEditing {

	static final String CREATE = "createCompany";

	static final String UPDATE = "updateCompany";

	static final String CREATE_SITE = "createSite";

	private static final String COMPANY = """
			MATCH (c:Company {id: $id})
			RETURN c {.*, headquarters: COLLECT { MATCH (c)-[:HEADQUARTERED_IN]->(r) RETURN r.id }[0]} AS snapshot""";

	private static final String SITE = """
			MATCH (co:Company)-[:HAS_SITE]->(s:Site {id: $id})-[:IN_REGION]->(r:Region)
			RETURN s {.*, company: co.id, region: r.id} AS snapshot""";

	private static final String HEADQUARTERS = "MATCH (c:Company {id: $id})\n"
			+ relink("c", "HEADQUARTERED_IN", "()", "headquarters", false, "(t:Region {id: $headquarters})");

	private final Lookups lookups;

	private final AuditTrail audit;

	CompanyEditing(Lookups lookups, AuditTrail audit) {
		this.lookups = lookups;
		this.audit = audit;
	}

	@Transactional
	String createCompany(Caller caller, NewCompany in) {
		String nameZh = Check.text("nameZh", in.nameZh(), Check.NAME);
		String name = Check.text("name", in.name(), Check.NAME);
		String id = in.id() != null ? Check.id("id", in.id()) : Check.slug(name);
		if (id == null) {
			throw new BadArgument("id", "is required when the English name has no Latin letters to make it from");
		}
		var aliases = Check.aliases(in.aliases());
		String headquartersText = Check.optionalText("headquarters", in.headquarters(), Check.NAME);
		String chainId = Check.optionalId("chainId", in.chainId());
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());

		RegionRef headquarters = lookups.optionalRegion("headquarters", headquartersText);
		Map<String, String> chains = lookups.chains("chainId",
				chainId != null ? Set.of(chainId) : defaultChain(caller));
		WriteRights.requireEvery(caller, CREATE, "company '" + id + "'", chains);
		if (lookups.exists("Company", id)) {
			throw new BadArgument("id",
					"'" + id + "' is a company already; change it with updateCompany or choose " + "another id");
		}
		lookups.write("""
				CREATE (c:Company {id: $id, nameZh: $nameZh, name: $name, aliases: $aliases, source: $source,
				                   note: $note, addedFor: $addedFor})""",
				params("id", id, "nameZh", nameZh, "name", name, "aliases", aliases == null ? List.of() : aliases,
						"source", source, "note", note, "addedFor", chains.keySet().stream().findFirst().orElse(null)));
		lookups.write(HEADQUARTERS, params("id", id, "headquarters", headquarters == null ? null : headquarters.id()));
		audit.record(caller, CREATE, source,
				new Written("Company", id, null, lookups.snapshot(COMPANY, params("id", id)), chains.keySet()));
		return id;
	}

	/** A lead of one chain adds companies for it; anyone else says which chain. */
	private static Set<String> defaultChain(Caller caller) {
		WriteRights.requireWriter(caller, CREATE);
		if (caller.isAdmin()) {
			return Set.of();
		}
		if (caller.roles().contains(Role.CHAIN_LEAD) && caller.chains().size() == 1) {
			return caller.chains();
		}
		throw new BadArgument("chainId",
				"is required: say which of your chains " + caller.chains() + " the company is added for");
	}

	@Transactional
	String updateCompany(Caller caller, CompanyUpdate in) {
		String id = Check.id("id", in.id());
		String nameZh = Check.optionalText("nameZh", in.nameZh(), Check.NAME);
		String name = Check.optionalText("name", in.name(), Check.NAME);
		var aliases = Check.aliases(in.aliases());
		String headquartersText = Check.optionalText("headquarters", in.headquarters(), Check.NAME);
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());
		if (nameZh == null && name == null && aliases == null && headquartersText == null && note == null) {
			throw new BadArgument("input", "changes nothing: give nameZh, name, aliases, headquarters or note");
		}

		lookups.lock("Company", id);
		Map<String, String> chains = lookups.chainsOfCompany("id", id);
		WriteRights.requireAny(caller, UPDATE, "company '" + id + "'", chains);
		RegionRef headquarters = lookups.optionalRegion("headquarters", headquartersText);

		Map<String, Object> before = lookups.snapshot(COMPANY, params("id", id));
		lookups.write(
				"""
						MATCH (c:Company {id: $id})
						SET c.nameZh = coalesce($nameZh, c.nameZh), c.name = coalesce($name, c.name),
						    c.aliases = coalesce($aliases, c.aliases), c.note = coalesce($note, c.note), %s"""
					.formatted(appendSource("c")),
				params("id", id, "nameZh", nameZh, "name", name, "aliases", aliases, "note", note, "source", source));
		lookups.write(HEADQUARTERS, params("id", id, "headquarters", headquarters == null ? null : headquarters.id()));
		audit.record(caller, UPDATE, source,
				new Written("Company", id, before, lookups.snapshot(COMPANY, params("id", id)), chains.keySet()));
		return id;
	}

	@Transactional
	String createSite(Caller caller, NewSite in) {
		String companyId = Check.id("companyId", in.companyId());
		String regionText = Check.text("region", in.region(), Check.NAME);
		String givenId = Check.optionalId("id", in.id());
		String nameZh = Check.optionalText("nameZh", in.nameZh(), Check.NAME);
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());

		lookups.lock("Company", companyId);
		Map<String, String> chains = lookups.chainsOfCompany("companyId", companyId);
		WriteRights.requireAny(caller, CREATE_SITE, "company '" + companyId + "'", chains);
		RegionRef region = lookups.region("region", regionText);
		String id = givenId != null ? givenId : companyId + "-" + region.id();
		if (lookups.exists("Site", id)) {
			throw new BadArgument("id", "'" + id + "' is a site already; give another id, e.g. " + id + "-2");
		}
		lookups.write("""
				MATCH (co:Company {id: $companyId}), (r:Region {id: $regionId})
				CREATE (s:Site {id: $id, nameZh: $nameZh, source: $source, note: $note})
				CREATE (co)-[:HAS_SITE]->(s), (s)-[:IN_REGION]->(r)""", params("companyId", companyId, "regionId",
				region.id(), "id", id, "nameZh", nameZh, "source", source, "note", note));
		audit.record(caller, CREATE_SITE, source,
				new Written("Site", id, null, lookups.snapshot(SITE, params("id", id)), chains.keySet()));
		return id;
	}

}
