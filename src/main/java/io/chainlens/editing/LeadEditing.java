package io.chainlens.editing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.chain.FocusRegion;
import io.chainlens.database.GraphState;
import io.chainlens.editing.Inputs.LeadCompanyInput;
import io.chainlens.editing.Inputs.LeadContactInput;
import io.chainlens.editing.Inputs.LeadDrop;
import io.chainlens.editing.Inputs.LeadMove;
import io.chainlens.editing.Inputs.LeadProductInput;
import io.chainlens.editing.Inputs.NewLead;
import io.chainlens.editing.Lookups.ProductRef;
import io.chainlens.editing.Lookups.RegionRef;
import io.chainlens.pipeline.Lead;
import io.chainlens.pipeline.LeadReads;
import io.chainlens.pipeline.LeadStage;
import io.chainlens.security.Caller;
import io.chainlens.security.LeadRights;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

import static io.chainlens.editing.Lookups.params;

/**
 * 招商 leads (seed §20–§21): recorded, moved forward stage by stage, contacted, dropped. A
 * signed lead becomes the graph's facts the scenarios already read: a project of the
 * company at a site in the region, with a capacity line per product whose status follows
 * the stage (SIGNED planned, CONSTRUCTION under construction, PRODUCTION operating). The
 * lead's own records are audited as writes of no chain, so that only an ADMIN reads them
 * in the trail; the project, site and lines it makes are public facts of their chains.
 */
@Service
class LeadEditing {

	static final String CREATE = "createLead";

	static final String MOVE = "moveLead";

	static final String CONTACT = "addLeadContact";

	static final String DROP = "dropLead";

	/** The most products one lead names. */
	static final int MAX_PRODUCTS = 20;

	private static final String SNAPSHOT = """
			MATCH (l:Lead {id: $id})
			RETURN l {.*, nextStepDue: toString(l.nextStepDue),
			          company: COLLECT { MATCH (l)-[:ATTRACTS]->(c) RETURN c.id }[0],
			          owner: COLLECT { MATCH (l)-[:OWNED_BY]->(g) RETURN g.id }[0],
			          region: COLLECT { MATCH (l)-[:IN_REGION]->(r) RETURN r.id }[0],
			          project: COLLECT { MATCH (l)-[:BECAME]->(pr) RETURN pr.id }[0],
			          products: COLLECT { MATCH (l)-[m:PROPOSES]->(p) RETURN p.id + ' ' + coalesce(m.writtenAs, '?')
			                              ORDER BY p.id },
			          steps: COLLECT { MATCH (l)-[:STEP]->(s) RETURN s.stage + ' ' + toString(s.on) ORDER BY s.seq },
			          contacts: COUNT { (l)-[:CONTACT]->() }} AS snapshot""";

	private static final String PROJECT = """
			MATCH (pr:Project {id: $id})
			RETURN pr {.*, company: COLLECT { MATCH (pr)-[:BY]->(c) RETURN c.id }[0],
			           lines: COLLECT { MATCH (s:Site)-[m:MAKES {projectId: pr.id}]->(p)
			                            RETURN s.id + '/' + p.id + '/' + m.status + ' ' + coalesce(m.writtenAs, '?') }}
			       AS snapshot""";

	/**
	 * The seed project a lead of the seed was made from, and how many capacity lines it
	 * has of its own (a lead of the board has none).
	 */
	private static final String SEED_PROJECT = """
			MATCH (l:Lead {id: $id})
			OPTIONAL MATCH (pr:Project {id: l.seedProjectId})
			RETURN {project: pr.id, lines: COUNT { MATCH ()-[m:MAKES]->() WHERE pr IS NOT NULL AND m.projectId = pr.id }}
			       AS snapshot""";

	private final Lookups lookups;

	private final LeadReads leads;

	private final AuditTrail audit;

	private final FocusRegion focus;

	LeadEditing(Lookups lookups, LeadReads leads, AuditTrail audit, FocusRegion focus) {
		this.lookups = lookups;
		this.leads = leads;
		this.audit = audit;
		this.focus = focus;
	}

	/** A product of the input, checked, with its capacity in the product's unit. */
	private record Proposal(String productId, Double capacity, String unit, String writtenAs, String conversion) {
	}

