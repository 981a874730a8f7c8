package io.chainlens.editing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.editing.Inputs.NewProject;
import io.chainlens.editing.Inputs.ProjectStatusChange;
import io.chainlens.editing.Inputs.ProjectUpdate;
import io.chainlens.editing.Lookups.ProductRef;
import io.chainlens.editing.Lookups.RegionRef;
import io.chainlens.security.Caller;
import io.chainlens.security.WriteRights;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

import static io.chainlens.editing.Lookups.appendSource;
import static io.chainlens.editing.Lookups.params;
import static io.chainlens.editing.Lookups.relink;

/**
 * Projects: what is planned, under construction or operating. A project belongs to the
 * chains of its products; its status only moves forward.
 */
@Service
class ProjectEditing {

	static final String CREATE = "createProject";

	static final String UPDATE = "updateProject";

	static final String CHANGE_STATUS = "changeProjectStatus";

	private static final String SNAPSHOT = """
			MATCH (pr:Project {id: $id})
			RETURN pr {.*, company: COLLECT { MATCH (pr)-[:BY]->(c) RETURN c.id }[0],
			           productIds: COLLECT { MATCH (pr)-[:FOR_PRODUCT]->(p) RETURN p.id ORDER BY p.id },
			           region: COLLECT { MATCH (pr)-[:IN_REGION]->(r) RETURN r.id }[0],
			           item: COLLECT { MATCH (pr)-[:UNDER_ITEM]->(i) RETURN i.number }[0]} AS snapshot""";

	/** Replaces the links that are given ($companyId…), keeps the others. */
	private static final String LINKS = "MATCH (pr:Project {id: $id})\n"
			+ relink("pr", "BY", "()", "companyId", false, "(t:Company {id: $companyId})")
			+ relink("pr", "FOR_PRODUCT", "()", "productIds", true, "(t:Product {id: each})")
			+ relink("pr", "IN_REGION", "()", "regionId", false, "(t:Region {id: $regionId})")
			+ relink("pr", "UNDER_ITEM", "()", "item", false, "(t:PolicyItem {number: $item})")
			// the company a chain lead names gives it no right on the company
			+ "WITH pr WHERE $companyId IS NOT NULL AND $byLead MATCH (pr)-[b:BY]->() SET b.addedByLead = true";

	private final Lookups lookups;

	private final AuditTrail audit;

	ProjectEditing(Lookups lookups, AuditTrail audit) {
		this.lookups = lookups;
		this.audit = audit;
	}

	@Transactional
	String createProject(Caller caller, NewProject in) {
		String nameZh = Check.text("nameZh", in.nameZh(), Check.NAME);
		String name = Check.optionalText("name", in.name(), Check.NAME);
		String companyId = Check.optionalId("companyId", in.companyId());
		String id = in.id() != null ? Check.id("id", in.id()) : madeId(companyId, name);
		List<String> productIds = Check.ids("productIds", in.productIds(), true);
		Quantity quantity = Quantity.of(in.capacity(), in.unit());
		if (in.status() == null) {
			throw new BadArgument("status", "is required");
		}
		String regionText = Check.optionalText("region", in.region(), Check.NAME);
		Integer item = Check.item(in.item());
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());

