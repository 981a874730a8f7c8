package io.chainlens.seed;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file types of a seed data set and their columns, as documented in
 * {@code graph-seed/README.md}. Declared once here so that reading, validating and
 * writing all follow the same definition.
 */
final class SeedSchema {

	/** What an id names; a reference column says which kinds it may point to. */
	enum Kind {

		REGION("Region"), CHAIN("Chain"), SEGMENT("Segment"), PRODUCT("Product"), COMPANY("Company"),
		INSTITUTION("Institution"), GOV_UNIT("GovUnit"), SITE("Site"), ITEM("PolicyItem"), PROJECT("Project"),
		PLATFORM("Platform"), TARGET("Target"), LEAD("Lead");

		/** The node label of this kind in the graph. */
		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	enum Type {

		ID, TEXT, INT, NUMBER, SOURCE, UNIT, ENUM,
		/** An ISO-8601 calendar date, e.g. 2024-01-01. */
		DATE

	}

	record Column(String name, Type type, boolean required, boolean list, Set<Kind> refs, Set<String> values) {

		boolean isRef() {
			return !refs.isEmpty();
		}

	}

	/**
	 * @param name the file name, e.g. {@code products.csv}
	 * @param cypher the classpath resource that writes the rows
	 * @param defines the kind of entity each row defines, or null for link rows
	 * @param key the column that holds the defined id
	 */
	record FileType(String name, String cypher, Kind defines, String key, Map<String, Column> columns) {

		Column column(String columnName) {
			return columns.get(columnName);
		}

	}

	static final Set<String> STAGES = Set.of("UPSTREAM", "MIDSTREAM", "DOWNSTREAM", "SUPPORTING");

	static final Set<String> STATUSES = Set.of("OPERATING", "UNDER_CONSTRUCTION", "PLANNED");

	static final Set<String> LEVELS = Set.of("COUNTRY", "PROVINCE", "CITY", "DISTRICT");

	static final Set<String> PLATFORM_KINDS = Formats.PLATFORM_KINDS;

	/**
	 * FLOW (default): the input is consumed each year in proportion to the output's
	 * yearly capacity. STOCK: the output needs an installed base of the input once (wind
	 * farms for green hydrogen, trucks served by a swap station), which is no yearly
	 * demand on the input's makers.
	 */
	static final Set<String> FEED_BASES = Set.of("FLOW", "STOCK");

	/**
	 * CHAIN: an item about the chains it names; CROSS_CUTTING: an item that only touches
	 * them.
	 */
	static final Set<String> ITEM_SCOPES = Set.of("CHAIN", "CROSS_CUTTING");

	/**
	 * SUBSIDIARY: the child is controlled by the parent; JOINT_VENTURE: the parent holds
	 * a share of it with others; BRANCH: an unincorporated unit of the parent.
	 */
	static final Set<String> GROUP_KINDS = Set.of("SUBSIDIARY", "JOINT_VENTURE", "BRANCH");

	/**
	 * The stages of seed §21 a seed lead may be at (DROPPED is a decision recorded on the
	 * board, not a fact of the seed).
	 */
	static final Set<String> LEAD_STAGES = Set.of("RESERVE", "PRELIMINARY", "SIGNED", "CONSTRUCTION", "PRODUCTION");

	/**
	 * What a lead's date says: KNOWN (the default), the stage is known at that date and
	 * was reached on or before it (the document's date); REACHED, a source dates the
	 * stage itself (a signing, a ground-breaking).
	 */
	static final Set<String> LEAD_DATES = Set.of("KNOWN", "REACHED");

	static final Set<String> INSTITUTION_KINDS = Set.of("UNIVERSITY", "INSTITUTE", "ASSOCIATION", "FUND", "OTHER");