	@Transactional
	String createLead(Caller caller, NewLead in) {
		String title = Check.text("title", in.title(), Check.NAME);
		String companyId = Check.optionalId("companyId", in.companyId());
		LeadCompanyInput newCompany = in.newCompany();
		if ((companyId == null) == (newCompany == null)) {
			throw new BadArgument("companyId", "or newCompany: give exactly one, the id of a company of the graph or "
					+ "the company to create with the lead");
		}
		String newCompanyId = null;
		String newNameZh = null;
		String newName = null;
		String headquartersText = null;
		if (newCompany != null) {
			newCompanyId = Check.id("newCompany.id", newCompany.id());
			newNameZh = Check.text("newCompany.nameZh", newCompany.nameZh(), Check.NAME);
			newName = Check.text("newCompany.name", newCompany.name(), Check.NAME);
			headquartersText = Check.optionalText("newCompany.headquarters", newCompany.headquarters(), Check.NAME);
		}
		List<LeadProductInput> products = productInputs(in.products());
		String ownerUnitId = Check.id("ownerUnitId", in.ownerUnitId());
		Double investment = investment(in.investment());
		LeadStage stage = in.stage() == null ? LeadStage.RESERVE : in.stage();
		if (stage != LeadStage.RESERVE && stage != LeadStage.PRELIMINARY) {
			throw new BadArgument("stage", "of a new lead is RESERVE or PRELIMINARY, not " + stage
					+ ": later stages are reached with moveLead, which makes the project and its capacity lines");
		}
		LocalDate on = date("on", in.on());
		String regionText = Check.optionalText("region", in.region(), Check.NAME);
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());

		Map<String, ProductRef> refs = lookups.products("products",
				products.stream().map(LeadProductInput::productId).toList());
		List<Proposal> proposals = proposals(products, refs);
		String company = companyId;
		if (companyId != null) {
			lookups.requireCompany("companyId", companyId);
		}
		else {
			if (lookups.exists("Company", newCompanyId)) {
				throw new BadArgument("newCompany.id",
						"'" + newCompanyId + "' is a company already: name it with companyId instead");
			}
			company = newCompanyId;
		}
		requireGovUnit(ownerUnitId);
		RegionRef headquarters = lookups.optionalRegion("newCompany.headquarters", headquartersText);
		RegionRef region = regionInFocus(regionText);
		Map<String, String> chains = new TreeMap<>();
		refs.values().forEach(p -> chains.putAll(p.chains()));
		String id = in.id() != null ? Check.id("id", in.id())
				: Check.slug("lead-" + company + "-" + products.get(0).productId());
		LeadRights.requireWriter(caller, CREATE, "lead '" + id + "'", chains);
		if (lookups.exists("Lead", id)) {
			throw new BadArgument("id", "'" + id + "' is a lead already; move it with moveLead or choose another id");
		}