		Map<String, ProductRef> products = lookups.products("productIds", productIds);
		if (companyId != null) {
			lookups.requireCompany("companyId", companyId);
		}
		RegionRef region = lookups.optionalRegion("region", regionText);
		lookups.requireItem(item);
		Map<String, String> chains = chainsOf(products.values());
		WriteRights.requireEvery(caller, CREATE, "project '" + id + "'", chains);
		Map<String, Object> amount = quantity.in(products.get(productIds.get(0)));
		if (lookups.exists("Project", id)) {
			throw new BadArgument("id", "'" + id + "' is a project already; change it with updateProject or "
					+ "changeProjectStatus, or choose another id");
		}
		Map<String, Object> write = params("id", id, "nameZh", nameZh, "name", name == null ? nameZh : name, "status",
				in.status().name(), "source", source, "note", note);
		write.putAll(amount);
		lookups.write("""
				CREATE (pr:Project {id: $id, nameZh: $nameZh, name: $name, capacity: $capacity, unit: $unit,
				                    writtenAs: $writtenAs, status: $status, source: $source, note: $note})""", write);
		lookups.write(LINKS, params("id", id, "companyId", companyId, "productIds", productIds, "regionId",
				region == null ? null : region.id(), "item", item, "byLead", !caller.isAdmin()));
		audit.record(caller, CREATE, source,
				new Written("Project", id, null, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	private static String madeId(String companyId, String name) {
		String slug = Check.slug(name);
		if (slug == null) {
			throw new BadArgument("id", "is required when there is no English name to make it from");
		}
		return companyId == null ? slug : companyId + "-" + slug;
	}

	@Transactional
	String updateProject(Caller caller, ProjectUpdate in) {
		String id = Check.id("id", in.id());
		String nameZh = Check.optionalText("nameZh", in.nameZh(), Check.NAME);
		String name = Check.optionalText("name", in.name(), Check.NAME);
		String companyId = Check.optionalId("companyId", in.companyId());
		List<String> productIds = in.productIds() == null ? null : Check.ids("productIds", in.productIds(), true);
		Quantity quantity = Quantity.of(in.capacity(), in.unit());
		String regionText = Check.optionalText("region", in.region(), Check.NAME);
		Integer item = Check.item(in.item());
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());
		if (nameZh == null && name == null && companyId == null && productIds == null && quantity.isEmpty()
				&& regionText == null && item == null && note == null) {
			throw new BadArgument("input",
					"changes nothing: give the fields to change (the status is changed " + "with changeProjectStatus)");
		}

		lookups.lock("Project", id);
		Current current = current(id);
		Map<String, ProductRef> products = productIds == null ? current.products()
				: lookups.products("productIds", productIds);
		if (companyId != null) {
			lookups.requireCompany("companyId", companyId);
		}
		RegionRef region = lookups.optionalRegion("region", regionText);
		lookups.requireItem(item);
		Map<String, String> chains = new TreeMap<>(chainsOf(current.products().values()));
		chains.putAll(chainsOf(products.values()));
		WriteRights.requireEvery(caller, UPDATE, "project '" + id + "'", chains);
		Map<String, Object> amount = quantity.isEmpty() ? Map.of()
				: quantity.in(products.isEmpty() ? null : products.values().iterator().next());

		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		Map<String, Object> write = params("id", id, "nameZh", nameZh, "name", name, "note", note, "source", source,
				"capacity", amount.get("capacity"), "unit", amount.get("unit"), "writtenAs", amount.get("writtenAs"));
		lookups.write("""
				MATCH (pr:Project {id: $id})
				SET pr.nameZh = coalesce($nameZh, pr.nameZh), pr.name = coalesce($name, pr.name),
				    pr.capacity = coalesce($capacity, pr.capacity), pr.unit = coalesce($unit, pr.unit),
				    pr.writtenAs = coalesce($writtenAs, pr.writtenAs), pr.note = coalesce($note, pr.note), %s"""
			.formatted(appendSource("pr")), write);
		lookups.write(LINKS, params("id", id, "companyId", companyId, "productIds", productIds, "regionId",
				region == null ? null : region.id(), "item", item, "byLead", !caller.isAdmin()));
		audit.record(caller, UPDATE, source,
				new Written("Project", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	@Transactional
	String changeStatus(Caller caller, ProjectStatusChange in) {
		String id = Check.id("id", in.id());
		if (in.status() == null) {
			throw new BadArgument("status", "is required");
		}
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());

		// else two changes at once both read PLANNED and both pass the check
		lookups.lock("Project", id);
		Current current = current(id);
		Map<String, String> chains = chainsOf(current.products().values());
		WriteRights.requireEvery(caller, CHANGE_STATUS, "project '" + id + "'", chains);
		if (current.status() == in.status()) {
			throw new BadArgument("status", "project '" + id + "' is " + in.status() + " already");
		}
		if (!current.status().mayBecome(in.status())) {
			throw new BadArgument("status", "project '" + id + "' is " + current.status() + " and cannot become "
					+ in.status() + ": a project only moves forward; the legal changes are " + Status.LEGAL);
		}
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		lookups.write("""
				MATCH (pr:Project {id: $id})
				SET pr.status = $status, pr.note = coalesce($note, pr.note), %s""".formatted(appendSource("pr")),
				params("id", id, "status", in.status().name(), "note", note, "source", source));
		audit.record(caller, CHANGE_STATUS, source,
				new Written("Project", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	private record Current(Status status, Map<String, ProductRef> products) {
	}

	private Current current(String id) {
		Map<String, Object> project = lookups.snapshot(SNAPSHOT, params("id", id));
		if (project == null) {
			throw new NotFound("project", id);
		}
		@SuppressWarnings("unchecked")
		List<String> productIds = (List<String>) project.get("productIds");
		return new Current(Status.valueOf((String) project.get("status")),
				productIds.isEmpty() ? Map.of() : lookups.products("productIds", productIds));
	}

	private static Map<String, String> chainsOf(Iterable<ProductRef> products) {
		Map<String, String> chains = new TreeMap<>();
		products.forEach(p -> chains.putAll(p.chains()));
		return chains;
	}

	/** A capacity with its unit as the input gave it; both or neither. */
	private record Quantity(Double amount, String unit) {

		static Quantity of(Double capacity, String unitText) {
			Double amount = Check.optionalAmount("capacity", capacity);
			String unit = Check.optionalText("unit", unitText, Check.UNIT);
			if (amount != null && unit == null) {
				throw new BadArgument("unit", "is required with a capacity");
			}
			if (amount == null && unit != null) {
				throw new BadArgument("capacity", "is required with a unit");
			}
			return new Quantity(amount, unit);
		}

		boolean isEmpty() {
			return amount == null;
		}

		/**
		 * capacity, unit and writtenAs in the product's unit (none without a quantity).
		 */
		Map<String, Object> in(ProductRef product) {
			if (amount == null) {
				return params("capacity", null, "unit", null, "writtenAs", null);
			}
			if (product == null) {
				throw new BadArgument("capacity", "needs a product to give its unit");
			}
			String writtenAs = Units.writtenAs(amount, unit);
			return params("capacity",
					Check.stored("capacity", amount * product.factorFrom(unit), product.unit(), writtenAs), "unit",
					product.unit(), "writtenAs", writtenAs);
		}

	}

}