	/**
	 * In dependency order: a file only refers to kinds defined by files before it, or by
	 * itself.
	 */
	static final List<FileType> FILES = List.of(
			file("regions.csv", "01_regions", Kind.REGION, req("id", Type.ID), req("name_zh", Type.TEXT),
					opt("name_en", Type.TEXT), oneOf("level", true, LEVELS), ref("parent_id", false, Kind.REGION),
					req("source", Type.SOURCE)),
			file("chains.csv", "02_chains", Kind.CHAIN, req("id", Type.ID), req("name_zh", Type.TEXT),
					req("name_en", Type.TEXT), req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("segments.csv", "03_segments", Kind.SEGMENT, req("id", Type.ID), ref("chain_id", true, Kind.CHAIN),
					req("name_zh", Type.TEXT), req("name_en", Type.TEXT), oneOf("stage", true, STAGES),
					req("position", Type.INT), req("source", Type.SOURCE)),
			file("products.csv", "04_products", Kind.PRODUCT, req("id", Type.ID), ref("segment_id", true, Kind.SEGMENT),
					req("name_zh", Type.TEXT), req("name_en", Type.TEXT), oneOf("unit", true, Units.CANONICAL),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			// 1 from_unit of this product = factor to_unit (issue 13): a unit its
			// industry
			// publishes (t/d of glass melting, 万片 of wafers) that no exact conversion
			// covers
			file("conversions.csv", "04_conversions", null, ref("product_id", true, Kind.PRODUCT),
					req("from_unit", Type.TEXT), req("to_unit", Type.UNIT), req("factor", Type.NUMBER),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("feeds.csv", "05_feeds", null, ref("input_id", true, Kind.PRODUCT),
					ref("output_id", true, Kind.PRODUCT), req("per_unit", Type.NUMBER), req("unit", Type.UNIT),
					oneOf("basis", false, FEED_BASES), req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("yields.csv", "06_yields", null, ref("process_id", true, Kind.PRODUCT),
					ref("product_id", true, Kind.PRODUCT), req("share", Type.NUMBER), req("source", Type.SOURCE),
					opt("note", Type.TEXT)),
			file("companies.csv", "07_companies", Kind.COMPANY, req("id", Type.ID), req("name_zh", Type.TEXT),
					req("name_en", Type.TEXT), list("aliases", Type.TEXT), ref("hq_region_id", false, Kind.REGION),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("company_groups.csv", "17_company_groups", null, ref("parent_id", true, Kind.COMPANY),
					ref("child_id", true, Kind.COMPANY), oneOf("kind", true, GROUP_KINDS), opt("share", Type.NUMBER),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("institutions.csv", "08_institutions", Kind.INSTITUTION, req("id", Type.ID), req("name_zh", Type.TEXT),
					req("name_en", Type.TEXT), oneOf("kind", true, INSTITUTION_KINDS),
					ref("region_id", false, Kind.REGION), req("source", Type.SOURCE)),
			file("gov_units.csv", "09_gov_units", Kind.GOV_UNIT, req("id", Type.ID), req("name_zh", Type.TEXT),
					req("name_en", Type.TEXT), ref("region_id", false, Kind.REGION), req("source", Type.SOURCE)),
			file("sites.csv", "10_sites", Kind.SITE, req("id", Type.ID), ref("company_id", true, Kind.COMPANY),
					opt("name_zh", Type.TEXT), ref("region_id", true, Kind.REGION), req("source", Type.SOURCE),
					opt("note", Type.TEXT)),
			file("items.csv", "11_items", Kind.ITEM, req("number", Type.INT), req("title_zh", Type.TEXT),
					opt("title_en", Type.TEXT), refs("chain_ids", Kind.CHAIN), oneOf("scope", false, ITEM_SCOPES),
					refs("lead_unit_ids", Kind.GOV_UNIT), refs("responsible_unit_ids", Kind.GOV_UNIT),
					refs("responsible_org_ids", Kind.COMPANY, Kind.INSTITUTION), req("source", Type.SOURCE)),
			file("projects.csv", "12_projects", Kind.PROJECT, req("id", Type.ID), req("name_zh", Type.TEXT),
					opt("name_en", Type.TEXT), refs("company_id", Kind.COMPANY), refs("product_ids", Kind.PRODUCT),
					opt("capacity", Type.NUMBER), opt("unit", Type.UNIT), oneOf("status", true, STATUSES),
					ref("region_id", false, Kind.REGION), ref("item", false, Kind.ITEM), req("source", Type.SOURCE),
					opt("note", Type.TEXT)),
			file("capacities.csv", "13_capacities", null, ref("site_id", true, Kind.SITE),
					ref("product_id", true, Kind.PRODUCT), opt("capacity", Type.NUMBER), opt("unit", Type.UNIT),
					oneOf("status", true, STATUSES), opt("year", Type.INT), ref("project_id", false, Kind.PROJECT),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			// the seed's own projects on the stages of seed §21 (issue 15): a lead made
			// from
			// its project, whose status must agree with the stage
			file("leads.csv", "18_leads", Kind.LEAD, req("id", Type.ID), ref("project_id", true, Kind.PROJECT),
					oneOf("stage", true, LEAD_STAGES), req("on", Type.DATE), oneOf("on_is", false, LEAD_DATES),
					ref("owner_unit_id", true, Kind.GOV_UNIT), ref("item", false, Kind.ITEM),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("platforms.csv", "14_platforms", Kind.PLATFORM, req("id", Type.ID), req("name_zh", Type.TEXT),
					req("name_en", Type.TEXT), oneOf("kind", true, PLATFORM_KINDS),
					refs("operator_ids", Kind.COMPANY, Kind.INSTITUTION), refs("chain_ids", Kind.CHAIN),
					refs("segment_ids", Kind.SEGMENT), ref("region_id", false, Kind.REGION),
					oneOf("status", false, STATUSES), ref("item", false, Kind.ITEM), req("source", Type.SOURCE),
					opt("note", Type.TEXT)),
			file("targets.csv", "15_targets", Kind.TARGET, req("id", Type.ID), ref("chain_id", false, Kind.CHAIN),
					ref("product_id", false, Kind.PRODUCT), req("metric", Type.TEXT), req("value", Type.NUMBER),
					req("unit", Type.UNIT), req("year", Type.INT), ref("item", false, Kind.ITEM),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			file("supply_links.csv", "16_supply_links", null, ref("supplier_id", true, Kind.COMPANY),
					ref("customer_id", true, Kind.COMPANY), ref("product_id", true, Kind.PRODUCT),
					req("source", Type.SOURCE), opt("note", Type.TEXT)),
			// candidates a Chinese city cannot credibly attract for a product (empty:
			// any)
			file("not_attractable.csv", "17_not_attractable", null, ref("company_id", true, Kind.COMPANY),
					ref("product_id", false, Kind.PRODUCT), req("reason", Type.TEXT), req("source", Type.SOURCE)));

	static final Map<String, FileType> BY_NAME = FILES.stream()
		.collect(java.util.stream.Collectors.toUnmodifiableMap(FileType::name, f -> f));

	private SeedSchema() {
	}

	private static FileType file(String name, String cypher, Kind defines, Column... columns) {
		Map<String, Column> byName = new LinkedHashMap<>();
		Arrays.stream(columns).forEach(c -> byName.put(c.name(), c));
		String key = defines == null ? null : columns[0].name();
		return new FileType(name, "cypher/seed/" + cypher + ".cypher", defines, key, byName);
	}

	private static Column req(String name, Type type) {
		return new Column(name, type, true, false, Set.of(), Set.of());
	}

	private static Column opt(String name, Type type) {
		return new Column(name, type, false, false, Set.of(), Set.of());
	}

	private static Column list(String name, Type type) {
		return new Column(name, type, false, true, Set.of(), Set.of());
	}

	private static Column oneOf(String name, boolean required, Set<String> values) {
		return new Column(name, Type.ENUM, required, false, Set.of(), values);
	}

	private static Column ref(String name, boolean required, Kind kind) {
		return new Column(name, kind == Kind.ITEM ? Type.INT : Type.ID, required, false, Set.of(kind), Set.of());
	}

	private static Column refs(String name, Kind... kinds) {
		return new Column(name, Type.ID, false, true, Set.of(kinds), Set.of());
	}

}