		if (newCompany != null) {
			lookups.write("""
					CREATE (c:Company {id: $id, nameZh: $nameZh, name: $name, aliases: [], source: $source,
					                   addedFor: $addedFor})
					WITH c
					OPTIONAL MATCH (r:Region {id: $headquarters})
					FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END | CREATE (c)-[:HEADQUARTERED_IN]->(x))""",
					params("id", newCompanyId, "nameZh", newNameZh, "name", newName, "source", source, "addedFor",
							chains.keySet().iterator().next(), "headquarters",
							headquarters == null ? null : headquarters.id()));
			audit.record(caller, CREATE, source,
					new Written("Company", newCompanyId, null,
							params("id", newCompanyId, "nameZh", newNameZh, "name", newName, "createdWithLead", id),
							chains.keySet()));
		}
		lookups.write("""
				MATCH (c:Company {id: $companyId}), (g:GovUnit {id: $ownerUnitId}), (r:Region {id: $regionId})
				CREATE (l:Lead {id: $id, title: $title, stage: $stage, investment: $investment, ownerLogin: $login,
				                source: $source, note: $note, chainIds: $chainIds, created: timestamp()})
				CREATE (l)-[:ATTRACTS]->(c), (l)-[:OWNED_BY]->(g), (l)-[:IN_REGION]->(r)
				CREATE (l)-[:STEP]->(:LeadStep {stage: $stage, on: date($on), recordedBy: $login,
				                                recordedAt: datetime(), seq: 1})
				WITH l
				UNWIND $products AS each
				MATCH (p:Product {id: each.productId})
				CREATE (l)-[:PROPOSES {capacity: each.capacity, unit: each.unit, writtenAs: each.writtenAs,
				                       conversion: each.conversion}]->(p)""",
				params("id", id, "title", title, "stage", stage.name(), "investment", investment, "login",
						caller.name(), "source", source, "note", note, "chainIds", List.copyOf(chains.keySet()),
						"companyId", company, "ownerUnitId", ownerUnitId, "regionId", region.id(), "on", on.toString(),
						"products", proposals.stream().map(LeadEditing::asParams).toList()));
		lookups.write(LeadReads.REACHED_ON, params("id", id));
		audit.record(caller, CREATE, source,
				new Written("Lead", id, null, lookups.snapshot(SNAPSHOT, params("id", id)), Set.of()));
		return id;
	}

	@Transactional
	String moveLead(Caller caller, LeadMove in) {
		String id = Check.id("id", in.id());
		if (in.stage() == null) {
			throw new BadArgument("stage", "is required");
		}
		LeadStage stage = in.stage();
		LocalDate on = date("on", in.on());
		String siteId = Check.optionalId("siteId", in.siteId());
		Double investment = investment(in.investment());
		String note = Check.optionalNote(in.note());
		String source = Check.source(in.source());

		Lead current = locked(id);
		Map<String, String> chains = lookups.chains("id", current.chainIds());
		LeadRights.requireWriter(caller, MOVE, "lead '" + id + "'", chains);
		if (stage == LeadStage.DROPPED) {
			throw new BadArgument("stage", "DROPPED is recorded with dropLead, which asks for the reason");
		}
		requireActive(current);
		if (!current.stage().mayMoveTo(stage)) {
			throw new BadArgument("stage",
					"lead '" + id + "' is at " + current.stage() + " (" + current.stage().nameZh()
							+ ") and cannot move to " + stage + ": a lead moves forward only, RESERVE → PRELIMINARY → "
							+ "SIGNED → CONSTRUCTION → PRODUCTION (a stage may be skipped)");
		}
		requireNotBeforeLastStep(current, on);
		if (siteId != null && (!stage.reached(LeadStage.SIGNED) || current.stage().reached(LeadStage.SIGNED))) {
			throw new BadArgument("siteId", "is given only when the lead is signed (the move that reaches SIGNED "
					+ "or later from before it)");
		}

		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		String lineStatus = stage.lineStatus().orElse(null);
		if (stage.reached(LeadStage.SIGNED) && !current.stage().reached(LeadStage.SIGNED)) {
			sign(caller, current, lineStatus, siteId, on, source, chains);
		}
		else if (current.stage().reached(LeadStage.SIGNED)) {
			Map<String, Object> projectBefore = lookups.snapshot(PROJECT, params("id", current.projectId()));
			// the lines the lead made (leadId) and, for a lead of the seed,
			// its project's own lines (projectId)
			lookups.write("""
					MATCH (pr:Project {id: $projectId}) SET pr.status = $status
					WITH pr
					CALL (pr) {
					  MATCH ()-[m:MAKES {leadId: $id}]->() SET m.status = $status
					}
					CALL (pr) {
					  MATCH ()-[m:MAKES {projectId: pr.id}]->() SET m.status = $status
					}""", params("id", id, "projectId", current.projectId(), "status", lineStatus));
			audit.record(caller, MOVE, source, new Written("Project", current.projectId(), projectBefore,
					lookups.snapshot(PROJECT, params("id", current.projectId())), chains.keySet()));
		}
		lookups.write("""
				MATCH (l:Lead {id: $id})
				SET l.stage = $stage, l.investment = coalesce($investment, l.investment)
				WITH l, COUNT { (l)-[:STEP]->() } AS steps
				CREATE (l)-[:STEP]->(:LeadStep {stage: $stage, on: date($on), recordedBy: $login, note: $note,
				                                recordedAt: datetime(), seq: steps + 1})""", params("id", id, "stage",
				stage.name(), "investment", investment, "on", on.toString(), "login", caller.name(), "note", note));
		lookups.write(LeadReads.REACHED_ON, params("id", id));
		audit.record(caller, MOVE, source,
				new Written("Lead", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), Set.of()));
		return id;
	}

	/**
	 * Makes a signed lead's facts: a project of the company in the lead's region, a site
	 * (the one named, or a new one of the lead) and a capacity line per product.
	 */
	private void sign(Caller caller, Lead lead, String lineStatus, String siteId, LocalDate on, String source,
			Map<String, String> chains) {
		Map<String, Object> seed = lookups.snapshot(SEED_PROJECT, params("id", lead.id()));
		String seedProject = seed == null ? null : (String) seed.get("project");
		if (seedProject != null && ((Number) seed.get("lines")).longValue() > 0) {
			// a lead of the seed signs its project, whose capacity lines are the seed's
			if (siteId != null) {
				throw new BadArgument("siteId", "is not given for lead '" + lead.id() + "': its project " + seedProject
						+ " has its capacity lines already");
			}
			Map<String, Object> projectBefore = lookups.snapshot(PROJECT, params("id", seedProject));
			lookups.write("""
					MATCH (l:Lead {id: $id}), (pr:Project {id: $projectId})
					CREATE (l)-[:BECAME]->(pr)
					SET pr.status = $status
					WITH pr
					MATCH ()-[m:MAKES {projectId: pr.id}]->() SET m.status = $status""",
					params("id", lead.id(), "projectId", seedProject, "status", lineStatus));
			audit.record(caller, MOVE, source, new Written("Project", seedProject, projectBefore,
					lookups.snapshot(PROJECT, params("id", seedProject)), chains.keySet()));
			return;
		}
		String site = siteId;
		boolean newSite = siteId == null;
		if (siteId != null) {
			Map<String, Object> found = lookups.snapshot("""
					MATCH (:Company {id: $companyId})-[:HAS_SITE]->(s:Site {id: $siteId})-[:IN_REGION]->(r:Region)
					RETURN {inFocus: EXISTS { MATCH (r)-[:PART_OF*0..4]->(f:Region)
					                          WHERE f.id = $focus OR f.nameZh = $focus }} AS snapshot""",
					params("companyId", lead.companyId(), "siteId", siteId, "focus", focus.region()));
			boolean usable = found != null && Boolean.TRUE.equals(found.get("inFocus"));
			if (!usable) {
				throw new BadArgument("siteId", "'" + siteId + "' is no site of " + lead.companyId() + " in "
						+ focus.region() + "; leave it out to make a new site for the lead");
			}
		}
		else {
			site = lead.id() + "-site";
			if (lookups.exists("Site", site)) {
				throw new BadArgument("siteId",
						"is needed: the new site's id '" + site + "' is taken; name a site of the company");
			}
		}
		String projectId = seedProject;
		Map<String, Object> projectBefore = null;
		Lead.Proposed first = lead.products().get(0);
		if (seedProject != null) {
			// a lead of the seed whose project has no capacity lines: signing makes them
			projectBefore = lookups.snapshot(PROJECT, params("id", seedProject));
			lookups.write("MATCH (pr:Project {id: $projectId}) SET pr.status = $status",
					params("projectId", seedProject, "status", lineStatus));
		}
		else {
			projectId = lookups.exists("Project", lead.id()) ? lead.id() + "-lead" : lead.id();
			if (lookups.exists("Project", projectId)) {
				throw new BadArgument("id", "lead '" + lead.id() + "' cannot make its project: the ids " + lead.id()
						+ " and " + projectId + " are projects already");
			}
			lookups.write("""
					MATCH (l:Lead {id: $id})-[:ATTRACTS]->(c:Company), (l)-[:IN_REGION]->(r:Region)
					CREATE (pr:Project {id: $projectId, nameZh: l.title, name: l.title, status: $status,
					                    capacity: $capacity, unit: $unit, writtenAs: $writtenAs, source: $source,
					                    note: '招商线索 ' + l.id + ' 签约 ' + $on})
					CREATE (pr)-[:BY {position: 0}]->(c), (pr)-[:IN_REGION]->(r)
					WITH l, pr
					MATCH (l)-[:PROPOSES]->(p:Product) CREATE (pr)-[:FOR_PRODUCT]->(p)""",
					params("id", lead.id(), "projectId", projectId, "status", lineStatus, "capacity", first.capacity(),
							"unit", first.unit(), "writtenAs", first.writtenAs(), "source", source, "on",
							on.toString()));
		}
		lookups.write("""
				MATCH (l:Lead {id: $id})-[:ATTRACTS]->(c:Company), (l)-[:IN_REGION]->(r:Region),
				      (pr:Project {id: $projectId})
				CREATE (l)-[:BECAME]->(pr)
				WITH l, c, r, pr
				CALL (c, r, l) {
				  WITH c, r, l WHERE $newSite
				  CREATE (s:Site {id: $siteId, source: $source, leadId: l.id})
				  CREATE (c)-[:HAS_SITE]->(s), (s)-[:IN_REGION]->(r)
				}
				WITH l, pr
				MATCH (s:Site {id: $siteId})
				MATCH (l)-[x:PROPOSES]->(p:Product)
				CREATE (s)-[:MAKES {status: $status, capacity: x.capacity, unit: p.unit, writtenAs: x.writtenAs,
				                    conversion: x.conversion, source: $source, projectId: pr.id, leadId: l.id,
				                    note: '招商线索 ' + l.id}]->(p)""",
				params("id", lead.id(), "projectId", projectId, "status", lineStatus, "capacity", first.capacity(),
						"unit", first.unit(), "writtenAs", first.writtenAs(), "source", source, "on", on.toString(),
						"newSite", newSite, "siteId", site));
		lookups.write(GraphState.RECOUNT_MAKERS, params("productIds",
				lead.products().stream().map(Lead.Proposed::productId).toList(), "siteIds", List.of(site)));
		audit.record(caller, MOVE, source, new Written("Project", projectId, projectBefore,
				lookups.snapshot(PROJECT, params("id", projectId)), chains.keySet()));
	}

	@Transactional
	String addContact(Caller caller, LeadContactInput in) {
		String id = Check.id("leadId", in.leadId());
		LocalDate on = date("on", in.on());
		String who = Check.text("who", in.who(), Check.NAME);
		String agreed = Check.text("agreed", in.agreed(), Check.TEXT);
		String nextStep = Check.optionalText("nextStep", in.nextStep(), Check.TEXT);
		LocalDate due = in.due() == null || in.due().isBlank() ? null : parse("due", in.due());
		if (due != null && nextStep == null) {
			throw new BadArgument("due", "is the date of the next step: give nextStep with it");
		}
		if (due != null && due.isBefore(on)) {
			throw new BadArgument("due", "is " + due + ", before the contact's date " + on);
		}

		Lead current = locked(id);
		Map<String, String> chains = lookups.chains("leadId", current.chainIds());
		LeadRights.requireWriter(caller, CONTACT, "lead '" + id + "'", chains);
		requireActive(current);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		// the lead's next step is that of its newest contact naming one
		lookups
			.write("""
					MATCH (l:Lead {id: $id})
					WITH l, COLLECT { MATCH (l)-[:CONTACT]->(k) WHERE k.nextStep IS NOT NULL RETURN max(k.on) }[0] AS newest,
					     COUNT { (l)-[:CONTACT]->() } AS contacts
					CREATE (l)-[:CONTACT]->(:LeadContact {on: date($on), who: $who, agreed: $agreed, nextStep: $nextStep,
					                                      due: CASE WHEN $due IS NULL THEN null ELSE date($due) END,
					                                      recordedBy: $login, recordedAt: datetime(), seq: contacts + 1})
					WITH l, newest
					WHERE $nextStep IS NOT NULL AND (newest IS NULL OR date($on) >= newest)
					SET l.nextStep = $nextStep, l.nextStepDue = CASE WHEN $due IS NULL THEN null ELSE date($due) END""",
					params("id", id, "on", on.toString(), "who", who, "agreed", agreed, "nextStep", nextStep, "due",
							due == null ? null : due.toString(), "login", caller.name()));
		audit.record(caller, CONTACT, "contact of " + on + " recorded by " + caller.name(),
				new Written("Lead", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), Set.of()));
		return id;
	}

	@Transactional
	String dropLead(Caller caller, LeadDrop in) {
		String id = Check.id("id", in.id());
		String reason = Check.text("reason", in.reason(), Check.TEXT);
		LocalDate on = date("on", in.on());

		Lead current = locked(id);
		Map<String, String> chains = lookups.chains("id", current.chainIds());
		LeadRights.requireWriter(caller, DROP, "lead '" + id + "'", chains);
		requireActive(current);
		if (current.stage() == LeadStage.PRODUCTION) {
			throw new BadArgument("id", "lead '" + id + "' is in production (竣工投产) and is not dropped: its "
					+ "capacity lines are the company's, changed with setCapacity");
		}
		requireNotBeforeLastStep(current, on);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		Map<String, Object> seed = lookups.snapshot(SEED_PROJECT, params("id", id));
		String projectId = current.projectId() != null ? current.projectId()
				: seed == null ? null : (String) seed.get("project");
		if (projectId != null) {
			// a cancelled project adds no planned capacity: its lines (those
			// the lead made and, for a lead of the seed, its project's own),
			// its project and the site made for it go; the audit keeps them
			Map<String, Object> project = lookups.snapshot(PROJECT, params("id", projectId));
			lookups.write("MATCH ()-[m:MAKES {projectId: $projectId}]->() WHERE m.leadId IS NULL DELETE m",
					params("projectId", projectId));
			lookups.write("""
					MATCH (s:Site)-[m:MAKES {leadId: $id}]->() DELETE m
					WITH DISTINCT s
					WHERE s.leadId = $id AND NOT EXISTS { (s)-[:MAKES]->() }
					DETACH DELETE s""", params("id", id));
			lookups.write("MATCH (pr:Project {id: $projectId}) DETACH DELETE pr", params("projectId", projectId));
			lookups.write(GraphState.RECOUNT_MAKERS, params("productIds",
					current.products().stream().map(Lead.Proposed::productId).toList(), "siteIds", List.of()));
			audit.record(caller, DROP, "lead " + id + " dropped: " + reason,
					new Written("Project", projectId, project, null, chains.keySet()));
		}
		lookups.write("""
				MATCH (l:Lead {id: $id})
				SET l.droppedFrom = l.stage, l.stage = 'DROPPED', l.dropReason = $reason
				WITH l, COUNT { (l)-[:STEP]->() } AS steps
				CREATE (l)-[:STEP]->(:LeadStep {stage: 'DROPPED', on: date($on), recordedBy: $login, note: $reason,
				                                recordedAt: datetime(), seq: steps + 1})""",
				params("id", id, "reason", reason, "on", on.toString(), "login", caller.name()));
		audit.record(caller, DROP, "lead " + id + " dropped: " + reason,
				new Written("Lead", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), Set.of()));
		return id;
	}

	private Lead locked(String id) {
		if (!lookups.lock("Lead", id)) {
			throw new NotFound("lead", id);
		}
		return leads.lead(id).orElseThrow(() -> new NotFound("lead", id));
	}

	private static void requireActive(Lead lead) {
		if (lead.stage() == LeadStage.DROPPED) {
			throw new BadArgument("id", "lead '" + lead.id() + "' was dropped (" + lead.dropReason()
					+ "); a dropped lead stays as it is: record a new lead");
		}
	}

	private static void requireNotBeforeLastStep(Lead lead, LocalDate on) {
		Lead.Step last = lead.history().get(lead.history().size() - 1);
		if (on.isBefore(LocalDate.parse(last.on()))) {
			throw new BadArgument("on", "is " + on + ", before " + last.on() + ", when the lead reached " + last.stage()
					+ ": stages are dated in order");
		}
	}

	private void requireGovUnit(String id) {
		if (!lookups.exists("GovUnit", id)) {
			throw new NotFound("There is no government unit with id '" + id + "' (ownerUnitId)");
		}
	}

	/**
	 * The region named, which must lie in the focus region; the focus region itself by
	 * default.
	 */
	private RegionRef regionInFocus(String text) {
		RegionRef focusRegion = lookups.region("region", focus.region());
		if (text == null) {
			return focusRegion;
		}
		RegionRef region = lookups.region("region", text);
		Map<String, Object> inside = lookups.snapshot("""
				MATCH (r:Region {id: $id})
				RETURN {inside: EXISTS { MATCH (r)-[:PART_OF*0..4]->(:Region {id: $focus}) }} AS snapshot""",
				params("id", region.id(), "focus", focusRegion.id()));
		if (inside == null || !Boolean.TRUE.equals(inside.get("inside"))) {
			throw new BadArgument("region", "'" + text + "' is not in " + focusRegion.nameZh()
					+ ": a lead is for the focus region or one of its districts");
		}
		return region;
	}

	private static List<LeadProductInput> productInputs(List<LeadProductInput> products) {
		if (products == null || products.isEmpty()) {
			throw new BadArgument("products", "needs at least one product the company would make here");
		}
		if (products.size() > MAX_PRODUCTS) {
			throw new BadArgument("products", "has " + products.size() + " entries; at most " + MAX_PRODUCTS);
		}
		Set<String> seen = new HashSet<>();
		List<LeadProductInput> checked = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			LeadProductInput p = products.get(i);
			String field = "products[" + i + "]";
			if (p == null) {
				throw new BadArgument(field, "is null");
			}
			String productId = Check.id(field + ".productId", p.productId());
			if (!seen.add(productId)) {
				throw new BadArgument(field + ".productId", "'" + productId + "' is named twice");
			}
			Double capacity = Check.optionalAmount(field + ".capacity", p.capacity());
			String unit = Check.optionalText(field + ".unit", p.unit(), Check.UNIT);
			if (capacity != null && unit == null) {
				throw new BadArgument(field + ".unit", "is required with a capacity");
			}
			if (capacity == null && unit != null) {
				throw new BadArgument(field + ".capacity", "is required with a unit (leave both out when not known)");
			}
			checked.add(new LeadProductInput(productId, capacity, unit));
		}
		return checked;
	}

	private static List<Proposal> proposals(List<LeadProductInput> products, Map<String, ProductRef> refs) {
		List<Proposal> proposals = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			LeadProductInput p = products.get(i);
			ProductRef product = refs.get(p.productId());
			if (p.capacity() == null) {
				proposals.add(new Proposal(p.productId(), null, product.unit(), null, null));
				continue;
			}
			String field = "products[" + i + "]";
			String writtenAs = Units.writtenAs(p.capacity(), p.unit());
			double stored = Check.stored(field + ".capacity",
					p.capacity() * product.factorFrom(field + ".unit", p.unit()), product.unit(), writtenAs);
			proposals.add(new Proposal(p.productId(), stored, product.unit(), writtenAs,
					product.conversionFrom(p.unit()).map(c -> c.words()).orElse(null)));
		}
		return proposals;
	}

	private static Map<String, Object> asParams(Proposal p) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("productId", p.productId());
		map.put("capacity", p.capacity());
		map.put("unit", p.unit());
		map.put("writtenAs", p.writtenAs());
		map.put("conversion", p.conversion());
		return map;
	}

	private static Double investment(Double value) {
		Double amount = Check.optionalAmount("investment", value);
		return amount == null ? null : Check.stored("investment", amount, "亿元", Units.writtenAs(amount, "亿元"));
	}

	/** An ISO-8601 date no later than today; today when left out. */
	private static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return LocalDate.now();
		}
		LocalDate date = parse(field, text);
		if (date.isAfter(LocalDate.now())) {
			throw new BadArgument(field,
					"is " + date + ", a day still to come: record a stage or contact when it " + "happened");
		}
		return date;
	}

	private static LocalDate parse(String field, String text) {
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() < 1949 || date.getYear() > 2100) {
				throw new BadArgument(field, "must be a date between 1949 and 2100, not " + text.strip());
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new BadArgument(field, "must be an ISO-8601 date such as 2024-05-01, not '" + text.strip() + "'");
		}
	}

}
